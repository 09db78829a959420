/** One badge for everything urgent: an icon and words (not colour alone), Bootstrap Italia's badge. */
import { Badge } from 'design-react-kit';
import type { UrgencyKind } from '../../shared/codes/urgency.ts';
import { useI18n } from '../i18n/index.tsx';
import { Icon } from './Icon.tsx';

const ICON: Record<UrgencyKind, string> = {
  high_risk: 'warning',
  action_overdue: 'clock',
  follow_up_due: 'calendar',
  acknowledgement_overdue: 'clock',
  appointment_overdue: 'clock',
};

export function UrgencyBadge({ kind, className }: { kind: UrgencyKind; className?: string }) {
  const { t } = useI18n();
  return (
    <Badge color="danger" className={['urgency-badge', className].filter(Boolean).join(' ')} data-urgency={kind}>
      <Icon name={ICON[kind]} size="xs" color="white" className="me-1 urgency-icon" />
      {t.urgency.kinds[kind]}
    </Badge>
  );
}
