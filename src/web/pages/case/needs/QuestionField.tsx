/** One question of the needs questionnaire, as the control its type calls for. */
import type { Question } from '../../../cases/types.ts';
import { RadioGroup } from '../../../components/Choice.tsx';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../../../components/Field.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';

export type Draft = Record<string, string | string[]>;

export const qid = (id: string) => `needs-q-${id}`;

interface Props {
  q: Question;
  value: string | string[] | undefined;
  onChange: (value: string | string[]) => void;
  error?: string;
}

export function QuestionField({ q, value, onChange, error }: Props) {
  const { t, lang } = useI18n();
  const label = q.label[lang];
  const id = qid(q.id);
  const opts = (q.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }));
  const text = typeof value === 'string' ? value : '';
  switch (q.type) {
    case 'choice':
      return (
        <SelectField
          id={id}
          label={label}
          value={text}
          onValueChange={onChange}
          options={[{ value: '', label: t.needs.unanswered }, ...opts]}
          error={error}
        />
      );
    case 'multi':
      return (
        <CheckboxGroup
          id={id}
          legend={label}
          options={opts}
          selected={Array.isArray(value) ? value : []}
          onChange={onChange}
          error={error}
        />
      );
    case 'boolean':
      return (
        <RadioGroup
          id={id}
          legend={label}
          inline
          value={text}
          onChange={onChange}
          options={[
            { value: 'yes', label: t.common.yes },
            { value: 'no', label: t.common.no },
            { value: '', label: t.needs.unanswered },
          ]}
          error={error}
        />
      );
    case 'integer':
      return (
        <TextField
          id={id}
          label={label}
          type="number"
          inputMode="numeric"
          min={q.min}
          max={q.max}
          hint={fmt(t.needs.range, { min: q.min ?? 0, max: q.max ?? 0 })}
          value={text}
          onValueChange={onChange}
          error={error}
        />
      );
    case 'text':
      return (
        <TextArea
          id={id}
          label={label}
          rows={3}
          maxLength={q.maxLength}
          hint={t.needs.textHint}
          value={text}
          onValueChange={onChange}
          error={error}
          className="field-wide"
        />
      );
  }
}

/** Draft (form strings) → the API's answers; unanswered questions are left out. */
export function toAnswers(questions: Question[], draft: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    const v = draft[q.id];
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    if (q.type === 'boolean') out[q.id] = v === 'yes';
    else if (q.type === 'integer') out[q.id] = Number(v);
    else out[q.id] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** The API's answers → draft strings (to start from a previous analysis). */
export function toDraft(answers: Record<string, unknown>): Draft {
  const out: Draft = {};
  for (const [k, v] of Object.entries(answers)) {
    if (typeof v === 'boolean') out[k] = v ? 'yes' : 'no';
    else if (typeof v === 'number') out[k] = String(v);
    else if (typeof v === 'string' || Array.isArray(v)) out[k] = v;
  }
  return out;
}

/** An answer as text, for the comparison table. */
export function answerText(q: Question | undefined, v: unknown, lang: 'it' | 'en', yes: string, no: string): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? yes : no;
  const opt = (x: string) => q?.options?.find((o) => o.value === x)?.label[lang] ?? x;
  if (Array.isArray(v)) return v.map((x) => opt(String(x))).join(', ') || '—';
  return opt(String(v));
}
