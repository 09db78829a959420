/**
 * Routes. Italian paths, as the users see them. Every page but the sign-in and not-found pages is
 * its own chunk, loaded when first visited (the sign-in page ships only what it needs); the
 * Suspense boundaries are in Layout (pages) and CasePage (its tabs).
 */
import { type ComponentType, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { Action } from '../shared/can.ts';
import { Layout } from './components/Layout.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

/** A page loaded on first use (React.lazy wants a default export; ours are named). */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const AccessibilityPage = page(() => import('./pages/AccessibilityPage.tsx').then((m) => m.AccessibilityPage));
const AuditPage = page(() => import('./pages/AuditPage.tsx').then((m) => m.AuditPage));
const InsiderAlertsPage = page(() => import('./pages/InsiderAlertsPage.tsx').then((m) => m.InsiderAlertsPage));
const CasePage = page(() => import('./pages/case/CasePage.tsx').then((m) => m.CasePage));
const ConsentsTab = page(() => import('./pages/case/consents/ConsentsTab.tsx').then((m) => m.ConsentsTab));
const NeedsTab = page(() => import('./pages/case/needs/NeedsTab.tsx').then((m) => m.NeedsTab));
const OutcomesTab = page(() => import('./pages/case/outcomes/OutcomesTab.tsx').then((m) => m.OutcomesTab));
const PlanTab = page(() => import('./pages/case/plan/PlanTab.tsx').then((m) => m.PlanTab));
const NewReferral = page(() => import('./pages/case/referrals/NewReferral.tsx').then((m) => m.NewReferral));
const ReferralsTab = page(() => import('./pages/case/referrals/ReferralsTab.tsx').then((m) => m.ReferralsTab));
const ProfileTab = page(() => import('./pages/case/ProfileTab.tsx').then((m) => m.ProfileTab));
const TimelineTab = page(() => import('./pages/case/TimelineTab.tsx').then((m) => m.TimelineTab));
const CaseloadPage = page(() => import('./pages/caseload/CaseloadPage.tsx').then((m) => m.CaseloadPage));
const FollowUpsPage = page(() => import('./pages/FollowUpsPage.tsx').then((m) => m.FollowUpsPage));
const DirectoryPage = page(() => import('./pages/directory/DirectoryPage.tsx').then((m) => m.DirectoryPage));
const EntryEditorPage = page(() => import('./pages/directory/EntryEditorPage.tsx').then((m) => m.EntryEditorPage));
const ForgotPasswordPage = page(() => import('./pages/ForgotPasswordPage.tsx').then((m) => m.ForgotPasswordPage));
const HomePage = page(() => import('./pages/HomePage.tsx').then((m) => m.HomePage));
const IntakePage = page(() => import('./pages/intake/IntakePage.tsx').then((m) => m.IntakePage));
const NetworkDetailPage = page(() => import('./pages/NetworkDetailPage.tsx').then((m) => m.NetworkDetailPage));
const NetworksPage = page(() => import('./pages/NetworksPage.tsx').then((m) => m.NetworksPage));
// obs-report: the observatory's dashboards (ECharts is in this chunk only)
// net-companies: companies and vacancies
const CompaniesPage = page(() => import('./pages/companies/CompaniesPage.tsx').then((m) => m.CompaniesPage));
const CompanyPage = page(() => import('./pages/companies/CompanyPage.tsx').then((m) => m.CompanyPage));
const ObservatoryPage = page(() => import('./pages/observatory/ObservatoryPage.tsx').then((m) => m.ObservatoryPage));
// net-control: the control room
const ControlRoomsPage = page(() =>
  import('./pages/control-room/ControlRoomsPage.tsx').then((m) => m.ControlRoomsPage),
);
const RoomPage = page(() => import('./pages/control-room/RoomPage.tsx').then((m) => m.RoomPage));
const MeetingPage = page(() => import('./pages/control-room/MeetingPage.tsx').then((m) => m.MeetingPage));
const ProceduresPage = page(() => import('./pages/procedures/ProceduresPage.tsx').then((m) => m.ProceduresPage));
const ProcedurePage = page(() => import('./pages/procedures/ProcedurePage.tsx').then((m) => m.ProcedurePage));
// training and coverage (issue 8)
const TrainingPage = page(() => import('./pages/training/TrainingPage.tsx').then((m) => m.TrainingPage));
const CoursePage = page(() => import('./pages/training/CoursePage.tsx').then((m) => m.CoursePage));
const CourseFormPage = page(() => import('./pages/training/CourseFormPage.tsx').then((m) => m.CourseFormPage));
const PreventionPage = page(() => import('./pages/prevention/PreventionPage.tsx').then((m) => m.PreventionPage));
const NotificationsPage = page(() => import('./pages/NotificationsPage.tsx').then((m) => m.NotificationsPage));
const OrganisationDetailPage = page(() =>
  import('./pages/OrganisationDetailPage.tsx').then((m) => m.OrganisationDetailPage),
);
const OrganisationsPage = page(() => import('./pages/OrganisationsPage.tsx').then((m) => m.OrganisationsPage));
const PrivacyPage = page(() => import('./pages/PrivacyPage.tsx').then((m) => m.PrivacyPage));
const ProtocolDetailPage = page(() => import('./pages/ProtocolDetailPage.tsx').then((m) => m.ProtocolDetailPage));
const ProtocolsPage = page(() => import('./pages/ProtocolsPage.tsx').then((m) => m.ProtocolsPage));
const OverduePage = page(() => import('./pages/referrals/OverduePage.tsx').then((m) => m.OverduePage));
const ReferralPage = page(() => import('./pages/referrals/ReferralPage.tsx').then((m) => m.ReferralPage));
const ReferralsPage = page(() => import('./pages/referrals/ReferralsPage.tsx').then((m) => m.ReferralsPage));
const AdhesionApplicationPage = page(() =>
  import('./pages/AdhesionApplicationPage.tsx').then((m) => m.AdhesionApplicationPage),
);
const SetPasswordPage = page(() => import('./pages/SetPasswordPage.tsx').then((m) => m.SetPasswordPage));
const UsersPage = page(() => import('./pages/UsersPage.tsx').then((m) => m.UsersPage));
const ShortcutsPage = page(() => import('./pages/ShortcutsPage.tsx').then((m) => m.ShortcutsPage));
const SecurityPage = page(() => import('./pages/SecurityPage.tsx').then((m) => m.SecurityPage));
const WorklistPage = page(() => import('./pages/worklist/WorklistPage.tsx').then((m) => m.WorklistPage));

/** Reserved pages; `action` is the permission the page needs (the same as navigation.ts opens it with). */
const guard = (el: JSX.Element, action?: Action) => <RequireAuth action={action}>{el}</RequireAuth>;

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/password-dimenticata" element={<ForgotPasswordPage />} />
        <Route path="/invito/:token" element={<SetPasswordPage mode="invite" />} />
        <Route path="/adesione/:token" element={<AdhesionApplicationPage />} />
        <Route path="/reimposta-password/:token" element={<SetPasswordPage mode="reset" />} />
        <Route path="/accessibilita" element={<AccessibilityPage />} />
        <Route path="/privacy" element={<PrivacyPage />} />
        <Route path="/" element={guard(<HomePage />)} />
        <Route path="/reti" element={guard(<NetworksPage />, 'network.read')} />
        <Route path="/reti/:id" element={guard(<NetworkDetailPage />, 'network.read')} />
        <Route path="/organizzazioni" element={guard(<OrganisationsPage />, 'organisation.read')} />
        <Route path="/organizzazioni/:id" element={guard(<OrganisationDetailPage />, 'organisation.read')} />
        <Route path="/protocolli" element={guard(<ProtocolsPage />, 'protocol.read')} />
        <Route path="/protocolli/:id" element={guard(<ProtocolDetailPage />, 'protocol.read')} />
        <Route path="/utenti" element={guard(<UsersPage />, 'user.manage')} />
        <Route path="/elenco-pubblico" element={guard(<DirectoryPage />, 'directory.edit')} />
        <Route path="/elenco-pubblico/:organisationId" element={guard(<EntryEditorPage />, 'directory.edit')} />
        <Route path="/audit" element={guard(<AuditPage />, 'audit.read_own')} />
        <Route path="/allerte" element={guard(<InsiderAlertsPage />, 'insider.read')} />
        <Route path="/percorsi" element={guard(<CaseloadPage />, 'case.read')} />
        <Route path="/percorsi/nuovo" element={guard(<IntakePage />, 'case.write')} />
        <Route path="/percorsi/:id" element={guard(<CasePage />, 'case.read')}>
          <Route index element={<Navigate to="profilo" replace />} />
          <Route path="profilo" element={<ProfileTab />} />
          <Route path="consensi" element={<ConsentsTab />} />
          <Route path="bisogni" element={<NeedsTab />} />
          <Route path="piano" element={<PlanTab />} />
          <Route path="esiti" element={<OutcomesTab />} />
          <Route path="invii" element={<ReferralsTab />} />
          <Route path="invii/nuovo" element={<NewReferral />} />
          <Route path="cronologia" element={<TimelineTab />} />
        </Route>
        <Route path="/follow-up" element={guard(<FollowUpsPage />, 'case.read')} />
        <Route path="/invii" element={guard(<ReferralsPage />, 'referral.read')} />
        <Route path="/invii/scaduti" element={guard(<OverduePage />, 'referral.overdue_list')} />
        <Route path="/invii/:id" element={guard(<ReferralPage />, 'referral.read')} />
        <Route path="/notifiche" element={guard(<NotificationsPage />, 'notification.read')} />
        <Route path="/da-fare/:queue" element={guard(<WorklistPage />, 'notification.read')} />
        <Route path="/aiuto-tastiera" element={guard(<ShortcutsPage />)} />
        <Route path="/account/sicurezza" element={guard(<SecurityPage />)} />
        {/* obs-report */}
        <Route path="/osservatorio" element={guard(<ObservatoryPage />, 'observatory.read')} />
        <Route path="/cabina-di-regia" element={guard(<ControlRoomsPage />, 'control_room.read')} />
        <Route path="/cabina-di-regia/:protocolId" element={guard(<RoomPage />, 'control_room.read')} />
        <Route
          path="/cabina-di-regia/:protocolId/riunioni/:meetingId"
          element={guard(<MeetingPage />, 'control_room.read')}
        />
        {/* net-companies */}
        <Route path="/aziende" element={guard(<CompaniesPage />, 'company.read')} />
        <Route path="/aziende/:id" element={guard(<CompanyPage />, 'company.read')} />
        <Route path="/procedure" element={guard(<ProceduresPage />, 'procedure.read')} />
        <Route path="/procedure/:id" element={guard(<ProcedurePage />, 'procedure.read')} />
        {/* training and coverage (issue 8) */}
        <Route path="/formazione" element={guard(<TrainingPage />, 'training.coverage')} />
        <Route path="/formazione/nuovo" element={guard(<CourseFormPage />, 'training.manage')} />
        <Route path="/formazione/corsi/:courseId" element={guard(<CoursePage />, 'training.read')} />
        <Route path="/prevenzione" element={guard(<PreventionPage />, 'prevention.read')} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
