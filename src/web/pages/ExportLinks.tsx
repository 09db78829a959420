/** Download links for a list's export (CSV, XLSX) with the list's current filters, in the UI's language. */
import type { ExportFormat } from '../../shared/codes/exports.ts';
import { queryString } from '../api-path.ts';
import { Icon } from '../components/Icon.tsx';
import { useI18n } from '../i18n/index.tsx';
import { freshFactorDownload } from '../security/fresh-download.ts';

interface Props {
  /** the export route, e.g. '/cases/export' (filters only: never a name or a tax code) */
  path:
    | '/cases/export'
    | '/follow-ups/export'
    | '/audit/export'
    | '/training/hours/export'
    // net-companies
    | '/companies/export'
    | '/vacancies/export';
  query: Record<string, string | number | boolean | undefined | null>;
  formats?: ExportFormat[];
}

export function ExportLinks({ path, query, formats = ['csv', 'xlsx'] }: Props) {
  const { t, lang } = useI18n();
  return (
    <p className="export-links">
      <span className="me-2">{t.exports.label}</span>
      {formats.map((format) => (
        <a
          key={format}
          className="btn btn-outline-primary btn-sm me-2"
          href={`/api/v1${path}${queryString({ ...query, format, lang })}`}
          download
          onClick={freshFactorDownload}
        >
          <Icon name="download" size="sm" color="primary" className="me-1" />
          {t.exports.formats[format]}
        </a>
      ))}
    </p>
  );
}
