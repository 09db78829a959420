/** Plan tab: the individual empowerment plan, its print, her agreement, reviews, versions, catalogue. */
import { useAuth } from '../../../auth.tsx';
import { CaseVacancyMatches } from '../../companies/VacancyMatchesPanel.tsx';
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import type { Plan } from '../../../cases/types.ts';
import { FocusNotice } from '../../../components/FocusNotice.tsx';
import { ResourceState } from '../../../components/Loading.tsx';
import { fmt, useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../useApi.ts';
import { useCase } from '../case-context.ts';
import { AgreementForm } from './AgreementForm.tsx';
import { CatalogueForm } from './CatalogueForm.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanGoalsView } from './PlanGoalsView.tsx';
import { PlanVersions } from './PlanVersions.tsx';
import { PrintLinks } from './PrintLinks.tsx';
import { ReferralReportsPanel } from './ReferralReportsPanel.tsx';
import { ReviewsSection } from './ReviewsSection.tsx';

export function PlanTab() {
  const { me } = useAuth();
  const { t, date, label } = useI18n();
  const { c, may, reload: reloadCase } = useCase();
  const editable = may('update');
  const plan = useApi('/cases/:id/plan', { params: { id: c.id } });
  const versions = useApi('/cases/:id/plan/versions', { params: { id: c.id } });
  const catalogue = useApi('/action-catalogue');
  const orgs = useApi('/organisations', editable ? {} : null);
  const needs = useApi('/cases/:id/needs-assessments', editable ? { params: { id: c.id } } : null);
  const reports = useApi('/cases/:id/partner-reports', { params: { id: c.id } });
  // "build the plan from these needs" (needs tab) arrives with the editor open on the proposals
  const fromNeeds = (useLocation().state as { buildFromNeeds?: boolean } | null)?.buildFromNeeds === true;
  const [editing, setEditing] = useState(fromNeeds && editable);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const p = t.plan;
  const current = plan.data;

  const say = (text: string) => setNotice((x) => ({ text, n: (x?.n ?? 0) + 1 }));
  const changed = (next: Plan | null, text: string) => {
    if (next) plan.setData(next);
    else plan.reload();
    versions.reload();
    reloadCase();
    say(text);
  };

  return (
    <>
      <h2>{p.title}</h2>
      <p>{p.intro}</p>
      {notice ? (
        <FocusNotice kind="success" focusKey={notice.n}>
          {notice.text}
        </FocusNotice>
      ) : null}
      <ResourceState loading={plan.loading && !current} error={plan.error} />
      {current ? (
        <>
          <p>
            {current.version ? fmt(p.versionN, { n: current.version }) : p.noPlanYet}
            {current.agreedVersion
              ? ` · ${fmt(p.agreedText, { n: current.agreedVersion.version, date: date(current.agreedVersion.agreedOn), method: label('agreementMethods', current.agreedVersion.method).toLowerCase() })}`
              : current.version
                ? ` · ${p.notAgreed}`
                : ''}
          </p>
          {editing ? (
            <PlanEditor
              plan={current}
              catalogue={catalogue.data?.items ?? []}
              organisations={orgs.data?.items ?? []}
              proposed={needs.data?.items[0]?.proposedGoals ?? []}
              onSaved={(next) => {
                setEditing(false);
                changed(next, fmt(p.saved, { n: next.version }));
              }}
              onCancel={() => setEditing(false)}
              onReload={plan.reload}
            />
          ) : (
            <>
              <PlanGoalsView
                goals={current.goals}
                idPrefix="plan"
                level={3}
                reports={
                  reports.data
                    ? {
                        reports: reports.data.items,
                        caseId: c.id,
                        planVersion: current.version,
                        onDone: editable
                          ? (next, action, status) => {
                              reports.reload();
                              changed(
                                next,
                                fmt(t.partnerReports.marked, {
                                  action,
                                  status: label('actionStatuses', status),
                                  n: next.version,
                                }),
                              );
                            }
                          : undefined,
                        onStale: (message) => {
                          plan.reload();
                          say(message);
                        },
                      }
                    : undefined
                }
              />
              {editable ? (
                <button type="button" className="btn btn-primary" onClick={() => setEditing(true)}>
                  {current.version ? p.edit : p.create}
                </button>
              ) : null}
            </>
          )}
          {may('print_plan') && current.version ? (
            <PrintLinks caseId={c.id} secondLanguage={current.secondLanguage} />
          ) : null}
          {current.version && editable ? (
            <AgreementForm
              versions={versions.data?.items ?? []}
              current={current.version}
              onAgreed={(next) => changed(next, p.agreedSaved)}
            />
          ) : null}
          <ReferralReportsPanel caseId={c.id} />
          {/* net-companies: the anonymous matching of open vacancies to her plan */}
          {me?.permissions.includes('company.read') ? <CaseVacancyMatches caseId={c.id} /> : null}
          <ReviewsSection
            reviews={current.reviews}
            canAdd={editable && current.version > 0}
            onAdded={() => changed(null, p.reviewSaved)}
          />
          <PlanVersions items={versions.data?.items ?? []} />
          {editable ? (
            <CatalogueForm
              onAdded={(code) => {
                catalogue.reload();
                say(fmt(p.catalogueSaved, { code }));
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
