/** The control room's action items: owner body, due date, status; a member moves the status. */
import { type FormEvent, useState } from 'react';
import { ROOM_ACTION_STATUSES, type RoomActionStatus } from '../../../shared/codes/control-room.ts';
import type { RoomAction } from '../../../server/control-room/schemas.ts';
import { api } from '../../api.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { UrgencyBadge } from '../../components/UrgencyBadge.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';

interface Props {
  protocolId: string;
  actions: RoomAction[];
  canUpdate: boolean;
  caption: string;
  onChanged: () => void;
}

function StatusForm({
  protocolId,
  action,
  onChanged,
}: {
  protocolId: string;
  action: RoomAction;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const c = t.controlRoom;
  const [status, setStatus] = useState<RoomActionStatus>(action.status);
  const form = useVersionedForm({ version: action.version });
  const id = `status-${action.id}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = await form.submit(() =>
      api.put('/control-room/:protocolId/actions/:actionId/status', {
        params: { protocolId, actionId: action.id },
        body: { status },
        headers: ifMatch(action.version),
      }),
    );
    if (res.ok || res.conflict) onChanged();
  }
  return (
    <form noValidate onSubmit={submit} className="d-flex gap-2 align-items-end flex-wrap">
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <div>
        <label htmlFor={id} className="visually-hidden">
          {fmt(c.statusOf, { title: action.title })}
        </label>
        <select
          id={id}
          className="form-select form-select-sm"
          value={status}
          onChange={(e) => setStatus(e.target.value as RoomActionStatus)}
        >
          {ROOM_ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {c.statuses[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={form.busy || status === action.status}>
        {c.apply}
      </button>
    </form>
  );
}

export function ActionsTable({ protocolId, actions, canUpdate, caption, onChanged }: Props) {
  const { t, date } = useI18n();
  const c = t.controlRoom;
  if (actions.length === 0) return <p>{c.noActions}</p>;
  return (
    <ScrollTable label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.action}</th>
          <th scope="col">{c.owner}</th>
          <th scope="col">{c.dueOn}</th>
          <th scope="col">{c.status}</th>
          {canUpdate ? <th scope="col">{c.changeStatus}</th> : null}
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.id} className="room-action" data-overdue={a.overdue || undefined}>
            <th scope="row">{a.title}</th>
            <td>{a.owner.name}</td>
            <td>
              {date(a.dueOn)}
              {a.overdue ? (
                <div>
                  <UrgencyBadge kind="action_overdue" />
                </div>
              ) : null}
            </td>
            <td>{c.statuses[a.status]}</td>
            {canUpdate ? (
              <td>
                <StatusForm protocolId={protocolId} action={a} onChanged={onChanged} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
