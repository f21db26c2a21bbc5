import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/components';
import { LoginLogTab } from './components/LoginLogTab';
import { PasswordCard } from './components/PasswordCard';
import { ProfileCard } from './components/ProfileCard';
import { SessionsTab } from './components/SessionsTab';
import { TwoFactorCard } from './components/TwoFactorCard';

const TABS = ['profile', 'security', 'sessions', 'log'] as const;

export default function AccountPage() {
  const { t } = useTranslation('account');
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'profile';

  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'profile', label: t('tabs.profile'), children: <ProfileCard /> },
          {
            key: 'security',
            label: t('tabs.security'),
            children: (
              <div style={{ display: 'grid', gap: 16 }}>
                <TwoFactorCard />
                <PasswordCard />
              </div>
            ),
          },
          { key: 'sessions', label: t('tabs.sessions'), children: <SessionsTab /> },
          { key: 'log', label: t('tabs.log'), children: <LoginLogTab /> },
        ]}
      />
    </div>
  );
}
