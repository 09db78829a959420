/** The needs profile of one analysis by domain, and the goals it proposes for the plan. */
import { Badge } from 'design-react-kit';
import type { Assessment, CatalogueItem } from '../../../cases/types.ts';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

export const LEVEL_COLOR: Record<string, string> = {
  none: 'secondary',
  low: 'info',
  medium: 'warning',
  high: 'danger',
};

export function NeedsProfileView({ a, catalogue }: { a: Assessment; catalogue: CatalogueItem[] }) {
  const { t, date, label, lang } = useI18n();
  const n = t.needs;
  const actionName = (code: string) => {
    const item = catalogue.find((x) => x.code === code);
    return item ? (lang === 'it' ? item.labelIt : item.labelEn) : code;
  };
  return (
    <section className="block-gap" aria-labelledby="needs-profile-title">
      <h3 id="needs-profile-title">{fmt(n.profileTitle, { date: date(a.assessedOn) })}</h3>
      <ScrollTable label={n.profileCaption}>
        <caption>{n.profileCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{n.domain}</th>
            <th scope="col">{n.level}</th>
            <th scope="col">{n.reasons}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(a.profile).map(([domain, need]) => (
            <tr key={domain}>
              <th scope="row">{label('domains', domain)}</th>
              <td>
                <Badge color={LEVEL_COLOR[need.level] ?? 'secondary'}>{label('needLevels', need.level)}</Badge>
              </td>
              <td>{need.reasons.map((r) => label('needReasons', r)).join('; ') || t.common.none}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h4 className="h5">{n.proposedGoals}</h4>
      {a.proposedGoals.length ? (
        <ol>
          {a.proposedGoals.map((g) => (
            <li key={g.domain} className="mb-2">
              <strong>{label('domains', g.domain)}</strong> (
              {fmt(n.needLevel, { level: label('needLevels', g.level).toLowerCase() })})
              {g.suggestedActions.length ? (
                <div>
                  {n.suggestedActions}: {g.suggestedActions.map(actionName).join(', ')}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{n.noGoals}</p>
      )}
    </section>
  );
}
