/** Thematic working groups: their bodies, meetings and outputs; the coordinator creates one. */
import { type FormEvent, useState } from 'react';
import type { WorkingGroup } from '../../../server/control-room/schemas.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { CheckboxGroup, TextField } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { DocumentLink } from './DocumentsSection.tsx';

export function GroupsList({ groups }: { groups: WorkingGroup[] }) {
  const { t } = useI18n();
  const c = t.controlRoom;
  if (groups.length === 0) return <p>{c.noGroups}</p>;
  return (
    <div className="working-groups">
      {groups.map((g) => (
        <section key={g.id} className="working-group mb-4" aria-labelledby={`group-${g.id}`}>
          <h3 id={`group-${g.id}`} className="h5">
            {g.name}
          </h3>
          <p>
            <strong>{c.members}:</strong> {g.members.map((m) => m.name).join(', ') || t.common.none}
          </p>
          <p>{fmt(c.meetingsN, { n: g.meetingCount })}</p>
          <p className="mb-1">
            <strong>{c.outputs}:</strong>
          </p>
          {g.outputs.length ? (
            <ul>
              {g.outputs.map((o) => (
                <li key={o.id}>
                  {o.title} — <DocumentLink doc={o} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{c.noOutputs}</p>
          )}
        </section>
      ))}
    </div>
  );
}

export function GroupForm({
  protocolId,
  bodies,
  onSaved,
}: {
  protocolId: string;
  bodies: Array<{ id: string; name: string }>;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const c = t.controlRoom;
  const [name, setName] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const form = useVersionedForm();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!form.check(name.trim().length >= 2 ? [] : [{ field: 'group-name', message: t.fieldReasons.too_short }]))
      return;
    const res = await form.submit(() =>
      api.post('/control-room/:protocolId/working-groups', {
        params: { protocolId },
        body: { name: name.trim(), memberIds: members },
      }),
    );
    if (!res.ok) return;
    setName('');
    setMembers([]);
    setSaved(true);
    onSaved();
  }
  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      {saved ? <Notice kind="success">{c.groupSaved}</Notice> : null}
      <TextField
        id="group-name"
        label={c.groupName}
        value={name}
        onValueChange={setName}
        maxLength={200}
        required
        error={form.err('group-name')}
      />
      <CheckboxGroup
        id="group-members"
        legend={c.membersLegend}
        options={bodies.map((b) => ({ value: b.id, label: b.name }))}
        selected={members}
        onChange={setMembers}
      />
      <FormActions busy={form.busy} submitLabel={c.saveGroup} />
    </form>
  );
}
