/** The regional programme's eligibility: in charge, days left after closure, or window ended. */
import { Badge } from 'design-react-kit';
import { fmt, useI18n } from '../i18n/index.tsx';
import type { Eligibility } from './types.ts';

export function EligibilityBadge({ e }: { e: Eligibility }) {
  const { t, date } = useI18n();
  if (e.reason === 'in_charge') return <Badge color="success">{t.cases.eligibleInCharge}</Badge>;
  if (e.reason === 'window_ended') return <Badge color="secondary">{t.cases.notEligible}</Badge>;
  const soon = (e.daysLeft ?? 0) <= 30;
  return (
    <Badge color={soon ? 'warning' : 'primary'}>
      {fmt(e.daysLeft === 1 ? t.cases.eligibleOneDay : t.cases.eligibleDays, {
        n: e.daysLeft ?? 0,
        date: date(e.windowEndsOn),
      })}
    </Badge>
  );
}
