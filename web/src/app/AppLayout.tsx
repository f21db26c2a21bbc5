import {
  DownOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SafetyOutlined,
  SearchOutlined,
  ShopTwoTone,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Avatar, Button, Dropdown, Flex, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSignOut, useSwitchSeller } from '../features/auth/api';
import { useMailbox } from '../features/dev/api';
import { usePermissions, useSession } from '../shared/api/session';
import { useApiMessage } from '../shared/hooks/useApiMessage';
import { CommandPalette } from './CommandPalette';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NotificationBell } from './NotificationBell';
import { NAV_GROUPS, visibleEntries } from './nav';
import { StoreSwitcher } from './StoreSwitcher';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation('common');
  const { data: session } = useSession();
  const { can } = usePermissions();
  const location = useLocation();
  const navigate = useNavigate();
  const mailbox = useMailbox();
  const signOut = useSignOut();
  const switchSeller = useSwitchSeller();
  const notify = useApiMessage();
  const [collapsed, setCollapsed] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const onPaletteOpenChange = useCallback((open: boolean) => setPaletteOpen(open), []);

  const kind = session?.user.kind ?? 'seller';
  const entries = useMemo(
    () => visibleEntries({ kind, can, devMailbox: Array.isArray(mailbox.data) }),
    [kind, can, mailbox.data],
  );

  const menuItems: MenuProps['items'] = NAV_GROUPS.map((group) => {
    const children = entries
      .filter((e) => e.menu && e.group === group)
      .map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{t(e.label)}</Link> }));
    return children.length > 0
      ? { type: 'group' as const, key: group, label: t(`navGroup.${group}`), children }
      : null;
  }).filter((g) => g !== null);

  const selectedKey =
    entries
      .filter(
        (e) => e.menu && (e.path === '/' ? location.pathname === '/' : location.pathname.startsWith(e.path)),
      )
      .sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '';

  if (!session) return null;
  const seller = session.seller;
  const otherSellers = session.memberships.filter((m) => m.sellerId !== seller?.id);

  const userMenu: MenuProps['items'] = [
    { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
    { key: 'security', icon: <SafetyOutlined />, label: t('nav.accountSecurity') },
    ...(otherSellers.length > 0
      ? [
          { type: 'divider' as const },
          {
            key: 'switch',
            icon: <SwapOutlined />,
            label: t('header.switchSeller'),
            children: otherSellers.map((m) => ({ key: `seller:${m.sellerId}`, label: m.displayName })),
          },
        ]
      : []),
    { type: 'divider' as const },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
  ];

  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') navigate('/account');
    else if (key === 'security') navigate('/account?tab=security');
    else if (key === 'sign-out') {
      signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) });
    } else if (key.startsWith('seller:')) {
      switchSeller.mutate(key.slice('seller:'.length), {
        onSuccess: () => navigate('/'),
        onError: notify.error,
      });
    }
  };

  const statusBanner =
    seller && seller.status !== 'active' ? (
      <Alert
        type={seller.status === 'pending_review' ? 'info' : 'error'}
        showIcon
        banner
        title={t(`sellerStatus.${seller.status}.title`)}
        description={
          <>
            {t(`sellerStatus.${seller.status}.description`)}
            {seller.statusReason && (
              <div>
                {t('sellerStatus.reason')}: {seller.statusReason}
              </div>
            )}
          </>
        }
      />
    ) : null;

  const twoFactorBanner =
    seller?.require2fa && !session.user.totpEnabled ? (
      <Alert
        type="warning"
        showIcon
        banner
        title={t('twoFactorRequired.title')}
        action={
          <Link to="/account?tab=security">
            <Button size="small" type="primary">
              {t('twoFactorRequired.action')}
            </Button>
          </Link>
        }
      />
    ) : null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={232}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <Link to="/">
          <Flex align="center" gap={8} style={{ height: 64, padding: '0 24px', overflow: 'hidden' }}>
            <ShopTwoTone style={{ fontSize: 22 }} />
            {!collapsed && (
              <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
                {kind === 'operator' ? t('platformName') : t('appName')}
              </Typography.Text>
            )}
          </Flex>
        </Link>
        <Menu mode="inline" selectedKeys={[selectedKey]} items={menuItems} style={{ borderInlineEnd: 0 }} />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 16px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Button
            type="text"
            aria-label={collapsed ? t('header.expandMenu') : t('header.collapseMenu')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((c) => !c)}
          />
          {kind === 'seller' && seller && (
            <Typography.Text strong ellipsis style={{ maxWidth: 200 }}>
              {seller.displayName}
            </Typography.Text>
          )}
          {kind === 'seller' && session.stores.length > 0 && <StoreSwitcher stores={session.stores} />}
          <div style={{ flex: 1 }} />
          <Button icon={<SearchOutlined />} onClick={() => setPaletteOpen(true)}>
            {t('palette.open')}
            <Typography.Text keyboard style={{ marginInlineStart: 4 }}>
              Ctrl K
            </Typography.Text>
          </Button>
          <LanguageSwitcher signedIn />
          <NotificationBell />
          <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
            <Button type="text" aria-label={t('header.userMenu')}>
              <Avatar size="small" style={{ background: '#1668dc' }}>
                {(session.user.name || session.user.email).slice(0, 1).toUpperCase()}
              </Avatar>
              <span>{session.user.name || session.user.email}</span>
              <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        </Header>
        {statusBanner}
        {twoFactorBanner}
        <Content style={{ padding: 24, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
          <Outlet />
        </Content>
      </Layout>
      <CommandPalette entries={entries} open={paletteOpen} onOpenChange={onPaletteOpenChange} />
    </Layout>
  );
}
