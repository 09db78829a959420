/** Wizard step 2: what goes with the referral, grouped; what her consents do not cover is disabled, with the reason. */
import { Link } from 'react-router-dom';
import { Checkbox } from '../../../components/Choice.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { FIELD_GROUPS } from '../../../referrals/codes.ts';
import type { ShareCheck } from '../../../referrals/types.ts';
import { type Draft, fieldId } from './referral-draft.ts';

interface Props {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  check: ShareCheck;
  caseId: string;
  recipient: string;
  err: (id: string) => string | undefined;
}

export function ShareStep({ draft, set, check, caseId, recipient, err }: Props) {
  const { t, label } = useI18n();
  const w = t.referralNew;
  const consents = `/percorsi/${encodeURIComponent(caseId)}/consensi`;
  const toggle = (field: string, on: boolean) =>
    set({ fields: on ? [...draft.fields, field] : draft.fields.filter((f) => f !== field) });
  return (
    <>
      {!check.sharingConsentId ? (
        <Notice kind="warning">
          <p className="mb-2">{fmt(w.noConsent, { recipient, purpose: label('sharingPurposes', draft.purpose) })}</p>
          <Link to={consents}>{w.recordConsent}</Link>
        </Notice>
      ) : (
        <>
          <p>{fmt(w.shareIntro, { recipient })}</p>
          {!check.identityConsentId ? <Notice kind="info">{w.noIdentityConsent}</Notice> : null}
          {check.onlyThroughCentre ? <Notice kind="info">{w.onlyThroughCentre}</Notice> : null}
          <p>
            <Link to={consents}>{w.seeConsents}</Link>
          </p>
        </>
      )}
      {FIELD_GROUPS.map((group) => {
        const fields = check.fields.filter((f) => f.group === group);
        if (!fields.length) return null;
        return (
          <fieldset key={group} className="form-group-block">
            <legend className="h5">{label('fieldGroups', group)}</legend>
            {fields.map((f) => {
              const id = fieldId(f.field);
              return (
                <Checkbox
                  key={f.field}
                  id={id}
                  className="share-field"
                  label={label('shareFields', f.field)}
                  checked={draft.fields.includes(f.field)}
                  disabled={!f.allowed}
                  onChange={(on) => toggle(f.field, on)}
                  hint={f.allowed || !f.refusal ? undefined : label('refusals', f.refusal)}
                  error={err(id)}
                />
              );
            })}
          </fieldset>
        );
      })}
    </>
  );
}
