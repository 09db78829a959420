/** An org_admin asks for their organisation to join a protocol. */
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { useVersionedForm } from '../forms/useVersionedForm.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextArea } from '../components/Field.tsx';
import { Notice } from '../components/Notice.tsx';
import { useI18n } from '../i18n/index.tsx';
import { FormActions } from '../forms/FormActions.tsx';

interface Props {
  protocolId: string;
  isSignatory: boolean;
  hasPending: boolean;
  onSent: () => void;
}

export function AdhesionForm({ protocolId, isSignatory, hasPending, onSent }: Props) {
  const { t } = useI18n();
  const [motivation, setMotivation] = useState('');
  const form = useVersionedForm();
  const { errors, attempt, fail } = form;
  const [sent, setSent] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!motivation.trim()) return fail([{ field: 'motivation', message: t.protocols.motivationRequired }]);
    const res = await form.submit(
      () =>
        api.post('/protocols/:id/adhesions', { params: { id: protocolId }, body: { motivation: motivation.trim() } }),
      (err) => {
        if (err instanceof ApiError && err.status === 409) return [{ message: t.protocols.alreadyPending }];
        if (err instanceof ApiError && err.fields.length)
          return err.fields.map((f) => ({
            field: f.field === 'motivation' ? 'motivation' : undefined,
            message: t.fieldReasons[f.reason],
          }));
        return [{ message: t.common.error }];
      },
    );
    if (!res.ok) return;
    setSent(true);
    setMotivation('');
    onSent();
  }

  let body: JSX.Element;
  if (sent) body = <Notice kind="success">{t.protocols.adhereSent}</Notice>;
  else if (isSignatory) body = <p>{t.protocols.alreadySignatory}</p>;
  else if (hasPending) body = <p>{t.protocols.alreadyPending}</p>;
  else
    body = (
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} attempt={attempt} />
        <p>{t.protocols.adhereIntro}</p>
        <TextArea
          id="motivation"
          label={t.protocols.motivation}
          value={motivation}
          onValueChange={setMotivation}
          rows={4}
          maxLength={2000}
          required
          error={errors.find((x) => x.field === 'motivation')?.message}
          className="field-wide"
        />
        <FormActions busy={form.busy} submitLabel={t.protocols.adhereSubmit} />
      </form>
    );

  return (
    <section className="block-gap" aria-labelledby="adhere-title">
      <h2 id="adhere-title">{t.protocols.adhereTitle}</h2>
      {body}
    </section>
  );
}
