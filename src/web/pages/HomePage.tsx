/** Home: who you are, and the screens your roles open. */
import { Badge, Card } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';

interface Tile {
  to: string;
  title: string;
  text: string;
}

export function HomePage() {
  const { t, label } = useI18n();
  const { me, hasRole } = useAuth();
  if (!me) return null;

  const canSeeAll = hasRole('dpo', 'platform_admin');
  const tiles: Tile[] = [
    ...(hasRole('centre_operator', 'dpo')
      ? [
          { to: '/percorsi', title: t.home.casesTitle, text: t.home.casesText },
          { to: '/follow-up', title: t.home.followUpsTitle, text: t.home.followUpsText },
        ]
      : []),
    ...(hasRole('centre_operator')
      ? [{ to: '/percorsi/nuovo', title: t.home.intakeTitle, text: t.home.intakeText }]
      : []),
    ...(hasRole('centre_operator', 'cpi_referent', 'service_operator', 'dpo')
      ? [{ to: '/invii', title: t.referralNav.homeTitle, text: t.referralNav.homeText }]
      : []),
    ...(hasRole('network_coordinator', 'control_room_member')
      ? [{ to: '/invii/scaduti', title: t.referralNav.overdueTitle, text: t.referralNav.overdueText }]
      : []),
    { to: '/reti', title: t.home.networksTitle, text: t.home.networksText },
    { to: '/organizzazioni', title: t.home.organisationsTitle, text: t.home.organisationsText },
    { to: '/protocolli', title: t.home.protocolsTitle, text: t.home.protocolsText },
    {
      to: `/organizzazioni/${encodeURIComponent(me.organisation.id)}`,
      title: t.home.myOrgTitle,
      text: t.home.myOrgText,
    },
  ];
  if (hasRole('org_admin', 'platform_admin'))
    tiles.push({ to: '/utenti', title: t.home.usersTitle, text: t.home.usersText });
  if (canSeeAll) tiles.push({ to: '/audit', title: t.home.auditTitle, text: t.home.auditText });
  tiles.push({
    to: canSeeAll ? `/audit?actor=${encodeURIComponent(me.user.id)}` : '/audit',
    title: t.home.myActivityTitle,
    text: t.home.myActivityText,
  });

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
