/** Two analyses side by side: the level of each domain and every answer that changed. */
import { Badge } from 'design-react-kit';
import { type FormEvent, useState } from 'react';

import { apiErrorText } from '../../../forms/api-errors.ts';
import { api } from '../../../api.ts';
import type { Assessment, Comparison, Questionnaire } from '../../../cases/types.ts';
import { SelectField } from '../../../components/Field.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { useCase } from '../case-context.ts';
import { LEVEL_COLOR } from './NeedsProfileView.tsx';
import { answerText } from './QuestionField.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

export function AssessmentCompare({
  items,
  questionnaire,
}: {
  items: Assessment[];
  questionnaire: Questionnaire | undefined;
}) {
  const { t, date, label, lang } = useI18n();
  const { c } = useCase();
  const [a, setA] = useState(items[1]?.id ?? '');
  const [b, setB] = useState(items[0]?.id ?? '');
  const [result, setResult] = useState<Comparison | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const n = t.needs;
  const questions = new Map((questionnaire?.sections ?? []).flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const opts = items.map((x) => ({
    value: x.id,
    label: `${date(x.assessedOn)} (${x.recordedByName ?? t.common.none})`,
  }));

  async function compare(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    if (!a || !b || a === b) return setProblem(n.compareDifferent);
    try {
      setResult(await api.get('/cases/:id/needs-assessments/compare', { params: { id: c.id }, query: { a, b } }));
    } catch (err) {
      setProblem(apiErrorText(err, t));
    }
  }

  const changed = result?.questions.filter((q) => q.changed) ?? [];
  const yes = t.common.yes;
  const no = t.common.no;
  return (
    <section className="block-gap" aria-labelledby="compare-title">
      <h3 id="compare-title">{n.compareTitle}</h3>
      <form noValidate onSubmit={compare} className="filters" aria-label={n.compareTitle}>
        <div className="row">
          <div className="col-md-6">
            <SelectField id="compare-a" label={n.compareA} value={a} onValueChange={setA} options={opts} />
          </div>
          <div className="col-md-6">
            <SelectField id="compare-b" label={n.compareB} value={b} onValueChange={setB} options={opts} />
          </div>
        </div>
        <div className="form-actions mb-3">
          <button type="submit" className="btn btn-primary">
            {n.compare}
          </button>
        </div>
      </form>
      {problem ? <Notice kind="warning">{problem}</Notice> : null}
      {result ? (
        <section aria-label={n.compareResult}>
          <ScrollTable label={fmt(n.compareCaption, { a: date(result.a.assessedOn), b: date(result.b.assessedOn) })}>
            <caption>{fmt(n.compareCaption, { a: date(result.a.assessedOn), b: date(result.b.assessedOn) })}</caption>
            <thead>
              <tr>
                <th scope="col">{n.domain}</th>
                <th scope="col">{date(result.a.assessedOn)}</th>
                <th scope="col">{date(result.b.assessedOn)}</th>
                <th scope="col">{n.trend}</th>
              </tr>
            </thead>
            <tbody>
              {result.domains.map((d) => (
                <tr key={d.domain}>
                  <th scope="row">{label('domains', d.domain)}</th>
                  <td>
                    <Badge color={LEVEL_COLOR[d.a.level] ?? 'secondary'}>{label('needLevels', d.a.level)}</Badge>
                  </td>
                  <td>
                    <Badge color={LEVEL_COLOR[d.b.level] ?? 'secondary'}>{label('needLevels', d.b.level)}</Badge>
                  </td>
                  <td>{label('trends', d.trend)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {changed.length ? (
            <ScrollTable label={n.changedCaption}>
              <caption>{n.changedCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{n.question}</th>
                  <th scope="col">{date(result.a.assessedOn)}</th>
                  <th scope="col">{date(result.b.assessedOn)}</th>
                </tr>
              </thead>
              <tbody>
                {changed.map((q) => {
                  const def = questions.get(q.questionId);
                  return (
                    <tr key={q.questionId}>
                      <th scope="row">{def?.label[lang] ?? q.questionId}</th>
                      <td>{answerText(def, q.a, lang, yes, no)}</td>
                      <td>{answerText(def, q.b, lang, yes, no)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </ScrollTable>
          ) : (
            <p>{n.noChanges}</p>
          )}
        </section>
      ) : null}
    </section>
  );
}
