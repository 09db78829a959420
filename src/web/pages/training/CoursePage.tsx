/** /formazione/corsi/:courseId: editions, sessions, participants, attendance, certificates (issue 8). */
import { Button, Table } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ResponseOf } from '../../api-contract.ts';
import { ApiError, api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';

type Course = ResponseOf<'GET', '/training/courses/:courseId'>;
type Edition = Course['editions'][number];

export function CoursePage() {
  const { courseId = '' } = useParams();
  const { t } = useI18n();
  const k = t.training;
  const { me } = useAuth();
  const manages = me?.permissions.includes('training.manage') ?? false;
  const { data, loading, error, reload, setData } = useApi('/training/courses/:courseId', { params: { courseId } });
  return (
    <>
      <p>
        <Link to="/formazione">{k.back}</Link>
      </p>
      <ResourceState loading={loading} error={error} />
      {data ? (
        <>
          <PageTitle title={data.title} />
          <p>
            {data.runningBodyName} — {data.networkName}. {k.hours}: {data.hours}. {k.audiences}:{' '}
            {data.audiences.map((a) => k.audienceLabels[a]).join(', ')}.
          </p>
          {data.topics.length ? <p>{`${k.topics}: ${data.topics.join('; ')}`}</p> : null}
          <p className="small">{k.completionRule}</p>
          {data.editions.map((e) => (
            <EditionBlock key={e.id} edition={e} manages={manages} onChange={reload} onCourse={setData} />
          ))}
          {manages ? <NewEdition courseId={data.id} onDone={reload} /> : null}
        </>
      ) : null}
    </>
  );
}

function EditionBlock(props: {
  edition: Edition;
  manages: boolean;
  onChange: () => void;
  onCourse: (c: Course) => void;
}) {
  const { edition: e, manages } = props;
  const { t, date } = useI18n();
  const k = t.training;
  return (
    <section className="mb-5" aria-labelledby={`edition-${e.id}`}>
      <h2 id={`edition-${e.id}`} className="h3">
        {e.label}
      </h2>
      <Table responsive size="sm">
        <caption>{fmt(k.sessionsCaption, { edition: e.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{k.heldOn}</th>
            <th scope="col">{k.hours}</th>
            <th scope="col">{k.place}</th>
          </tr>
        </thead>
        <tbody>
          {e.sessions.map((s) => (
            <tr key={s.id}>
              <th scope="row">{date(s.heldOn)}</th>
              <td>{s.hours}</td>
              <td>{s.place ?? k.online}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Table responsive size="sm">
        <caption>{fmt(k.participantsCaption, { edition: e.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{k.participant}</th>
            <th scope="col">{k.body}</th>
            <th scope="col">{k.attended}</th>
            <th scope="col">{k.completed}</th>
          </tr>
        </thead>
        <tbody>
          {e.participants.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>{p.organisationName}</td>
              <td>{p.hoursAttended}</td>
              <td>
                {p.completed && p.completedOn ? (
                  <>
                    {date(p.completedOn)}{' '}
                    <a
                      href={`/api/v1/training/enrolments/${encodeURIComponent(p.id)}/certificate`}
                      aria-label={fmt(k.certificateOf, { name: p.name })}
                    >
                      {k.certificate}
                    </a>
                  </>
                ) : (
                  k.notCompleted
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {manages ? (
        <div className="row">
          <div className="col-lg-6">
            <NewSession editionId={e.id} onDone={props.onChange} />
            <Enrol editionId={e.id} onDone={props.onChange} />
          </div>
          <div className="col-lg-6">
            {e.sessions.length && e.participants.length ? <Attendance edition={e} onCourse={props.onCourse} /> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

function useSubmit() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      await fn();
      setMessage({ ok: true, text: t.training.saved });
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields.map((f) => f.field).join(', ') : '';
      setMessage({ ok: false, text: `${t.common.error} ${fields}` });
    } finally {
      setBusy(false);
    }
  };
  const notice = message ? <Notice kind={message.ok ? 'success' : 'danger'}>{message.text}</Notice> : null;
  return { busy, run, notice };
}

function NewEdition({ courseId, onDone }: { courseId: string; onDone: () => void }) {
  const k = useI18n().t.training;
  const [label, setLabel] = useState('');
  const { busy, run, notice } = useSubmit();
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      await api.post('/training/courses/:courseId/editions', { params: { courseId }, body: { label } });
      setLabel('');
      onDone();
    });
  };
  return (
    <form onSubmit={submit} className="mb-4" aria-labelledby="new-edition-title">
      <h2 id="new-edition-title" className="h4">
        {k.newEdition}
      </h2>
      {notice}
      <TextField id="edition-label" label={k.editionLabel} value={label} onValueChange={setLabel} maxLength={120} />
      <Button color="primary" size="sm" type="submit" disabled={busy}>
        {k.addEdition}
      </Button>
    </form>
  );
}

function NewSession({ editionId, onDone }: { editionId: string; onDone: () => void }) {
  const k = useI18n().t.training;
  const [heldOn, setHeldOn] = useState('');
  const [hours, setHours] = useState('4');
  const [place, setPlace] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const { busy, run, notice } = useSubmit();
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      await api.post('/training/editions/:editionId/sessions', {
        params: { editionId },
        body: { heldOn, hours: Number(hours), place: place.trim() || null, onlineUrl: onlineUrl.trim() || null },
      });
      setHeldOn('');
      onDone();
    });
  };
  const id = (x: string) => `${x}-${editionId}`;
  return (
    <form onSubmit={submit} className="mb-4" aria-labelledby={id('session-title')}>
      <h3 id={id('session-title')} className="h5">
        {k.addSession}
      </h3>
      {notice}
      <TextField id={id('session-date')} label={k.heldOn} type="date" value={heldOn} onValueChange={setHeldOn} />
      <TextField
        id={id('session-hours')}
        label={k.hours}
        type="number"
        min={0.5}
        max={12}
        step={0.5}
        value={hours}
        onValueChange={setHours}
      />
      <TextField id={id('session-place')} label={k.place} hint={k.placeOrLink} value={place} onValueChange={setPlace} />
      <TextField id={id('session-url')} label={k.onlineUrl} value={onlineUrl} onValueChange={setOnlineUrl} />
      <Button color="primary" size="sm" type="submit" disabled={busy}>
        {k.addSession}
      </Button>
    </form>
  );
}

function Enrol({ editionId, onDone }: { editionId: string; onDone: () => void }) {
  const k = useI18n().t.training;
  const organisations = useApi('/organisations', { query: {} });
  const [organisationId, setOrganisationId] = useState('');
  const people = useApi('/training/candidates', organisationId ? { query: { organisationId } } : null);
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const { busy, run, notice } = useSubmit();
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      await api.post('/training/editions/:editionId/enrolments', {
        params: { editionId },
        body: { organisationId, userId: userId || null, name: userId ? null : name.trim() || null },
      });
      setUserId('');
      setName('');
      onDone();
    });
  };
  const id = (x: string) => `${x}-${editionId}`;
  return (
    <form onSubmit={submit} className="mb-4" aria-labelledby={id('enrol-title')}>
      <h3 id={id('enrol-title')} className="h5">
        {k.enrolTitle}
      </h3>
      {notice}
      <SelectField
        id={id('enrol-body')}
        label={k.body}
        value={organisationId}
        onValueChange={(v) => {
          setOrganisationId(v);
          setUserId('');
        }}
        options={[
          { value: '', label: k.choose },
          ...(organisations.data?.items ?? [])
            .filter((o) => o.type !== 'shelter_operator')
            .map((o) => ({ value: o.id, label: o.town ? `${o.name} (${o.town})` : o.name })),
        ]}
      />
      <SelectField
        id={id('enrol-person')}
        label={k.person}
        value={userId}
        onValueChange={setUserId}
        options={[
          { value: '', label: k.choose },
          ...(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <TextField id={id('enrol-name')} label={k.externalName} value={name} onValueChange={setName} maxLength={120} />
      <Button color="primary" size="sm" type="submit" disabled={busy || !organisationId}>
        {k.enrol}
      </Button>
    </form>
  );
}

function Attendance({ edition, onCourse }: { edition: Edition; onCourse: (c: Course) => void }) {
  const { t, date } = useI18n();
  const k = t.training;
  const [sessionId, setSessionId] = useState(edition.sessions[0]?.id ?? '');
  const initial = (sid: string) =>
    edition.participants.filter((p) => p.attendedSessionIds.includes(sid)).map((p) => p.id);
  const [present, setPresent] = useState<string[]>(initial(sessionId));
  const { busy, run, notice } = useSubmit();
  const session = edition.sessions.find((s) => s.id === sessionId);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      const course = await api.put('/training/editions/:editionId/attendance', {
        params: { editionId: edition.id },
        body: { sessionId, present },
      });
      onCourse(course);
    });
  };
  const id = (x: string) => `${x}-${edition.id}`;
  return (
    <form onSubmit={submit} className="mb-4" aria-labelledby={id('attendance-title')}>
      <h3 id={id('attendance-title')} className="h5">
        {k.attendanceTitle}
      </h3>
      {notice}
      <SelectField
        id={id('attendance-session')}
        label={k.heldOn}
        value={sessionId}
        onValueChange={(v) => {
          setSessionId(v);
          setPresent(initial(v));
        }}
        options={edition.sessions.map((s) => ({ value: s.id, label: `${date(s.heldOn)} (${s.hours} h)` }))}
      />
      <fieldset className="field">
        <legend className="field-legend">{fmt(k.attendanceFor, { date: session ? date(session.heldOn) : '' })}</legend>
        {edition.participants.map((p) => (
          <div className="form-check" key={p.id}>
            <input
              id={id(`present-${p.id}`)}
              type="checkbox"
              checked={present.includes(p.id)}
              onChange={(ev) => setPresent(ev.target.checked ? [...present, p.id] : present.filter((x) => x !== p.id))}
            />
            <label htmlFor={id(`present-${p.id}`)}>{`${p.name} — ${p.organisationName}`}</label>
          </div>
        ))}
      </fieldset>
      <Button color="primary" size="sm" type="submit" disabled={busy}>
        {k.saveAttendance}
      </Button>
    </form>
  );
}
