/** A single-use link (invitation, password reset) shown once, with a copy button. */
import { useEffect, useRef, useState } from 'react';
import { fmt, useI18n } from '../i18n/index.tsx';

interface Props {
  title: string;
  url: string;
  expiresAt: string;
  onClose: () => void;
}

/** The server may return a path: show it as a full URL of this site. */
const absolute = (url: string) => new URL(url, window.location.origin).toString();

export function OneTimeLink({ title, url, expiresAt, onClose }: Props) {
  const { t, dateTime } = useI18n();
  const [copied, setCopied] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const full = absolute(url);

  useEffect(() => {
    boxRef.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(full);
      setCopied(true);
    } catch {
      document.getElementById('one-time-link')?.focus();
      (document.getElementById('one-time-link') as HTMLInputElement | null)?.select();
    }
  }

  return (
    <div ref={boxRef} tabIndex={-1} className="alert alert-success" role="status">
      <h2 className="h5">{title}</h2>
      <p>{fmt(t.users.oneTimeHint, { date: dateTime(expiresAt) })}</p>
      <label htmlFor="one-time-link" className="field-label">
        {t.users.oneTimeLink}
      </label>
      <input
        id="one-time-link"
        className="form-control one-time-link mb-2"
        readOnly
        value={full}
        onFocus={(e) => e.target.select()}
      />
      <div className="row-actions">
        <button type="button" className="btn btn-primary btn-sm" onClick={() => void copy()}>
          {t.common.copy}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onClose}>
          {t.users.close}
        </button>
        {copied ? <span className="ms-2">{t.common.copied}</span> : null}
      </div>
    </div>
  );
}
