/** Timeline tab: everything done on the case and by whom, newest first. */
import type { TimelineEntry } from '../../cases/types.ts';
import { ResourceState } from '../../components/Loading.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import { useCase } from './case-context.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';

export function TimelineTab() {
  const { t, dateTime, date, label } = useI18n();
  const { c } = useCase();
  const { data, loading, error } = useApi('/cases/:id/timeline', { params: { id: c.id } });
  const k = t.timeline;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');

  /** A few words on what the event carried (codes only: never free text). */
  const detail = (e: TimelineEntry): string => {
    const d = e.details;
    switch (e.kind) {
      case 'case.closed':
        return label('closureOutcomes', str(d.outcome));
      case 'consent.recorded':
        return `${label('consentPurposes', str(d.purpose))} — ${label('consentDecisions', str(d.decision))}`;
      case 'consent.revoked':
        return d.revokedOn ? fmt(k.from, { date: date(str(d.revokedOn)) }) : '';
      case 'needs.recorded': {
        const high = Array.isArray(d.highNeeds) ? (d.highNeeds as string[]) : [];
        return high.length ? `${k.highNeeds}: ${high.map((x) => label('domains', x)).join(', ')}` : '';
      }
      case 'plan.updated':
      case 'plan.printed':
        return [
          typeof d.version === 'number' ? fmt(k.version, { n: d.version }) : '',
          d.lang ? label('printLanguages', str(d.lang)) : '',
        ]
          .filter(Boolean)
          .join(' — ');
      case 'plan.agreed':
        return `${fmt(k.version, { n: Number(d.version) })} — ${label('agreementMethods', str(d.method))}`;
      case 'plan.reviewed':
        return typeof d.planVersion === 'number' ? fmt(k.version, { n: d.planVersion }) : '';
      case 'outcome.recorded':
        return label('outcomeKinds', str(d.kind));
      case 'follow_up.recorded':
        return `${fmt(t.followUps.monthsN, { n: Number(d.months) })} — ${d.stillWorking ? k.stillWorking : k.notWorking}`;
      case 'profile.updated':
        return Array.isArray(d.fields)
          ? d.fields.length === 1
            ? k.fieldOne
            : fmt(k.fields, { n: d.fields.length })
          : '';
      default:
        return '';
    }
  };

  return (
    <>
      <h2>{k.title}</h2>
      <p>{k.intro}</p>
      <ResourceState loading={loading && !data} error={error} />
      {data && !data.items.length ? <p>{k.empty}</p> : null}
      {data?.items.length ? (
        <ScrollTable label={k.caption}>
          <caption>{k.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{k.when}</th>
              <th scope="col">{k.what}</th>
              <th scope="col">{k.who}</th>
              <th scope="col">{k.details}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((e) => (
              <tr key={e.id}>
                <td>{dateTime(e.occurredAt)}</td>
                <th scope="row">{label('timelineKinds', e.kind)}</th>
                <td>{e.actorName ?? k.system}</td>
                <td>{detail(e) || t.common.none}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </>
  );
}
