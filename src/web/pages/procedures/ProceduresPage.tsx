/** /procedure: the shared procedures of the user's protocols, the version in force, acknowledgements. */
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../shared/codes/organisations.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import { uploadProcedureText } from './upload-procedure-text.ts';

function NewProcedureForm({ protocols }: { protocols: Array<{ id: string; name: string }> }) {
  const { t, label } = useI18n();
  const p = t.controlRoom.procedures;
  const c = t.controlRoom;
  const navigate = useNavigate();
  const [protocolId, setProtocolId] = useState(protocols[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [appliesTo, setAppliesTo] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const form = useVersionedForm();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const f = file.current?.files?.[0];
    const problems = [
      ...(title.trim().length >= 2 ? [] : [{ field: 'proc-title', message: c.titleRequired }]),
      ...(f ? [] : [{ field: 'proc-file', message: c.fileRequired }]),
    ];
    if (!form.check(problems) || !f) return;
    const res = await form.submit(async () => {
      const doc = await uploadProcedureText(protocolId, title.trim(), f);
      return api.post('/control-room/:protocolId/procedures', {
        params: { protocolId },
        body: {
          title: title.trim(),
          appliesToType: (appliesTo || null) as OrganisationType | null,
          documentId: doc.id,
        },
      });
    });
    if (res.ok) navigate(`/procedure/${encodeURIComponent(res.value.id)}`);
  }
  return (
    <form noValidate onSubmit={submit}>
      <Notice kind="warning">{c.uploadWarning}</Notice>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <SelectField
        id="proc-protocol"
        label={p.protocol}
        value={protocolId}
        onValueChange={setProtocolId}
        options={protocols.map((x) => ({ value: x.id, label: x.name }))}
      />
      <TextField
        id="proc-title"
        label={p.titleLabel}
        value={title}
        onValueChange={setTitle}
        maxLength={200}
        required
        error={form.err('proc-title')}
      />
      <SelectField
        id="proc-applies"
        label={p.appliesTo}
        value={appliesTo}
        onValueChange={setAppliesTo}
        options={[
          { value: '', label: p.anyBody },
          ...ORGANISATION_TYPES.map((x) => ({ value: x, label: label('orgTypes', x) })),
        ]}
      />
      <div className="field">
        <label htmlFor="proc-file" className="field-label">
          {c.file}
        </label>
        <input
          id="proc-file"
          ref={file}
          type="file"
          className="form-control"
          accept=".pdf,.odt,.docx"
          aria-describedby="proc-file-hint"
        />
        <small id="proc-file-hint" className="form-text d-block field-hint">
          {c.uploadTypes}
        </small>
      </div>
      <FormActions busy={form.busy} submitLabel={p.create} />
    </form>
  );
}

export function ProceduresPage() {
  const { t, date, label } = useI18n();
  const p = t.controlRoom.procedures;
  const { data, loading, error } = useApi('/procedures', {});
  return (
    <>
      <PageTitle title={p.title} />
      <p className="lead-text">{p.intro}</p>
      <ResourceState loading={loading && !data} error={error} />
      {data && data.items.length === 0 ? <p>{p.none}</p> : null}
      {data?.items.length ? (
        <ScrollTable label={p.caption}>
          <caption>{p.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{p.procedure}</th>
              <th scope="col">{p.appliesTo}</th>
              <th scope="col">{p.inForce}</th>
              <th scope="col">{p.acknowledgements}</th>
              <th scope="col">{p.yourBody}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((x) => (
              <tr key={x.id} className="procedure-row">
                <th scope="row">
                  <Link to={`/procedure/${encodeURIComponent(x.id)}`}>{x.title}</Link>
                  <div className="small">{x.protocol.name}</div>
                </th>
                <td>{x.appliesToType ? label('orgTypes', x.appliesToType) : p.anyBody}</td>
                <td>
                  {x.inForce
                    ? fmt(p.inForceText, {
                        n: x.inForce.number,
                        date: date(x.inForce.approvedOn),
                        act: x.inForce.actReference,
                      })
                    : p.noneInForce}
                </td>
                <td>{x.inForce ? fmt(p.ackCount, { n: x.acknowledgedCount, total: x.bodyCount }) : t.common.none}</td>
                <td>{x.inForce ? (x.mineAcknowledged ? p.acknowledged : p.toAcknowledge) : t.common.none}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
      {data?.manages.length ? (
        <details className="block-gap">
          <summary className="h5">{p.newProcedure}</summary>
          <NewProcedureForm protocols={data.manages} />
        </details>
      ) : null}
    </>
  );
}
