/** Privacy notice (arts. 13-14 GDPR). */
import { useI18n } from '../i18n/index.tsx';
import { LegalPage } from './LegalPage.tsx';

export function PrivacyPage() {
  const { t } = useI18n();
  return <LegalPage title={t.legal.privacyTitle} intro={t.legal.privacyIntro} sections={t.legal.privacy} />;
}
