import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions } from '../../shared/api/session';
import { PageHeader } from '../../shared/components';
import { LoginLogTable } from '../account/components/LoginLogTable';
import { useRoles, useTeamLoginLog } from './api';
import { InvitationsTab } from './components/InvitationsTab';
import { InviteModal } from './components/InviteModal';
import { MembersTab } from './components/MembersTab';
import { RolesTab } from './components/RolesTab';

const TABS = ['members', 'invitations', 'roles', 'logins'] as const;

function TeamLoginLog() {
  const log = useTeamLoginLog();
  return <LoginLogTable query={log} showUser />;
}

export default function TeamPage() {
  const { t } = useTranslation('team');
  const { can } = usePermissions();
  const canManage = can('team:manage');
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'members';
  const inviteOpen = canManage && params.get('invite') === '1';
  const roles = useRoles();

  const setInvite = (open: boolean) => {
    const next = new URLSearchParams(params);
    if (open) next.set('invite', '1');
    else next.delete('invite');
    setParams(next, { replace: true });
  };

  return (
    <div>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          canManage && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInvite(true)}>
              {t('invite.open')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'members', label: t('tabs.members'), children: <MembersTab roles={roles.data ?? []} /> },
            {
              key: 'invitations',
              label: t('tabs.invitations'),
              children: <InvitationsTab roles={roles.data ?? []} onInvite={() => setInvite(true)} />,
            },
            {
              key: 'roles',
              label: t('tabs.roles'),
              children: <RolesTab roles={roles.data ?? []} loading={roles.isPending} error={roles.error} />,
            },
            { key: 'logins', label: t('tabs.logins'), children: <TeamLoginLog /> },
          ]}
        />
      </Card>
      <InviteModal open={inviteOpen} roles={roles.data ?? []} onClose={() => setInvite(false)} />
    </div>
  );
}
