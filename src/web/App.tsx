/** Routes. Italian paths, as the users see them. */
import { Navigate, Route, Routes } from 'react-router-dom';
import type { Action } from '../shared/can.ts';
import { Layout } from './components/Layout.tsx';
import { RequireAuth } from './components/RequireAuth.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { CasePage } from './pages/case/CasePage.tsx';
import { ConsentsTab } from './pages/case/consents/ConsentsTab.tsx';
import { NeedsTab } from './pages/case/needs/NeedsTab.tsx';
import { OutcomesTab } from './pages/case/outcomes/OutcomesTab.tsx';
import { PlanTab } from './pages/case/plan/PlanTab.tsx';
import { NewReferral } from './pages/case/referrals/NewReferral.tsx';
import { ReferralsTab } from './pages/case/referrals/ReferralsTab.tsx';
import { ProfileTab } from './pages/case/ProfileTab.tsx';
import { TimelineTab } from './pages/case/TimelineTab.tsx';
import { CaseloadPage } from './pages/caseload/CaseloadPage.tsx';
import { FollowUpsPage } from './pages/FollowUpsPage.tsx';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { IntakePage } from './pages/intake/IntakePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NetworkDetailPage } from './pages/NetworkDetailPage.tsx';
import { NetworksPage } from './pages/NetworksPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { OrganisationDetailPage } from './pages/OrganisationDetailPage.tsx';
import { OrganisationsPage } from './pages/OrganisationsPage.tsx';
import { PrivacyPage } from './pages/PrivacyPage.tsx';
import { ProtocolDetailPage } from './pages/ProtocolDetailPage.tsx';
import { ProtocolsPage } from './pages/ProtocolsPage.tsx';
import { OverduePage } from './pages/referrals/OverduePage.tsx';
import { ReferralPage } from './pages/referrals/ReferralPage.tsx';
import { ReferralsPage } from './pages/referrals/ReferralsPage.tsx';
import { SetPasswordPage } from './pages/SetPasswordPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';

/** Reserved pages; `action` is the permission the page needs (the same as navigation.ts opens it with). */
const guard = (el: JSX.Element, action?: Action) => <RequireAuth action={action}>{el}</RequireAuth>;

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/password-dimenticata" element={<ForgotPasswordPage />} />
        <Route path="/invito/:token" element={<SetPasswordPage mode="invite" />} />
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
        <Route path="/audit" element={guard(<AuditPage />, 'audit.read_own')} />
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
