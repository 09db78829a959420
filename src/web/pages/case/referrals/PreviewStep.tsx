/** Wizard steps 3 and 4: exactly what the recipient will see, the deadlines; then the summary to send. */
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { DetailList } from '../../../components/DetailList.tsx';
import { SharedView } from '../../../referrals/SharedView.tsx';
import type { Preview, ShareCheck } from '../../../referrals/types.ts';
import type { Draft } from './referral-draft.ts';

function DueDates({ check }: { check: ShareCheck }) {
  const { t, date } = useI18n();
  return (
    <>
      <p>{fmt(t.referralNew.dueDates, { ack: date(check.ackDueOn), appointment: date(check.appointmentDueOn) })}</p>
      <p>{t.referral.workingDays}</p>
    </>
  );
}

export function PreviewStep({ preview, check, recipient }: { preview: Preview; check: ShareCheck; recipient: string }) {
  const { t } = useI18n();
  const w = t.referralNew;
  return (
    <>
      <p>{fmt(w.previewIntro, { recipient })}</p>
      <p className="lead-text">
        {w.pseudonym}: <strong className="case-code">{preview.pseudonym}</strong>
      </p>
      <div className="review-block">
        <SharedView shared={preview.shared} contactMode={preview.contactMode} />
      </div>
      <DueDates check={check} />
    </>
  );
}

export function ConfirmStep({ draft, check, recipient }: { draft: Draft; check: ShareCheck; recipient: string }) {
  const { t, label } = useI18n();
  const w = t.referralNew;
  const referent = check.referents.find((r) => r.id === draft.referentId)?.name ?? w.noReferent;
  const rows: [string, string][] = [
    [w.recipient, recipient],
    [w.referent, referent],
    [w.purpose, label('sharingPurposes', draft.purpose)],
    [w.urgency, label('urgencies', draft.urgency)],
    [w.fieldsChosen, draft.fields.length ? draft.fields.map((f) => label('shareFields', f)).join(', ') : w.noFields],
  ];
  return (
    <>
      <DetailList rows={rows} />
      <DueDates check={check} />
      <p>{w.confirmText}</p>
    </>
  );
}
