/**
 * /procedure/:id: the versions of a procedure (the coordinator approves a draft with its date and
 * act, or supersedes; a new version is a draft), and which signatory body acknowledged the version
 * in force (her body's administrator does it here).
 */
import { type FormEvent, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ProcedureDetail, ProcedureVersion } from '../../../server/procedures/schemas.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { ifMatch } from '../../forms/submit-outcome.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import { DocumentLink } from '../control-room/DocumentsSection.tsx';
import { uploadProcedureText } from './upload-procedure-text.ts';

function VersionActions({ p, v, onDone }: { p: ProcedureDetail; v: ProcedureVersion; onDone: () => void }) {
  const { t } = useI18n();
  const w = t.controlRoom.procedures;
  const [approvedOn, setApprovedOn] = useState('');
  const [act, setAct] = useState('');
  const form = useVersionedForm({ version: v.version });
  const go = async (body: {
    action: 'approve' | 'supersede' | 'acknowledge';
    approvedOn?: string;
    actReference?: string;
  }) => {
    const res = await form.submit(() =>
      api.post('/procedures/:id/versions/:versionId/transitions', {
        params: { id: p.id, versionId: v.id },
        body,
        headers: ifMatch(v.version),
      }),
    );
    if (res.ok || res.conflict) onDone();
  };
  const approve = (e: FormEvent) => {
    e.preventDefault();
    const problems = [
      ...(approvedOn
        ? []
        : [{ field: `approve-date-${v.number}`, message: `${w.approvedOn}: ${t.fieldReasons.required}` }]),
      ...(act.trim()
        ? []
        : [{ field: `approve-act-${v.number}`, message: `${w.actReference}: ${t.fieldReasons.required}` }]),
    ];
    if (form.check(problems)) void go({ action: 'approve', approvedOn, actReference: act.trim() });
  };
  if (v.allowedActions.length === 0) return <>{t.common.none}</>;
  return (
    <div>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      {v.allowedActions.includes('approve') ? (
        <form noValidate onSubmit={approve} aria-label={fmt(w.approveVersion, { n: v.number })}>
          <TextField
            id={`approve-date-${v.number}`}
            type="date"
            label={w.approvedOn}
            value={approvedOn}
            onValueChange={setApprovedOn}
          />
          <TextField
            id={`approve-act-${v.number}`}
            label={w.actReference}
            value={act}
            onValueChange={setAct}
            maxLength={200}
          />
          <button type="submit" className="btn btn-primary btn-sm" disabled={form.busy}>
            {w.approve}
          </button>
        </form>
      ) : null}
      {v.allowedActions.includes('supersede') ? (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          disabled={form.busy}
          onClick={() => void go({ action: 'supersede' })}
        >
          {w.supersede}
        </button>
      ) : null}
      {v.allowedActions.includes('acknowledge') ? (
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={form.busy}
          onClick={() => void go({ action: 'acknowledge' })}
        >
          {w.acknowledge}
        </button>
      ) : null}
    </div>
  );
}

function NewVersionForm({ p, onDone }: { p: ProcedureDetail; onDone: () => void }) {
  const { t } = useI18n();
  const c = t.controlRoom;
  const file = useRef<HTMLInputElement>(null);
  const form = useVersionedForm();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const f = file.current?.files?.[0];
    if (!form.check(f ? [] : [{ field: 'version-file', message: c.fileRequired }]) || !f) return;
    const res = await form.submit(async () => {
      const doc = await uploadProcedureText(p.protocol.id, p.title, f);
      return api.post('/procedures/:id/versions', { params: { id: p.id }, body: { documentId: doc.id } });
    });
    if (res.ok) onDone();
  }
  return (
    <form noValidate onSubmit={submit}>
      <Notice kind="warning">{c.uploadWarning}</Notice>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <div className="field">
        <label htmlFor="version-file" className="field-label">
          {c.file}
        </label>
        <input
          id="version-file"
          ref={file}
          type="file"
          className="form-control"
          accept=".pdf,.odt,.docx"
          aria-describedby="version-file-hint"
        />
        <small id="version-file-hint" className="form-text d-block field-hint">
          {c.uploadTypes}
        </small>
      </div>
      <button type="submit" className="btn btn-primary" disabled={form.busy}>
        {c.procedures.addVersion}
      </button>
    </form>
  );
}

export function ProcedurePage() {
  const { t, date, dateTime, label } = useI18n();
  const w = t.controlRoom.procedures;
  const { id = '' } = useParams();
  const { data: p, loading, error, reload } = useApi('/procedures/:id', { params: { id } });
  return (
    <>
      <p>
        <Link to="/procedure">{w.backToList}</Link>
      </p>
      <PageTitle title={p?.title ?? w.title} />
      <ResourceState loading={loading && !p} error={error} />
      {p ? (
        <>
          <dl className="detail-list">
            <dt>{w.protocol}</dt>
            <dd>{p.protocol.name}</dd>
            <dt>{w.appliesTo}</dt>
            <dd>{p.appliesToType ? label('orgTypes', p.appliesToType) : w.anyBody}</dd>
          </dl>
          <h2 className="block-gap">{w.versionsTitle}</h2>
          <ScrollTable label={w.versionsCaption}>
            <caption>{w.versionsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.number}</th>
                <th scope="col">{w.status}</th>
                <th scope="col">{w.approvedOn}</th>
                <th scope="col">{w.actReference}</th>
                <th scope="col">{w.supersededOn}</th>
                <th scope="col">{w.text}</th>
                <th scope="col">{w.actions}</th>
              </tr>
            </thead>
            <tbody>
              {p.versions.map((v) => (
                <tr key={v.id} className="procedure-version" data-status={v.status}>
                  <th scope="row">{v.number}</th>
                  <td>{t.controlRoom.procedureStatuses[v.status]}</td>
                  <td>{v.approvedOn ? date(v.approvedOn) : t.common.none}</td>
                  <td>{v.actReference ?? t.common.none}</td>
                  <td>{v.supersededOn ? date(v.supersededOn) : t.common.none}</td>
                  <td>
                    <DocumentLink doc={v.document} />
                  </td>
                  <td>
                    <VersionActions p={p} v={v} onDone={reload} />
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {p.allowedActions.includes('add_version') ? (
            <details className="block-gap">
              <summary className="h5">{w.newVersion}</summary>
              <NewVersionForm p={p} onDone={reload} />
            </details>
          ) : null}
          <h2 className="block-gap">{w.acksTitle}</h2>
          {p.versions.some((v) => v.status === 'approved') ? (
            <ScrollTable label={w.acksCaption}>
              <caption>{w.acksCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.body}</th>
                  <th scope="col">{w.by}</th>
                  <th scope="col">{w.on}</th>
                </tr>
              </thead>
              <tbody>
                {p.acknowledgements.map((a) => (
                  <tr key={a.organisation.id}>
                    <th scope="row">{a.organisation.name}</th>
                    <td>{a.acknowledgedBy ?? w.notYet}</td>
                    <td>{a.acknowledgedAt ? dateTime(a.acknowledgedAt) : t.common.none}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : (
            <p>{w.noneInForce}</p>
          )}
        </>
      ) : null}
    </>
  );
}
