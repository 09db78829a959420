/** A woman's case: header, safe-contact box, identity on demand, and the tabs (nested routes). */
import { Suspense, useCallback } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router-dom';
import type { CaseDetail } from '../../cases/types.ts';
import { Loading, ResourceState } from '../../components/Loading.tsx';
import { Notice } from '../../components/Notice.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';
import type { CaseContext } from './case-context.ts';
import { AccessReportLinks } from './AccessReportLinks.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { CASE_TABS, type CaseTab, CaseTabs, useTabNames } from './CaseTabs.tsx';
import { IdentityPanel } from './IdentityPanel.tsx';

export function CasePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { pathname, state } = useLocation();
  const names = useTabNames();
  const { data: c, loading, error, reload, setData } = useApi('/cases/:id', { params: { id } });
  const tab = CASE_TABS.find((x) => pathname.endsWith(`/${x}`) || pathname.includes(`/${x}/`)) as CaseTab | undefined;
  const sub = pathname.endsWith('/invii/nuovo') ? t.referralNew.title : null;
  const created = (state as { created?: boolean } | null)?.created === true;
  const setCase = useCallback((next: CaseDetail) => setData(next), [setData]);

  const caseTitle = c ? fmt(t.casePage.title, { code: c.code }) : t.casePage.titleLoading;
  const docTitle = sub ? `${sub} — ${caseTitle}` : tab ? `${names[tab]} — ${caseTitle}` : caseTitle;
  const context: CaseContext | null = c
    ? { c, setCase, reload, may: (action) => c.allowedActions.includes(action) }
    : null;

  return (
    <>
      <p>
        <Link to="/percorsi">{t.caseload.backToList}</Link>
      </p>
      <PageTitle title={docTitle}>
        {caseTitle}
        {tab ? <span className="title-tab"> — {names[tab]}</span> : null}
      </PageTitle>
      {!c ? <ResourceState loading={loading} error={error} /> : null}
      {c && context ? (
        <>
          {created ? <Notice kind="success">{fmt(t.intake.created, { code: c.code })}</Notice> : null}
          <CaseHeader c={c} />
          <IdentityPanel c={c} onChanged={reload} />
          <AccessReportLinks c={c} />
          <CaseTabs id={c.id} />
          <div className="case-tab-body">
            <Suspense fallback={<Loading />}>
              <Outlet context={context} />
            </Suspense>
          </div>
        </>
      ) : null}
    </>
  );
}
