/** Last step of the intake: everything entered, with a way back to each step. */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { IdentityValues, SafeContactValues } from '../../cases/contact-model.ts';
import type { ProfileValues } from '../../cases/profile-model.ts';
import { ProfileSummary } from '../../cases/ProfileSummary.tsx';
import { SafeContactSummary } from '../../cases/SafeContactSummary.tsx';

interface Props {
  taken: string;
  profile: ProfileValues;
  anonymous: boolean;
  identity: IdentityValues;
  contact: SafeContactValues;
  steps: string[];
  goTo: (step: number) => void;
}

export function ReviewStep({ taken, profile, anonymous, identity, contact, steps, goTo }: Props) {
  const { t, date } = useI18n();
  const f = t.caseFields;
  const section = (step: number, body: ReactNode) => (
    <section className="review-block" aria-labelledby={`review-${step}`}>
      <h3 id={`review-${step}`} className="h5">
        {steps[step]}
      </h3>
      {body}
      <button type="button" className="btn btn-link p-0" onClick={() => goTo(step)}>
        {t.intake.change} <span className="visually-hidden">{steps[step]}</span>
      </button>
    </section>
  );
  const idRows: [string, string][] = [
    [f.firstName, identity.firstName],
    [f.lastName, identity.lastName],
    [f.birthDate, identity.birthDate ? date(identity.birthDate) : ''],
    [f.taxCode, identity.taxCode.toUpperCase()],
    [f.phone, identity.phone],
    [f.email, identity.email],
    [f.address, identity.address],
    [f.languages, identity.languages],
    [f.codeWord, identity.codeWord ? '••••••' : ''],
  ];
  return (
    <>
      <p>{t.intake.reviewIntro}</p>
      {section(
        0,
        <dl className="detail-list">
          <dt>{f.takenInChargeOn}</dt>
          <dd>{date(taken)}</dd>
          <ProfileSummary values={profile} part="dates" />
        </dl>,
      )}
      {section(
        1,
        <dl className="detail-list">
          <ProfileSummary values={profile} part="person" />
        </dl>,
      )}
      {section(
        2,
        <dl className="detail-list">
          <ProfileSummary values={profile} part="situation" />
        </dl>,
      )}
      {section(
        3,
        anonymous ? (
          <p>{t.intake.anonymousChosen}</p>
        ) : (
          <dl className="detail-list">
            {idRows.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v || t.common.none}</dd>
              </div>
            ))}
          </dl>
        ),
      )}
      {section(4, <SafeContactSummary value={contact} />)}
    </>
  );
}
