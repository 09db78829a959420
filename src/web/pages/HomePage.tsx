/** Home: who you are, and the screens your permissions open (navigation.ts). */
import { Badge, Card } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { homeTiles } from '../navigation.ts';

export function HomePage() {
  const { t, label } = useI18n();
  const { me } = useAuth();
  if (!me) return null;

  const tiles = homeTiles({ t, me });

  return (
    <>
      <PageTitle title={fmt(t.home.title, { name: me.user.displayName })} />
      <dl className="detail-list">
        <dt>{t.home.organisation}</dt>
        <dd>
          {me.organisation.name} ({label('orgTypes', me.organisation.type)})
        </dd>
        <dt>{t.home.roles}</dt>
        <dd>
          <ul className="list-inline mb-0">
            {me.roles.map((r) => (
              <li key={r} className="list-inline-item mb-1">
                <Badge color="primary">{label('roles', r)}</Badge>
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      <h2 className="block-gap">{t.home.whatYouCanDo}</h2>
      <ul className="row list-unstyled cards-grid">
        {tiles.map((tile) => (
          <li key={tile.to} className="col-12 col-md-6 col-lg-4 mb-4">
            <Card shadow="sm" rounded>
              <h3 className="it-card-title h4">
                <Link to={tile.to}>{tile.title}</Link>
              </h3>
              <div className="it-card-body">
                <p className="it-card-text">{tile.text}</p>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
