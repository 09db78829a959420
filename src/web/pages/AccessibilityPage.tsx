/** Accessibility statement (AgID model). */
import { useI18n } from '../i18n/index.tsx';
import { LegalPage } from './LegalPage.tsx';

export function AccessibilityPage() {
  const { t } = useI18n();
  return <LegalPage title={t.legal.accessibilityTitle} sections={t.legal.accessibility} />;
}
