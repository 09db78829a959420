/**
 * How she may be contacted safely, on every tab of her case: important information (blue, an
 * information icon: not an error), one line that is always visible, the time windows and details behind a
 * native disclosure (keyboard and screen readers get it for free; it stays compact on a phone).
 */
import { Icon } from '../components/Icon.tsx';
import { useI18n } from '../i18n/index.tsx';
import { SafeContactSummary } from './SafeContactSummary.tsx';
import type { SafeContact } from './types.ts';

export function SafeContactBox({ value: v }: { value: SafeContact }) {
  const { t, label } = useI18n();
  const f = t.caseFields;
  const h = t.casePage;
  const line = [
    v.channels.length ? v.channels.map((c) => label('contactChannels', c)).join(', ') : f.noChannels,
    v.noVoicemail ? f.noVoicemailYes : null,
    v.onlyThroughCentre ? f.onlyThroughCentreYes : null,
  ].filter((x): x is string => x !== null);
  return (
    <section className="safe-contact-box" aria-labelledby="safe-contact-title">
      <div className="safe-contact-title">
        <Icon name="info-circle" color="primary" />
        <h2 id="safe-contact-title" className="h6 mb-0">
          {h.safeContactTitle}
        </h2>
      </div>
      <p className="mb-1 safe-contact-line">{line.join(' · ')}</p>
      <details className="safe-contact-details">
        <summary>{h.safeContactMore}</summary>
        <p className="small mt-2 mb-1">{h.safeContactIntro}</p>
        <SafeContactSummary value={v} />
      </details>
    </section>
  );
}
