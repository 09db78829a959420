/** "non verificato" badge for data whose source is uncertain. */
import { Badge } from 'design-react-kit';
import { useI18n } from '../i18n/index.tsx';

export function UncertainBadge() {
  const { t } = useI18n();
  return (
    <Badge color="warning" className="badge-uncertain ms-2" title={t.common.uncertainLong}>
      {t.common.uncertain}
    </Badge>
  );
}
