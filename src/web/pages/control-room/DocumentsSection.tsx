/**
 * The control room's documents: a list with downloads, and (for the coordinator) the upload form,
 * which says plainly that no document may hold a woman's data. The type is checked on the server
 * from the bytes; the browser's `accept` only narrows the file picker.
 */
import { type FormEvent, useRef, useState } from 'react';
import { DOCUMENT_KINDS, type DocumentKind, MAX_DOCUMENT_BYTES } from '../../../shared/codes/control-room.ts';
import type { DocumentMeta } from '../../../server/control-room/schemas.ts';
import { ApiError, postForm } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { FormActions } from '../../forms/FormActions.tsx';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';

export const documentHref = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/file`;

export function DocumentLink({ doc }: { doc: DocumentMeta }) {
  const { t } = useI18n();
  return (
    <a href={documentHref(doc.id)} download aria-label={fmt(t.controlRoom.downloadDoc, { title: doc.title })}>
      {t.controlRoom.download}
    </a>
  );
}

export function DocumentsTable({ docs, caption }: { docs: DocumentMeta[]; caption: string }) {
  const { t, date } = useI18n();
  const c = t.controlRoom;
  if (docs.length === 0) return <p>{c.noDocuments}</p>;
  return (
    <ScrollTable label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.docTitle}</th>
          <th scope="col">{c.docKind}</th>
          <th scope="col">{c.docSize}</th>
          <th scope="col">{c.uploadedAt}</th>
          <th scope="col">{c.download}</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((d) => (
          <tr key={d.id}>
            <th scope="row">{d.title}</th>
            <td>{c.kinds[d.kind]}</td>
            <td>{fmt(c.kib, { n: Math.max(1, Math.round(d.sizeBytes / 1024)) })}</td>
            <td>{date(d.uploadedAt.slice(0, 10))}</td>
            <td>
              <DocumentLink doc={d} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

interface UploadProps {
  protocolId: string;
  /** the kinds offered (a procedure's text is uploaded from the procedures page) */
  kinds?: readonly DocumentKind[];
  groups?: Array<{ id: string; name: string }>;
  onUploaded: (doc: DocumentMeta) => void;
  idPrefix?: string;
}

export function UploadForm({
  protocolId,
  kinds = DOCUMENT_KINDS,
  groups = [],
  onUploaded,
  idPrefix = 'doc',
}: UploadProps) {
  const { t } = useI18n();
  const c = t.controlRoom;
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>(kinds[0] ?? 'minutes');
  const [group, setGroup] = useState('');
  const [done, setDone] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const form = useVersionedForm();
  const ids = {
    title: `${idPrefix}-title`,
    kind: `${idPrefix}-kind`,
    file: `${idPrefix}-file`,
    group: `${idPrefix}-group`,
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const file = fileRef.current?.files?.[0];
    const problems = [
      ...(title.trim() ? [] : [{ field: ids.title, message: c.titleRequired }]),
      ...(file ? [] : [{ field: ids.file, message: c.fileRequired }]),
      ...(file && file.size > MAX_DOCUMENT_BYTES ? [{ field: ids.file, message: c.tooLarge }] : []),
    ];
    if (!form.check(problems) || !file) return;
    const body = new FormData();
    body.append('kind', kind);
    body.append('title', title.trim());
    if (group) body.append('workingGroupId', group);
    body.append('file', file, file.name);
    const res = await form.submit(
      () => postForm<DocumentMeta>(`/control-room/${encodeURIComponent(protocolId)}/documents`, body),
      (err) => {
        if (err instanceof ApiError && err.status === 413) return [{ field: ids.file, message: c.tooLarge }];
        if (err instanceof ApiError && err.fields.length)
          return err.fields.map((f) => ({
            field: f.field === 'file' ? ids.file : f.field === 'title' ? ids.title : undefined,
            message: t.fieldReasons[f.reason],
          }));
        return undefined;
      },
    );
    if (!res.ok) return;
    setTitle('');
    if (fileRef.current) fileRef.current.value = '';
    setDone(true);
    onUploaded(res.value);
  }

  return (
    <form noValidate onSubmit={submit} className="upload-form">
      <Notice kind="warning">{c.uploadWarning}</Notice>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      {done ? <Notice kind="success">{c.uploaded}</Notice> : null}
      <TextField
        id={ids.title}
        label={c.docTitle}
        value={title}
        onValueChange={setTitle}
        maxLength={200}
        required
        error={form.err(ids.title)}
      />
      {kinds.length > 1 ? (
        <SelectField
          id={ids.kind}
          label={c.docKind}
          value={kind}
          onValueChange={(v) => setKind(v as DocumentKind)}
          options={kinds.map((k) => ({ value: k, label: c.kinds[k] }))}
        />
      ) : null}
      {groups.length && kind === 'output' ? (
        <SelectField
          id={ids.group}
          label={c.group}
          value={group}
          onValueChange={setGroup}
          options={[{ value: '', label: c.noDocument }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
        />
      ) : null}
      <div className="field">
        <label htmlFor={ids.file} className="field-label">
          {c.file}
        </label>
        <input
          id={ids.file}
          ref={fileRef}
          type="file"
          className="form-control"
          accept=".pdf,.odt,.docx,.png,.jpg,.jpeg"
          aria-describedby={`${ids.file}-hint${form.err(ids.file) ? ` ${ids.file}-error` : ''}`}
          aria-invalid={form.err(ids.file) ? true : undefined}
        />
        <small id={`${ids.file}-hint`} className="form-text d-block field-hint">
          {c.uploadTypes}
        </small>
        {form.err(ids.file) ? (
          <div id={`${ids.file}-error`} className="field-error">
            {form.err(ids.file)}
          </div>
        ) : null}
      </div>
      <FormActions busy={form.busy} submitLabel={c.uploadSubmit} />
    </form>
  );
}
