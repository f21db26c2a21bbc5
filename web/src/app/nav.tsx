import {
  AuditOutlined,
  BellOutlined,
  HomeOutlined,
  IdcardOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type NavAudience = 'seller' | 'operator' | 'any';

export interface NavEntry {
  key: string;
  path: string;
  /** key in the `common` namespace */
  label: string;
  icon?: ReactNode;
  group: 'overview' | 'business' | 'organization' | 'platform' | 'personal' | 'developer';
  audience: NavAudience;
  permission?: string;
  /** shown in the sidebar (false = command palette only) */
  menu: boolean;
  devOnly?: boolean;
}

export const NAV_ENTRIES: NavEntry[] = [
  {
    key: 'home',
    path: '/',
    label: 'nav.home',
    icon: <HomeOutlined />,
    group: 'overview',
    audience: 'seller',
    menu: true,
  },
  {
    key: 'stores',
    path: '/stores',
    label: 'nav.stores',
    icon: <ShopOutlined />,
    group: 'business',
    audience: 'seller',
    permission: 'stores:read',
    menu: true,
  },
  {
    key: 'stores-new',
    path: '/stores/new',
    label: 'nav.storesNew',
    group: 'business',
    audience: 'seller',
    permission: 'stores:manage',
    menu: false,
  },
  {
    key: 'company',
    path: '/company',
    label: 'nav.company',
    icon: <IdcardOutlined />,
    group: 'organization',
    audience: 'seller',
    permission: 'account:read',
    menu: true,
  },
  {
    key: 'team',
    path: '/team',
    label: 'nav.team',
    icon: <TeamOutlined />,
    group: 'organization',
    audience: 'seller',
    permission: 'team:read',
    menu: true,
  },
  {
    key: 'team-invite',
    path: '/team?invite=1',
    label: 'nav.teamInvite',
    group: 'organization',
    audience: 'seller',
    permission: 'team:manage',
    menu: false,
  },
  {
    key: 'team-invitations',
    path: '/team?tab=invitations',
    label: 'nav.teamInvitations',
    group: 'organization',
    audience: 'seller',
    permission: 'team:read',
    menu: false,
  },
  {
    key: 'team-roles',
    path: '/team?tab=roles',
    label: 'nav.teamRoles',
    group: 'organization',
    audience: 'seller',
    permission: 'team:read',
    menu: false,
  },
  {
    key: 'team-logins',
    path: '/team?tab=logins',
    label: 'nav.teamLogins',
    group: 'organization',
    audience: 'seller',
    permission: 'team:read',
    menu: false,
  },
  {
    key: 'audit',
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    group: 'organization',
    audience: 'seller',
    permission: 'audit:read',
    menu: true,
  },
  {
    key: 'platform-sellers',
    path: '/platform/sellers',
    label: 'nav.platformSellers',
    icon: <SolutionOutlined />,
    group: 'platform',
    audience: 'operator',
    permission: 'sellers:read',
    menu: true,
  },
  {
    key: 'platform-audit',
    path: '/platform/audit',
    label: 'nav.platformAudit',
    icon: <AuditOutlined />,
    group: 'platform',
    audience: 'operator',
    permission: 'platform_audit:read',
    menu: true,
  },
  {
    key: 'notifications',
    path: '/notifications',
    label: 'nav.notifications',
    icon: <BellOutlined />,
    group: 'personal',
    audience: 'any',
    menu: true,
  },
  {
    key: 'notification-preferences',
    path: '/notifications?tab=preferences',
    label: 'nav.notificationPreferences',
    group: 'personal',
    audience: 'any',
    menu: false,
  },
  {
    key: 'account',
    path: '/account',
    label: 'nav.account',
    icon: <UserOutlined />,
    group: 'personal',
    audience: 'any',
    menu: true,
  },
  {
    key: 'account-security',
    path: '/account?tab=security',
    label: 'nav.accountSecurity',
    icon: <SafetyCertificateOutlined />,
    group: 'personal',
    audience: 'any',
    menu: false,
  },
  {
    key: 'account-sessions',
    path: '/account?tab=sessions',
    label: 'nav.accountSessions',
    group: 'personal',
    audience: 'any',
    menu: false,
  },
  {
    key: 'account-log',
    path: '/account?tab=log',
    label: 'nav.accountLog',
    group: 'personal',
    audience: 'any',
    menu: false,
  },
  {
    key: 'dev-mailbox',
    path: '/dev/mailbox',
    label: 'nav.devMailbox',
    icon: <MailOutlined />,
    group: 'developer',
    audience: 'any',
    menu: true,
    devOnly: true,
  },
];

export const NAV_GROUPS: NavEntry['group'][] = [
  'overview',
  'business',
  'organization',
  'platform',
  'personal',
  'developer',
];

interface VisibilityInput {
  kind: 'seller' | 'operator';
  can: (permission: string) => boolean;
  devMailbox: boolean;
}

export function visibleEntries({ kind, can, devMailbox }: VisibilityInput): NavEntry[] {
  return NAV_ENTRIES.filter(
    (e) =>
      (e.audience === 'any' || e.audience === kind) &&
      (!e.permission || can(e.permission)) &&
      (!e.devOnly || devMailbox),
  );
}
