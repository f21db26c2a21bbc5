import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useSession } from '../../../shared/api/session';
import { ConfirmButton, EmptyState, ErrorAlert, StatusTag } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { useFormat } from '../../../shared/lib/format';
import { type Member, type Role, useMemberAction, useMembers } from '../api';
import { EditMemberModal } from './EditMemberModal';
import { roleLabel } from './RoleAndStoresFields';

export function MembersTab({ roles }: { roles: Role[] }) {
  const { t } = useTranslation('team');
  const { can } = usePermissions();
  const { data: session } = useSession();
  const canManage = can('team:manage');
  const members = useMembers();
  const action = useMemberAction();
  const notify = useApiMessage();
  const fmt = useFormat();
  const [editing, setEditing] = useState<Member | null>(null);
  const storeName = (id: string) => session?.stores.find((s) => s.id === id)?.name ?? id.slice(0, 8);

  const run = (m: Member, kind: 'deactivate' | 'reactivate' | 'remove') =>
    action.mutate(
      { id: m.id, action: kind },
      { onSuccess: () => notify.success(t(`members.${kind}d`)), onError: notify.error },
    );

  return (
    <>
      <ErrorAlert error={members.error} onRetry={() => members.refetch()} />
      <Table<Member>
        rowKey="id"
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={{ hideOnSinglePage: true, pageSize: 50 }}
        locale={{ emptyText: <EmptyState description={t('members.empty')} /> }}
        columns={[
          {
            title: t('fields.member'),
            key: 'member',
            render: (_, m) => (
              <div>
                <Typography.Text strong>{m.name || '—'}</Typography.Text>
                {m.userId === session?.user.id && (
                  <Tag style={{ marginInlineStart: 8 }}>{t('members.you')}</Tag>
                )}
                <div>
                  <Typography.Text type="secondary">{m.email}</Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('fields.role'),
            key: 'role',
            render: (_, m) => {
              const role = roles.find((r) => r.id === (m.customRoleId ?? m.role));
              return (
                <Tag color={m.customRoleId ? 'purple' : 'blue'}>
                  {role
                    ? roleLabel(t, role)
                    : (m.roleName ?? t(`roles.builtIn.${m.role}`, { defaultValue: m.role ?? '' }))}
                </Tag>
              );
            },
          },
          {
            title: t('fields.stores'),
            key: 'stores',
            render: (_, m) =>
              m.storeIds === null ? (
                <Typography.Text type="secondary">{t('fields.allStores')}</Typography.Text>
              ) : (
                <Space size={4} wrap>
                  {m.storeIds.map((id) => (
                    <Tag key={id}>{storeName(id)}</Tag>
                  ))}
                </Space>
              ),
          },
          {
            title: t('fields.twoFactor'),
            dataIndex: 'totpEnabled',
            render: (on: boolean) =>
              on ? <Tag color="success">{t('members.2faOn')}</Tag> : <Tag>{t('members.2faOff')}</Tag>,
          },
          { title: t('fields.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: t('fields.joined'), dataIndex: 'createdAt', render: (v: string) => fmt.date(v) },
          ...(canManage
            ? [
                {
                  title: t('common:columns.actions'),
                  key: 'actions',
                  align: 'right' as const,
                  render: (_: unknown, m: Member) => {
                    const self = m.userId === session?.user.id;
                    const owner = m.role === 'owner';
                    if (self || owner) {
                      return (
                        <Tooltip title={self ? t('members.selfHint') : t('members.ownerHint')}>
                          <Typography.Text type="secondary">—</Typography.Text>
                        </Tooltip>
                      );
                    }
                    return (
                      <Space wrap>
                        <Button size="small" onClick={() => setEditing(m)}>
                          {t('common:actions.edit')}
                        </Button>
                        {m.status === 'deactivated' || m.status === 'inactive' ? (
                          <ConfirmButton
                            size="small"
                            danger={false}
                            title={t('members.reactivateConfirm', { name: m.name || m.email })}
                            onConfirm={() => run(m, 'reactivate')}
                          >
                            {t('members.reactivate')}
                          </ConfirmButton>
                        ) : (
                          <ConfirmButton
                            size="small"
                            title={t('members.deactivateConfirm', { name: m.name || m.email })}
                            description={t('members.deactivateHint')}
                            onConfirm={() => run(m, 'deactivate')}
                          >
                            {t('members.deactivate')}
                          </ConfirmButton>
                        )}
                        <ConfirmButton
                          size="small"
                          type="text"
                          title={t('members.removeConfirm', { name: m.name || m.email })}
                          description={t('members.removeHint')}
                          onConfirm={() => run(m, 'remove')}
                        >
                          {t('members.remove')}
                        </ConfirmButton>
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      <EditMemberModal member={editing} roles={roles} onClose={() => setEditing(null)} />
    </>
  );
}
