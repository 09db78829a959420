/** The recorded outcomes, newest first, with what each kind carries. */
import type { Outcome } from '../../../cases/types.ts';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

export function useOutcomeDetails() {
  const { t, label } = useI18n();
  const o = t.outcomes;
  return (x: Outcome): string => {
    const d = x.details;
    const parts: string[] = [];
    if (typeof d.contractType === 'string') parts.push(label('contractTypes', d.contractType));
    if (typeof d.weeklyHours === 'number') parts.push(fmt(o.hoursN, { n: d.weeklyHours }));
    if (typeof d.sector === 'string') parts.push(label('atecoSections', d.sector));
    if (typeof d.housingType === 'string') parts.push(label('housingTypes', d.housingType));
    if (typeof d.reason === 'string') parts.push(label('jobLostReasons', d.reason));
    if (typeof d.certificate === 'boolean') parts.push(d.certificate ? o.withCertificate : o.withoutCertificate);
    if (typeof d.courseTitle === 'string') parts.push(d.courseTitle);
    if (typeof d.completed === 'boolean') parts.push(d.completed ? o.completed : o.notCompleted);
    if (typeof d.days === 'number') parts.push(fmt(o.daysN, { n: d.days }));
    return parts.join(' · ') || t.common.none;
  };
}

export function OutcomeList({ items }: { items: Outcome[] }) {
  const { t, date, label } = useI18n();
  const details = useOutcomeDetails();
  const o = t.outcomes;
  if (!items.length) return <p>{o.empty}</p>;
  return (
    <ScrollTable label={o.tableCaption}>
      <caption>{o.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{o.kind}</th>
          <th scope="col">{o.occurredOn}</th>
          <th scope="col">{o.details}</th>
          <th scope="col">{o.reportedBy}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((x) => (
          <tr key={x.id}>
            <th scope="row">{label('outcomeKinds', x.kind)}</th>
            <td>{date(x.occurredOn)}</td>
            <td>{details(x)}</td>
            <td>{x.reportedByOrganisationName ?? o.thisCentre}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
