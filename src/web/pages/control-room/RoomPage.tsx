/**
 * One protocol's control room (/cabina-di-regia/:protocolId): the agreed actions (overdue marked),
 * meetings, working groups, documents and bodies; the coordinator records meetings and groups and
 * uploads documents, a member moves an action's status.
 */
import { Link, useParams } from 'react-router-dom';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import { ActionsTable } from './ActionsTable.tsx';
import { DocumentsTable, UploadForm } from './DocumentsSection.tsx';
import { GroupForm, GroupsList } from './GroupsSection.tsx';
import { MeetingForm } from './MeetingForm.tsx';

export function RoomPage() {
  const { t, date } = useI18n();
  const c = t.controlRoom;
  const { protocolId = '' } = useParams();
  const room = useApi('/control-room/:protocolId', { params: { protocolId } });
  const docs = useApi('/control-room/:protocolId/documents', { params: { protocolId } });
  const r = room.data;
  const manage = !!r?.allowedActions.includes('manage');
  const groupName = (id: string | null) => r?.workingGroups.find((g) => g.id === id)?.name ?? c.plenary;
  const reload = () => {
    room.reload();
    docs.reload();
  };

  return (
    <>
      <p>
        <Link to="/cabina-di-regia">{c.backToRooms}</Link>
      </p>
      <PageTitle title={r?.protocol.name ?? c.title} />
      <ResourceState loading={room.loading && !r} error={room.error} />
      {r ? (
        <>
          <section className="block-gap" aria-labelledby="actions-title">
            <h2 id="actions-title">{c.actionsTitle}</h2>
            <ActionsTable
              protocolId={protocolId}
              actions={r.actions}
              canUpdate={r.allowedActions.includes('update_action')}
              caption={c.actionsCaption}
              onChanged={room.reload}
            />
          </section>

          <section className="block-gap" aria-labelledby="meetings-title">
            <h2 id="meetings-title">{c.meetingsTitle}</h2>
            {r.meetings.length === 0 ? (
              <p>{c.noMeetings}</p>
            ) : (
              <ScrollTable label={c.meetingsCaption}>
                <caption>{c.meetingsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.heldOn}</th>
                    <th scope="col">{c.body}</th>
                    <th scope="col">{c.place}</th>
                    <th scope="col">{c.attendance}</th>
                    <th scope="col">{c.decisions}</th>
                    <th scope="col">{c.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.meetings.map((m) => (
                    <tr key={m.id} className="meeting-row">
                      <th scope="row">
                        <Link
                          to={`/cabina-di-regia/${encodeURIComponent(protocolId)}/riunioni/${encodeURIComponent(m.id)}`}
                          aria-label={fmt(c.openMeeting, { date: date(m.heldOn) })}
                        >
                          {date(m.heldOn)}
                        </Link>
                      </th>
                      <td>{groupName(m.workingGroupId)}</td>
                      <td>{m.place ?? t.common.none}</td>
                      <td>{m.attendanceCount}</td>
                      <td>{m.decisionCount}</td>
                      <td>{m.actionCount}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
            {manage ? (
              <details className="block-gap">
                <summary className="h5">{c.newMeeting}</summary>
                <MeetingForm
                  protocolId={protocolId}
                  bodies={r.bodies}
                  groups={r.workingGroups}
                  minutes={(docs.data?.items ?? []).filter((d) => d.kind === 'minutes')}
                  onSaved={reload}
                />
              </details>
            ) : null}
          </section>

          <section className="block-gap" aria-labelledby="groups-title">
            <h2 id="groups-title">{c.groupsTitle}</h2>
            <GroupsList groups={r.workingGroups} />
            {manage ? (
              <details className="block-gap">
                <summary className="h5">{c.newGroup}</summary>
                <GroupForm protocolId={protocolId} bodies={r.bodies} onSaved={reload} />
              </details>
            ) : null}
          </section>

          <section className="block-gap" aria-labelledby="documents-title">
            <h2 id="documents-title">{c.documentsTitle}</h2>
            <ResourceState loading={docs.loading && !docs.data} error={docs.error} />
            {docs.data ? <DocumentsTable docs={docs.data.items} caption={c.documentsCaption} /> : null}
            {manage ? (
              <details className="block-gap">
                <summary className="h5">{c.upload}</summary>
                <UploadForm protocolId={protocolId} groups={r.workingGroups} onUploaded={reload} />
              </details>
            ) : null}
          </section>

          <section className="block-gap" aria-labelledby="bodies-title">
            <h2 id="bodies-title">{c.bodiesTitle}</h2>
            <p>{c.bodiesHint}</p>
            <ul>
              {r.bodies.map((b) => (
                <li key={b.id}>{b.name}</li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
