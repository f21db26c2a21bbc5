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
const CategoriesPage = lazy(() => import('../features/platform/CategoriesPage'));
const AttributesPage = lazy(() => import('../features/platform/AttributesPage'));
const DocumentTypesPage = lazy(() => import('../features/platform/DocumentTypesPage'));
const RejectionReasonsPage = lazy(() => import('../features/platform/RejectionReasonsPage'));
const ExchangeRatesPage = lazy(() => import('../features/platform/ExchangeRatesPage'));
const StockPage = lazy(() => import('../features/inventory/StockPage'));
const WarehousesPage = lazy(() => import('../features/inventory/WarehousesPage'));
const InboundListPage = lazy(() => import('../features/inventory/InboundListPage'));
const InboundDetailPage = lazy(() => import('../features/inventory/InboundDetailPage'));
const IncomingShipmentsPage = lazy(() => import('../features/inventory/platform/IncomingShipmentsPage'));
const ReceiveShipmentPage = lazy(() => import('../features/inventory/platform/ReceiveShipmentPage'));
const PlatformWarehousesPage = lazy(() => import('../features/inventory/platform/PlatformWarehousesPage'));
const ProductsListPage = lazy(() => import('../features/catalog/ProductsListPage'));
const ProductEditorPage = lazy(() => import('../features/catalog/ProductEditorPage'));
const DocumentsPage = lazy(() => import('../features/catalog/DocumentsPage'));
const ImportsPage = lazy(() => import('../features/catalog/ImportsPage'));
const ImportDetailPage = lazy(() => import('../features/catalog/ImportDetailPage'));
const ListingQueuePage = lazy(() => import('../features/catalog/platform/ListingQueuePage'));
const ListingReviewPage = lazy(() => import('../features/catalog/platform/ListingReviewPage'));
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
          path="/platform/categories"
          element={
            <RequirePermission permission="listings:read">
              <Lazy>
                <CategoriesPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/attributes"
          element={
            <RequirePermission permission="listings:read">
              <Lazy>
                <AttributesPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/document-types"
          element={
            <RequirePermission permission="listings:read">
              <Lazy>
                <DocumentTypesPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/rejection-reasons"
          element={
            <RequirePermission permission="listings:read">
              <Lazy>
                <RejectionReasonsPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route path="/catalog" element={<Navigate to="/catalog/products" replace />} />
        <Route
          path="/catalog/products"
          element={
            <RequirePermission permission="catalog:read">
              <Lazy>
                <ProductsListPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/catalog/products/:id"
          element={
            <RequirePermission permission="catalog:read">
              <Lazy>
                <ProductEditorPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/catalog/documents"
          element={
            <RequirePermission permission="catalog:read">
              <Lazy>
                <DocumentsPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/catalog/imports"
          element={
            <RequirePermission permission="catalog:read">
              <Lazy>
                <ImportsPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/catalog/imports/:id"
          element={
            <RequirePermission permission="catalog:read">
              <Lazy>
                <ImportDetailPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/listings"
          element={
            <RequirePermission permission="listings:read">
              <Lazy>
                <ListingQueuePage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/listings/:id"
          element={
            <RequirePermission permission="listings:read">
              <Lazy>
                <ListingReviewPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route path="/inventory" element={<Navigate to="/inventory/stock" replace />} />
        <Route
          path="/inventory/stock"
          element={
            <RequirePermission permission="inventory:read">
              <Lazy>
                <StockPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/inventory/warehouses"
          element={
            <RequirePermission permission="inventory:read">
              <Lazy>
                <WarehousesPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/inventory/inbound"
          element={
            <RequirePermission permission="inventory:read">
              <Lazy>
                <InboundListPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/inventory/inbound/:id"
          element={
            <RequirePermission permission="inventory:read">
              <Lazy>
                <InboundDetailPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/inbound"
          element={
            <RequirePermission permission="inbound:receive">
              <Lazy>
                <IncomingShipmentsPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/inbound/:id"
          element={
            <RequirePermission permission="inbound:receive">
              <Lazy>
                <ReceiveShipmentPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/warehouses"
          element={
            <RequirePermission permission="inbound:receive">
              <Lazy>
                <PlatformWarehousesPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="/platform/exchange-rates"
          element={
            <Lazy>
              <ExchangeRatesPage />
            </Lazy>
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
