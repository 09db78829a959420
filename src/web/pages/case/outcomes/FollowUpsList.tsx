/** The retention follow-ups of her hires, with due dates; each pending one can be recorded once. */
import { useState } from 'react';
import type { FollowUp } from '../../../cases/types.ts';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { FollowUpStatus } from '../../FollowUpsPage.tsx';
import { useCase } from '../case-context.ts';
import { FollowUpForm } from './FollowUpForm.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

export function FollowUpsList({ items, onRecorded }: { items: FollowUp[]; onRecorded: () => void }) {
  const { t, date, label } = useI18n();
  const { may } = useCase();
  const [open, setOpen] = useState<FollowUp | null>(null);
  const f = t.followUps;
  const yn = (v: boolean | null) => (v === null ? t.common.none : v ? t.common.yes : t.common.no);
  return (
    <section className="block-gap" aria-labelledby="case-follow-ups-title">
      <h3 id="case-follow-ups-title">{f.caseTitle}</h3>
      <p>{f.caseIntro}</p>
      {items.length ? (
        <ScrollTable label={f.caseCaption}>
          <caption>{f.caseCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{f.months}</th>
              <th scope="col">{f.dueOn}</th>
              <th scope="col">{f.status}</th>
              <th scope="col">{f.stillWorking}</th>
              <th scope="col">{f.contractType}</th>
              <th scope="col">{f.weeklyHours}</th>
              <th scope="col">{f.sameEmployer}</th>
              <th scope="col">{f.actions}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.id}>
                <th scope="row">{fmt(f.monthsN, { n: x.months })}</th>
                <td>{date(x.dueOn)}</td>
                <td>
                  <FollowUpStatus f={x} />
                </td>
                <td>{yn(x.stillWorking)}</td>
                <td>{x.contractType ? label('contractTypes', x.contractType) : t.common.none}</td>
                <td>{x.weeklyHours ?? t.common.none}</td>
                <td>{yn(x.sameEmployer)}</td>
                <td>
                  {may('record_follow_up') && !x.doneOn ? (
                    <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setOpen(x)}>
                      {f.record} <span className="visually-hidden">{fmt(f.monthsN, { n: x.months })}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>{f.caseEmpty}</p>
      )}
      {open ? (
        <FollowUpForm
          key={open.id}
          followUp={open}
          onSaved={() => {
            setOpen(null);
            onRecorded();
          }}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
