/** A protocol's deciders invite a body that is not in Percorsi yet: a single-use link to the public form. */
import { Table } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../components/Field.tsx';
import { ResourceState } from '../components/Loading.tsx';
import { FormActions } from '../forms/FormActions.tsx';
import { useVersionedForm } from '../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useApi } from '../useApi.ts';
import type { IssuedLink } from './UsersPage.tsx';

export function AdhesionInvitations({ protocolId, onLink }: { protocolId: string; onLink: (l: IssuedLink) => void }) {
  const { t, date } = useI18n();
  const p = t.protocols;
  const { data, loading, error, reload } = useApi('/protocols/:id/adhesion-invitations', {
    params: { id: protocolId },
  });
  const [invitedName, setInvitedName] = useState('');
  const [networkId, setNetworkId] = useState('');
  const form = useVersionedForm();
  const { errors, attempt, fail } = form;
  const networks = data?.networks ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (invitedName.trim().length < 2) return fail([{ field: 'invited-name', message: p.invitedNameRequired }]);
    const res = await form.submit(
      () =>
        api.post('/protocols/:id/adhesion-invitations', {
          params: { id: protocolId },
          body: { invitedName: invitedName.trim(), networkId: networkId || null },
        }),
      (err) => {
        if (err instanceof ApiError && err.fields.length)
          return err.fields.map((f) => ({
            field: f.field === 'networkId' ? 'invite-network' : 'invited-name',
            message: t.fieldReasons[f.reason],
          }));
        return [{ message: t.common.error }];
      },
    );
    if (!res.ok) return;
    onLink({
      title: fmt(p.inviteCreated, { name: res.value.invitedName }),
      url: res.value.url,
      expiresAt: res.value.expiresAt,
    });
    setInvitedName('');
    reload();
  }

  return (
    <section className="block-gap" aria-labelledby="invite-body-title">
      <h2 id="invite-body-title">{p.inviteTitle}</h2>
      <p>{p.inviteIntro}</p>
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} attempt={attempt} />
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="invited-name"
              label={p.invitedName}
              value={invitedName}
              onValueChange={setInvitedName}
              maxLength={300}
              autoComplete="off"
              required
              error={errors.find((x) => x.field === 'invited-name')?.message}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="invite-network"
              label={p.inviteNetwork}
              value={networkId}
              onValueChange={setNetworkId}
              options={[
                { value: '', label: p.inviteNoNetwork },
                ...networks.map((n) => ({ value: n.id, label: n.name })),
              ]}
              error={errors.find((x) => x.field === 'invite-network')?.message}
            />
          </div>
        </div>
        <FormActions busy={form.busy} submitLabel={p.inviteSubmit} />
      </form>
      <ResourceState loading={loading && !data} error={error} />
      {data && !data.items.length ? <p>{p.invitationsEmpty}</p> : null}
      {data?.items.length ? (
        <Table responsive>
          <caption>{p.invitationsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{p.invitedName}</th>
              <th scope="col">{p.network}</th>
              <th scope="col">{p.invitationCreatedAt}</th>
              <th scope="col">{p.invitationExpiresAt}</th>
              <th scope="col">{p.invitationState}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.invitedName}</th>
                <td>{i.network?.name ?? t.common.none}</td>
                <td>{date(i.createdAt)}</td>
                <td>{date(i.expiresAt)}</td>
                <td>{p.invitationStates[i.state]}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}
