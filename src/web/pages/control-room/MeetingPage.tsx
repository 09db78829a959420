/** One meeting: agenda, bodies present, minutes, decisions and the actions each gave. */
import { Link, useParams } from 'react-router-dom';
import { ResourceState } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import { ActionsTable } from './ActionsTable.tsx';
import { DocumentLink } from './DocumentsSection.tsx';

export function MeetingPage() {
  const { t, date } = useI18n();
  const c = t.controlRoom;
  const { protocolId = '', meetingId = '' } = useParams();
  const {
    data: m,
    loading,
    error,
    reload,
  } = useApi('/control-room/:protocolId/meetings/:meetingId', {
    params: { protocolId, meetingId },
  });
  const room = useApi('/control-room/:protocolId', { params: { protocolId } });
  const canUpdate = !!room.data?.allowedActions.includes('update_action');
  return (
    <>
      <p>
        <Link to={`/cabina-di-regia/${encodeURIComponent(protocolId)}`}>{c.backToRoom}</Link>
      </p>
      <PageTitle title={m ? fmt(c.meetingTitle, { date: date(m.heldOn) }) : c.meetingsTitle} />
      <ResourceState loading={loading && !m} error={error} />
      {m ? (
        <>
          <dl className="detail-list">
            <dt>{c.place}</dt>
            <dd>{m.place ?? t.common.none}</dd>
            <dt>{c.attendance}</dt>
            <dd>{m.attendance.map((b) => b.name).join(', ') || t.common.none}</dd>
            <dt>{c.minutes}</dt>
            <dd>
              {m.minutes ? (
                <>
                  {m.minutes.title} — <DocumentLink doc={m.minutes} />
                </>
              ) : (
                c.noMinutes
              )}
            </dd>
          </dl>
          <h2 className="block-gap">{c.agenda}</h2>
          {m.agenda.length ? (
            <ol>
              {m.agenda.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the agenda is an ordered list of texts
                <li key={i}>{a}</li>
              ))}
            </ol>
          ) : (
            <p>{c.noAgenda}</p>
          )}
          <h2 className="block-gap">{c.decisions}</h2>
          {m.decisions.length ? (
            <ol className="decisions">
              {m.decisions.map((d) => (
                <li key={d.id}>{d.text}</li>
              ))}
            </ol>
          ) : (
            <p>{t.common.none}</p>
          )}
          <h2 className="block-gap">{c.actionsTitle}</h2>
          <ActionsTable
            protocolId={protocolId}
            actions={m.actions}
            canUpdate={canUpdate}
            caption={c.actionsCaption}
            onChanged={reload}
          />
        </>
      ) : null}
    </>
  );
}
