/** Needs tab: the analyses over time, the needs profile with proposed goals, a comparison, a new analysis. */
import { BlankFormLink } from '../../BlankFormLink.tsx';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FocusNotice } from '../../../components/FocusNotice.tsx';
import { ResourceState } from '../../../components/Loading.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../useApi.ts';
import { useCase } from '../case-context.ts';
import { AssessmentCompare } from './AssessmentCompare.tsx';
import { AssessmentForm } from './AssessmentForm.tsx';
import { NeedsProfileView } from './NeedsProfileView.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';

export function NeedsTab() {
  const { t, date, label } = useI18n();
  const { c, may, reload: reloadCase } = useCase();
  const list = useApi('/cases/:id/needs-assessments', { params: { id: c.id } });
  const questionnaire = useApi('/needs/questionnaire');
  const catalogue = useApi('/action-catalogue');
  const [adding, setAdding] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const n = t.needs;
  const items = list.data?.items ?? [];
  const shown = items.find((a) => a.id === selected) ?? items[0];

  return (
    <>
      <h2>{n.title}</h2>
      <p>{n.intro}</p>
      <BlankFormLink form="needs" />
      {saved ? (
        <FocusNotice kind="success" focusKey={saved}>
          {n.saved}
        </FocusNotice>
      ) : null}
      <ResourceState loading={list.loading && !list.data} error={list.error} />
      {list.data && !items.length ? <p>{n.empty}</p> : null}
      {may('update') && !adding && questionnaire.data ? (
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
          {n.add}
        </button>
      ) : null}
      {adding && questionnaire.data ? (
        <AssessmentForm
          questionnaire={questionnaire.data}
          previous={items[0]}
          onSaved={(a) => {
            setAdding(false);
            setSelected(a.id);
            setSaved((x) => x + 1);
            list.setData({ items: [a, ...items] });
            list.reload();
            reloadCase();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {items.length ? (
        <ScrollTable label={n.listCaption} className="block-gap">
          <caption>{n.listCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{n.assessedOn}</th>
              <th scope="col">{n.recordedBy}</th>
              <th scope="col">{n.highNeeds}</th>
              <th scope="col">{n.show}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => {
              const high = Object.entries(a.profile)
                .filter(([, v]) => v.level === 'high')
                .map(([d]) => label('domains', d));
              return (
                <tr key={a.id}>
                  <th scope="row">{date(a.assessedOn)}</th>
                  <td>{a.recordedByName ?? t.common.none}</td>
                  <td>{high.join(', ') || t.common.none}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      aria-pressed={shown?.id === a.id}
                      onClick={() => setSelected(a.id)}
                    >
                      {n.showProfile} <span className="visually-hidden">{date(a.assessedOn)}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      ) : null}
      {shown ? <NeedsProfileView a={shown} catalogue={catalogue.data?.items ?? []} /> : null}
      {/* the plan tab opens its editor with the latest analysis's proposals ready to add */}
      {shown && shown.id === items[0]?.id && shown.proposedGoals.length && may('update') ? (
        <p>
          <Link className="btn btn-primary" to={`/percorsi/${c.id}/piano`} state={{ buildFromNeeds: true }}>
            {n.buildPlan}
          </Link>
        </p>
      ) : null}
      {items.length > 1 ? <AssessmentCompare items={items} questionnaire={questionnaire.data} /> : null}
    </>
  );
}
