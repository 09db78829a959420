/** User administration for org_admin / platform_admin. */
import { Badge, Table } from 'design-react-kit';
import { useState } from 'react';
import { useAuth } from '../auth.tsx';
import { ResourceState } from '../components/Loading.tsx';
import { OneTimeLink } from '../components/OneTimeLink.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';
import { type Invitation, InviteForm } from './InviteForm.tsx';
import { UserActions } from './UserActions.tsx';

export interface IssuedLink {
  title: string;
  url: string;
  expiresAt: string;
}

export function UsersPage() {
  const { t, label, date } = useI18n();
  const { me } = useAuth();
  const { data, loading, error, reload } = useApi('/users');
  const [link, setLink] = useState<IssuedLink | null>(null);
  const assignable = data?.assignableRoles ?? [];
  const users = [...(data?.items ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));

  const onInvited = (i: Invitation) => {
    setLink({ title: fmt(t.users.inviteCreated, { name: i.name }), url: i.inviteUrl, expiresAt: i.expiresAt });
    reload();
  };

  return (
    <>
      <PageTitle title={t.users.title} />
      <p className="lead-text">
        {t.users.intro} {me ? `(${me.organisation.name})` : ''}
      </p>
      {link ? (
        <OneTimeLink title={link.title} url={link.url} expiresAt={link.expiresAt} onClose={() => setLink(null)} />
      ) : null}
      <ResourceState loading={loading && !data} error={error} />
      {data && !users.length ? <p>{t.users.empty}</p> : null}
      {users.length ? (
        <Table responsive>
          <caption>{t.users.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.users.displayName}</th>
              <th scope="col">{t.users.username}</th>
              <th scope="col">{t.users.roles}</th>
              <th scope="col">{t.users.status}</th>
              <th scope="col">{t.users.mfa}</th>
              <th scope="col">{t.users.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.displayName} {u.id === me?.user.id ? t.users.you : null}
                  {u.email ? <div className="small fw-normal">{u.email}</div> : null}
                </th>
                <td>{u.username}</td>
                <td>{u.roles.map((r) => label('roles', r)).join(', ')}</td>
                <td>
                  <Badge color={u.disabled ? 'secondary' : 'success'}>
                    {u.disabled ? t.users.disabled : t.users.enabled}
                  </Badge>
                  {u.resetRequestedAt ? (
                    <div className="small mt-1">
                      <Badge color="warning">{fmt(t.users.resetRequested, { date: date(u.resetRequestedAt) })}</Badge>
                    </div>
                  ) : null}
                </td>
                <td>{u.mfaEnrolled ? t.users.mfaOn : t.users.mfaOff}</td>
                <td>
                  <UserActions user={u} assignable={assignable} onChanged={reload} onLink={setLink} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {data?.allowedActions.includes('invite') ? <InviteForm roles={assignable} onInvited={onInvited} /> : null}
    </>
  );
}
