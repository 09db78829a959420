/** 404. */
import { Link } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t.notFound.title} />
      <p>{t.notFound.text}</p>
      <p>
        <Link to="/">{t.notFound.home}</Link>
      </p>
    </>
  );
}
