/**
 * What a group of notifications is about: the case code (at the centre) or the pseudonym (at the
 * recipient), purpose, bodies, the next due date and whether it is missed. Read from the referral
 * when the inbox is read; nothing of it travels by e-mail.
 */
import { UrgencyBadge } from '../components/UrgencyBadge.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { URGENCY_OF_OVERDUE } from '../urgency.ts';
import type { NotificationContext } from './types.ts';

/** The headline: "Percorso CODE" or "Pseudonimo P-…", with the purpose. */
export function aboutTitle(
  c: NotificationContext | null,
  t: ReturnType<typeof useI18n>['t'],
  label: ReturnType<typeof useI18n>['label'],
): string {
  const n = t.notifications;
  if (!c) return n.noContext;
  const who = c.caseCode ? fmt(n.caseCode, { code: c.caseCode }) : fmt(n.pseudonym, { code: c.pseudonym ?? '' });
  return `${who} · ${label('sharingPurposes', c.purpose)}`;
}

export function NotificationAbout({ c }: { c: NotificationContext }) {
  const { t, date, label } = useI18n();
  const n = t.notifications;
  return (
    <ul className="list-inline mb-1 notification-about">
      <li className="list-inline-item">
        {c.side === 'sender' ? fmt(n.toBody, { name: c.recipientName }) : fmt(n.fromBody, { name: c.senderName })}
      </li>
      <li className="list-inline-item">{label('referralStatuses', c.status)}</li>
      {c.dueOn && c.dueKind ? (
        <li className="list-inline-item">{fmt(n.due[c.dueKind], { date: date(c.dueOn) })}</li>
      ) : null}
      {c.overdue ? (
        <li className="list-inline-item">
          <UrgencyBadge kind={URGENCY_OF_OVERDUE[c.overdue]} />
        </li>
      ) : null}
    </ul>
  );
}
