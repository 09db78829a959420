/** The thread between the centre and the recipient about one referral, oldest first, with a form. */
import { type FormEvent, useState } from 'react';
import { api } from '../../api.ts';
import { apiErrorText, fieldMessage } from '../../forms/api-errors.ts';
import { useVersionedForm } from '../../forms/useVersionedForm.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { TextArea } from '../../components/Field.tsx';
import { ResourceState } from '../../components/Loading.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';

const MAX = 2000;

export function MessageThread({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t, dateTime } = useI18n();
  const list = useApi('/referrals/:id/messages', { params: { id } });
  const [body, setBody] = useState('');
  const form = useVersionedForm();
  const k = t.referralPage;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const text = body.trim();
    if (!text) return form.fail([{ field: 'msg-body', message: fieldMessage(k.message, t.validation.required) }]);
    if (text.length > MAX)
      return form.fail([{ field: 'msg-body', message: fieldMessage(k.message, t.validation.tooLong) }]);
    const made = await form.submit(
      () => api.post('/referrals/:id/messages', { params: { id }, body: { body: text } }),
      (err) => [{ message: apiErrorText(err, t) }],
    );
    if (!made.ok) return;
    list.setData({ items: [...(list.data?.items ?? []), made.value] });
    setBody('');
  }

  return (
    <section aria-labelledby="referral-messages" className="block-gap">
      <h2 id="referral-messages">{k.messages}</h2>
      <ResourceState loading={list.loading && !list.data} error={list.error} />
      {list.data && !list.data.items.length ? <p>{k.noMessages}</p> : null}
      {list.data?.items.length ? (
        <ol className="review-list list-unstyled message-list">
          {list.data.items.map((m) => (
            <li key={m.id}>
              <div className="small fw-semibold">
                {fmt(k.messageBy, {
                  name: m.authorName,
                  organisation: m.authorOrganisation,
                  date: dateTime(m.createdAt),
                })}
              </div>
              <p className="review-summary mb-0">{m.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {canWrite ? (
        <form noValidate onSubmit={submit} aria-labelledby="msg-form-title">
          <h3 id="msg-form-title" className="h5">
            {k.newMessage}
          </h3>
          <ErrorSummary errors={form.errors} attempt={form.attempt} />
          <TextArea
            id="msg-body"
            label={k.message}
            hint={k.messageHint}
            rows={3}
            maxLength={MAX}
            value={body}
            onValueChange={setBody}
            error={form.err('msg-body')}
          />
          <button type="submit" className="btn btn-primary" disabled={form.busy}>
            {k.sendMessage}
          </button>
        </form>
      ) : null}
    </section>
  );
}
