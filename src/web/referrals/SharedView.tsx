/** What the recipient sees of her, rendered readably: profile, needs, plan, identity, safe contact. */
import type { ReactNode } from 'react';
import { DetailList } from '../components/DetailList.tsx';
import { Icon } from '../components/Icon.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import type { SafeContact } from '../cases/types.ts';
import type { ContactMode, Label, Shared } from './types.ts';

/** "Contattarla solo: …": her safe-contact preferences, shown prominently. */
export function SafeContactOnly({ value: v }: { value: SafeContact }) {
  const { t, label } = useI18n();
  const r = t.referral;
  const channels = v.channels.map((c) => label('contactChannels', c)).join(', ') || t.caseFields.noChannels;
  const windows = v.windows
    .map((w) => `${w.days.map((d) => label('weekdays', d)).join(', ')} ${w.from}–${w.to}`)
    .join('; ');
  return (
    <section className="safe-contact-box" aria-labelledby="shared-safe-contact">
      <h3 id="shared-safe-contact" className="h5">
        <Icon name="warning-circle" color="danger" className="me-1" />
        {r.safeContactTitle}
      </h3>
      <p className="fw-semibold mb-1">{fmt(r.contactOnly, { channels, windows: windows || t.caseFields.noWindows })}</p>
      {v.noVoicemail ? <p className="mb-1">{r.noVoicemail}</p> : null}
      {v.onlyThroughCentre ? <p className="mb-0">{r.throughCentreOnly}</p> : null}
    </section>
  );
}

export function SharedView({ shared: s, contactMode }: { shared: Shared; contactMode: ContactMode }) {
  const { t, lang, date, label } = useI18n();
  const r = t.referral;
  const tr = (l: Label) => l[lang];
  const f = (code: string) => label('shareFields', code);
  const p = s.profile;
  const profileRows: [string, ReactNode][] = [];
  if (p) {
    if ('ageBand' in p)
      profileRows.push([f('profile.ageBand'), p.ageBand ? label('ageBands', p.ageBand) : t.common.none]);
    if ('citizenship' in p)
      profileRows.push([
        f('profile.citizenship'),
        p.citizenship ? label('citizenships', p.citizenship) : t.common.none,
      ]);
    if ('residence' in p) profileRows.push([f('profile.residence'), p.residence?.name ?? t.common.none]);
    if ('education' in p)
      profileRows.push([f('profile.education'), p.education ? label('education', p.education) : t.common.none]);
    if ('employment' in p)
      profileRows.push([f('profile.employment'), p.employment ? label('employment', p.employment) : t.common.none]);
    if (p.children)
      profileRows.push([
        f('profile.children'),
        fmt(r.children, { count: p.children.count ?? 0, minors: p.children.minors ?? 0 }),
      ]);
  }
  const i = s.identity;
  const identityRows: [string, ReactNode][] = [];
  if (i) {
    if ('firstName' in i || 'lastName' in i)
      identityRows.push([f('identity.name'), `${i.firstName ?? ''} ${i.lastName ?? ''}`.trim() || t.common.none]);
    if ('birthDate' in i) identityRows.push([f('identity.birthDate'), date(i.birthDate)]);
    if ('taxCode' in i) identityRows.push([f('identity.taxCode'), i.taxCode || t.common.none]);
    if ('phone' in i) identityRows.push([f('identity.phone'), i.phone || t.common.none]);
    if ('email' in i) identityRows.push([f('identity.email'), i.email || t.common.none]);
    if ('languages' in i) identityRows.push([f('identity.languages'), i.languages?.join(', ') || t.common.none]);
  }
  const goals = s.plan?.goals;
  const actions = s.plan?.actions;
  return (
    <div className="shared-view">
      <p>
        <strong>{r.contactMode}:</strong> {label('contactModes', contactMode)}
      </p>
      {s.safeContact && contactMode === 'direct' ? <SafeContactOnly value={s.safeContact} /> : null}
      {s.note ? (
        <section aria-labelledby="shared-note">
          <h3 id="shared-note" className="h5">
            {r.note}
          </h3>
          <p className="review-summary">{s.note}</p>
        </section>
      ) : null}
      {identityRows.length ? (
        <section aria-labelledby="shared-identity">
          <h3 id="shared-identity" className="h5">
            {label('fieldGroups', 'identity')}
          </h3>
          <DetailList twoColumns rows={identityRows} />
        </section>
      ) : null}
      {profileRows.length ? (
        <section aria-labelledby="shared-profile">
          <h3 id="shared-profile" className="h5">
            {label('fieldGroups', 'profile')}
          </h3>
          <DetailList twoColumns rows={profileRows} />
        </section>
      ) : null}
      {s.needs !== undefined ? (
        <section aria-labelledby="shared-needs">
          <h3 id="shared-needs" className="h5">
            {label('fieldGroups', 'needs')}
          </h3>
          {s.needs === null ? (
            <p>{r.noNeeds}</p>
          ) : (
            <>
              <p>{fmt(r.needsOf, { date: date(s.needs.assessedOn) })}</p>
              {s.needs.levels ? (
                <DetailList
                  twoColumns
                  rows={Object.entries(s.needs.levels).map(([d, level]) => [
                    label('domains', d),
                    label('needLevels', level),
                  ])}
                />
              ) : null}
              {s.needs.sections.map((sec) => (
                <div key={sec.id}>
                  <h4 className="h6">{tr(sec.label)}</h4>
                  {sec.answers.length ? (
                    <DetailList
                      twoColumns
                      rows={sec.answers.map((a) => [tr(a.question), a.values.map(tr).join(', ')])}
                    />
                  ) : (
                    <p>{r.noAnswers}</p>
                  )}
                </div>
              ))}
            </>
          )}
        </section>
      ) : null}
      {goals || actions ? (
        <section aria-labelledby="shared-plan">
          <h3 id="shared-plan" className="h5">
            {label('fieldGroups', 'plan')}
          </h3>
          {goals ? (
            <>
              <h4 className="h6">{f('plan.goals')}</h4>
              {goals.length ? (
                <ul>
                  {goals.map((g) => (
                    <li key={`${g.domain}-${g.title}`}>
                      {g.title} ({label('domains', g.domain)}, {label('goalStatuses', g.status).toLowerCase()}
                      {g.targetOn ? `, ${fmt(r.by, { date: date(g.targetOn) })}` : ''})
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t.common.none}</p>
              )}
            </>
          ) : null}
          {actions ? (
            <>
              <h4 className="h6">{f('plan.actions')}</h4>
              {actions.length ? (
                <ul>
                  {actions.map((a) => (
                    <li key={`${a.domain}-${a.label.it}-${a.startsOn}`}>
                      {tr(a.label)} ({label('domains', a.domain)}, {label('actionStatuses', a.status).toLowerCase()}
                      {a.dueOn ? `, ${fmt(r.by, { date: date(a.dueOn) })}` : ''})
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{r.noActions}</p>
              )}
            </>
          ) : null}
        </section>
      ) : null}
      {!s.fields.length ? <p>{r.nothingShared}</p> : null}
    </div>
  );
}
