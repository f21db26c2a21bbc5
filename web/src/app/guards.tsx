import { Button, Result } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { usePermissions, useSession } from '../shared/api/session';
import { ErrorAlert, PageLoading } from '../shared/components';
import { changeLanguage, normalizeLanguage } from './i18n';

/** Lets signed-in users through; others go to sign-in (or to the 2FA challenge when it is pending). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();
  const { i18n } = useTranslation();
  const userLocale = normalizeLanguage(session?.user.locale);

  useEffect(() => {
    if (userLocale && userLocale !== i18n.language) void changeLanguage(userLocale);
  }, [userLocale, i18n]);

  if (isPending) {
    return (
      <div style={{ padding: 48 }}>
        <PageLoading />
      </div>
    );
  }
  if (error) {
    return (
      <div style={{ padding: 48 }}>
        <ErrorAlert error={error} onRetry={() => refetch()} />
      </div>
    );
  }
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.mfaPending) return <Navigate to="/sign-in/2fa" replace />;
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = usePermissions();
  const { t } = useTranslation('common');
  if (!can(permission)) {
    return (
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('forbidden.description')}
        extra={
          <Link to="/">
            <Button type="primary">{t('notFound.home')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}

/** Operators have no seller home: send them to the sellers queue. */
export function HomeRedirect({ children }: { children: ReactNode }) {
  const { data: session } = useSession();
  if (session?.user.kind === 'operator') return <Navigate to="/platform/sellers" replace />;
  return <>{children}</>;
}
