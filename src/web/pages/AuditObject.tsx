/** What an audit row is about, in the operator's language: the case code, a body or user by name, the recipient. */
import type { AuditEntry } from '../../server/audit/schemas.ts';
import { useI18n } from '../i18n/index.tsx';

/** A purpose as recorded: a sharing purpose (e.g. work_orientation), a reason to read her identity, or text. */
export function usePurposeLabel() {
  const { t } = useI18n();
  return (p: string) =>
    (t.labels.sharingPurposes as Record<string, string>)[p] ??
    (t.labels.identityPurposes as Record<string, string>)[p] ??
    (t.labels.consentPurposes as Record<string, string>)[p] ??
    p;
}

export function AuditObject({ e }: { e: AuditEntry }) {
  const { t, label } = useI18n();
  const purposeLabel = usePurposeLabel();
  if (!e.subjectType && !e.details.list) return <>{t.common.none}</>;
  const detailPurpose = typeof e.details.purpose === 'string' ? e.details.purpose : null;
  const list = typeof e.details.list === 'string' ? e.details.list : null;
  return (
    <>
      {e.subjectType ? label('subjectTypes', e.subjectType) : null}
      {e.caseCode ? (
        <>
          {' '}
          <span className="case-code">{e.caseCode}</span>
        </>
      ) : e.subjectName ? (
        <div className="small">{e.subjectName}</div>
      ) : e.subjectId ? (
        <code className="d-block small">{e.subjectId}</code>
      ) : null}
      {e.recipientName ? <div className="small">{`${t.audit.recipient}: ${e.recipientName}`}</div> : null}
      {detailPurpose ? <div className="small">{purposeLabel(detailPurpose)}</div> : null}
      {list ? <div className="small">{label('exportLists', list)}</div> : null}
    </>
  );
}
