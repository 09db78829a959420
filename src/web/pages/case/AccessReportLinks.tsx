/** Her rights (the centre's DPO): her access report as a PDF in Italian or English, or as JSON. */
import { Icon } from '../../components/Icon.tsx';
import type { CaseDetail } from '../../cases/types.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { freshFactorDownload } from '../../security/fresh-download.ts';

export function AccessReportLinks({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (!c.allowedActions.includes('access_report')) return null;
  const r = t.rights;
  const base = `/api/v1/cases/${c.id}/access-report`;
  return (
    <section className="access-report mb-4" aria-labelledby="access-report-heading">
      <h2 id="access-report-heading" className="h5">
        {r.reportHeading}
      </h2>
      <p>{r.reportIntro}</p>
      <p>
        {(['it', 'en'] as const).map((lang) => (
          <a
            key={lang}
            className="btn btn-outline-primary btn-sm me-2 mb-2"
            href={`${base}/pdf?lang=${lang}`}
            download
            onClick={freshFactorDownload}
          >
            <Icon name="download" size="sm" color="primary" className="me-1" />
            {fmt(r.reportPdf, { lang: t.lang[lang] })}
          </a>
        ))}
        <a
          className="btn btn-outline-primary btn-sm me-2 mb-2"
          href={`${base}?lang=it`}
          download
          onClick={freshFactorDownload}
        >
          <Icon name="download" size="sm" color="primary" className="me-1" />
          {r.reportJson}
        </a>
      </p>
    </section>
  );
}
