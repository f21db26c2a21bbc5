import { ShopTwoTone } from '@ant-design/icons';
import { Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher';

/** Public pages: sign-in, sign-up, password reset, invitations, dev mailbox. */
export function AuthLayout() {
  const { t } = useTranslation('common');
  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #f0f5ff 0%, #fafafa 60%)' }}>
      <Flex justify="space-between" align="center" style={{ padding: '16px 32px' }}>
        <Link to="/sign-in">
          <Flex align="center" gap={8}>
            <ShopTwoTone style={{ fontSize: 24 }} />
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('appName')}
            </Typography.Text>
          </Flex>
        </Link>
        <LanguageSwitcher signedIn={false} />
      </Flex>
      <Layout.Content style={{ display: 'flex', justifyContent: 'center', padding: '24px 16px 64px' }}>
        <div style={{ width: '100%', maxWidth: 960, display: 'flex', justifyContent: 'center' }}>
          <Outlet />
        </div>
      </Layout.Content>
      <Typography.Text type="secondary" style={{ textAlign: 'center', paddingBottom: 24 }}>
        {t('footer')}
      </Typography.Text>
    </Layout>
  );
}
