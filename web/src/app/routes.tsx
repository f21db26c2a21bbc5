import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoading } from '../shared/components';
import { AppLayout } from './AppLayout';
import { AuthLayout } from './AuthLayout';
import { HomeRedirect, RequireAuth, RequirePermission } from './guards';
import { NotFoundPage } from './NotFoundPage';

const SignInPage = lazy(() => import('../features/auth/SignInPage'));
const TwoFactorPage = lazy(() => import('../features/auth/TwoFactorPage'));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage'));
const VerifyEmailPage = lazy(() => import('../features/auth/VerifyEmailPage'));
const ForgotPasswordPage = lazy(() => import('../features/auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../features/auth/ResetPasswordPage'));
const AcceptInvitationPage = lazy(() => import('../features/auth/AcceptInvitationPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const CompanyPage = lazy(() => import('../features/company/CompanyPage'));
const StoresListPage = lazy(() => import('../features/stores/StoresListPage'));
const StoreDetailPage = lazy(() => import('../features/stores/StoreDetailPage'));
const TeamPage = lazy(() => import('../features/team/TeamPage'));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const SellersListPage = lazy(() => import('../features/platform/SellersListPage'));
const SellerDetailPage = lazy(() => import('../features/platform/SellerDetailPage'));
const PlatformAuditPage = lazy(() => import('../features/platform/PlatformAuditPage'));
const MailboxPage = lazy(() => import('../features/dev/MailboxPage'));

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AuthLayout />}>
        <Route
          path="/sign-in"
          element={
            <Lazy>
              <SignInPage />
            </Lazy>
          }
        />
        <Route
          path="/sign-in/2fa"
          element={
            <Lazy>
              <TwoFactorPage />
            </Lazy>
          }
        />
        <Route
          path="/sign-up"
          element={
            <Lazy>
              <SignUpPage />
            </Lazy>
          }
        />
        <Route
          path="/verify-email"
          element={
            <Lazy>
              <VerifyEmailPage />
            </Lazy>
          }
        />
        <Route
          path="/verify-email/:token"
          element={
            <Lazy>
              <VerifyEmailPage />
            </Lazy>
          }
        />
        <Route
          path="/forgot-password"
          element={
            <Lazy>
              <ForgotPasswordPage />
            </Lazy>
          }
        />
        <Route
          path="/reset-password"
          element={
            <Lazy>
              <ResetPasswordPage />
            </Lazy>
          }
        />
        <Route
          path="/reset-password/:token"
          element={
            <Lazy>
              <ResetPasswordPage />
            </Lazy>
          }
        />
        <Route
          path="/accept-invitation"
          element={
            <Lazy>
              <AcceptInvitationPage />
            </Lazy>
          }
        />
        <Route
          path="/invitations/:token"
          element={
            <Lazy>
              <AcceptInvitationPage />
            </Lazy>
          }
        />
        <Route
          path="/dev/mailbox"
          element={
            <Lazy>
              <MailboxPage />
            </Lazy>
          }
        />
      </Route>
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route
          index
          element={
            <HomeRedirect>
              <Lazy>
                <HomePage />
              </Lazy>
            </HomeRedirect>
          }
        />
        <Route
          path="/account"
          element={
            <Lazy>
              <AccountPage />
            </Lazy>
          }
        />
        <Route
          path="/notifications"
          element={
            <Lazy>
              <NotificationsPage />
            </Lazy>
          }
        />
        <Route
          path="/company"
          element={
            <RequirePermission permission="account:read">
              <Lazy>
                <CompanyPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/stores"
          element={
            <RequirePermission permission="stores:read">
              <Lazy>
                <StoresListPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/stores/:id"
          element={
            <RequirePermission permission="stores:read">
              <Lazy>
                <StoreDetailPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/team"
          element={
            <RequirePermission permission="team:read">
              <Lazy>
                <TeamPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/audit"
          element={
            <RequirePermission permission="audit:read">
              <Lazy>
                <AuditLogPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route path="/platform" element={<Navigate to="/platform/sellers" replace />} />
        <Route
          path="/platform/sellers"
          element={
            <RequirePermission permission="sellers:read">
              <Lazy>
                <SellersListPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/sellers/:id"
          element={
            <RequirePermission permission="sellers:read">
              <Lazy>
                <SellerDetailPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/audit"
          element={
            <RequirePermission permission="platform_audit:read">
              <Lazy>
                <PlatformAuditPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
