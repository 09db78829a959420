/** Profile tab: the non-identifying profile, safe-contact preferences, team, closure and reopening. */
import { useState } from 'react';
import { profileFromCase } from '../../cases/profile-model.ts';
import { ProfileSummary } from '../../cases/ProfileSummary.tsx';
import { FocusNotice } from '../../components/FocusNotice.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCase } from './case-context.ts';
import { ClosureSection } from './ClosureSection.tsx';
import { ProfileEditForm } from './ProfileEditForm.tsx';
import { SafeContactEditForm } from './SafeContactEditForm.tsx';

export function ProfileTab() {
  const { t, label } = useI18n();
  const { c, may } = useCase();
  const editable = may('update');
  const [editing, setEditing] = useState<'none' | 'profile' | 'contact'>('none');
  const [saved, setSaved] = useState<string | null>(null);
  const values = profileFromCase(c);
  const p = t.casePage;

  const done = (message: string) => {
    setEditing('none');
    setSaved(message);
  };
  const open = (what: 'profile' | 'contact') => {
    setSaved(null);
    setEditing(what);
  };

  return (
    <>
      {saved ? <FocusNotice kind="success">{saved}</FocusNotice> : null}
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{p.profileTitle}</h2>
        {editing === 'profile' ? (
          <ProfileEditForm onDone={() => done(p.profileSaved)} onCancel={() => setEditing('none')} />
        ) : (
          <>
            <dl className="detail-list two-columns">
              <ProfileSummary values={values} part="dates" />
              <ProfileSummary values={values} part="profile" />
            </dl>
            {editable ? (
              <button type="button" className="btn btn-outline-primary" onClick={() => open('profile')}>
                {p.editProfile}
              </button>
            ) : null}
          </>
        )}
      </section>
      <section className="block-gap" aria-labelledby="contact-title">
        <h2 id="contact-title">{p.contactTitle}</h2>
        {editing === 'contact' ? (
          <SafeContactEditForm onDone={() => done(p.contactSaved)} onCancel={() => setEditing('none')} />
        ) : (
          <>
            <p>{p.contactShownAbove}</p>
            {editable ? (
              <button type="button" className="btn btn-outline-primary" onClick={() => open('contact')}>
                {p.editContact}
              </button>
            ) : null}
          </>
        )}
      </section>
      <section className="block-gap" aria-labelledby="team-title">
        <h2 id="team-title">{p.team}</h2>
        <ul>
          {c.team.map((m) => (
            <li key={m.userId}>
              {m.displayName} — {label('teamRoles', m.roleInCase)}
            </li>
          ))}
        </ul>
      </section>
      <ClosureSection />
    </>
  );
}
