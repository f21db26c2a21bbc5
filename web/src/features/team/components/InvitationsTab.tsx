import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../shared/api/session';
import { ConfirmButton, EmptyState, ErrorAlert, StatusTag } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { useFormat } from '../../../shared/lib/format';
import { type Invitation, type Role, useInvitations, useResendInvitation, useRevokeInvitation } from '../api';
import { roleLabel } from './RoleAndStoresFields';

export function InvitationsTab({ roles, onInvite }: { roles: Role[]; onInvite: () => void }) {
  const { t } = useTranslation('team');
  const { can } = usePermissions();
  const canManage = can('team:manage');
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const resend = useResendInvitation();
  const notify = useApiMessage();
  const fmt = useFormat();

  return (
    <>
      <ErrorAlert error={invitations.error} onRetry={() => invitations.refetch()} />
      <Table<Invitation>
        rowKey="id"
        loading={invitations.isPending}
        dataSource={invitations.data ?? []}
        pagination={{ hideOnSinglePage: true, pageSize: 50 }}
        locale={{
          emptyText: (
            <EmptyState
              description={t('invitations.empty')}
              action={
                canManage && (
                  <Button type="primary" onClick={onInvite}>
                    {t('invite.open')}
                  </Button>
                )
              }
            />
          ),
        }}
        columns={[
          {
            title: t('fields.email'),
            key: 'email',
            render: (_, i) => (
              <div>
                <Typography.Text>{i.email}</Typography.Text>
                {i.name && (
                  <div>
                    <Typography.Text type="secondary">{i.name}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('fields.role'),
            key: 'role',
            render: (_, i) => {
              const role = roles.find((r) => r.id === (i.customRoleId ?? i.role));
              return <Tag color="blue">{role ? roleLabel(t, role) : (i.roleName ?? i.role ?? '—')}</Tag>;
            },
          },
          {
            title: t('fields.status'),
            key: 'status',
            render: (_, i) => <StatusTag status={i.status ?? 'pending'} />,
          },
          { title: t('invitations.sentAt'), dataIndex: 'createdAt', render: (v: string) => fmt.dateTime(v) },
          {
            title: t('invitations.expiresAt'),
            dataIndex: 'expiresAt',
            render: (v: string | undefined) => (v ? fmt.dateTime(v) : '—'),
          },
          ...(canManage
            ? [
                {
                  title: t('common:columns.actions'),
                  key: 'actions',
                  align: 'right' as const,
                  render: (_: unknown, i: Invitation) => (
                    <Space>
                      <Button
                        size="small"
                        loading={resend.isPending && resend.variables === i.id}
                        onClick={() =>
                          resend.mutate(i.id, {
                            onSuccess: () => notify.success(t('invitations.resent', { email: i.email })),
                            onError: notify.error,
                          })
                        }
                      >
                        {t('invitations.resend')}
                      </Button>
                      <ConfirmButton
                        size="small"
                        title={t('invitations.revokeConfirm', { email: i.email })}
                        loading={revoke.isPending && revoke.variables === i.id}
                        onConfirm={() =>
                          revoke.mutate(i.id, {
                            onSuccess: () => notify.success(t('invitations.revoked')),
                            onError: notify.error,
                          })
                        }
                      >
                        {t('invitations.revoke')}
                      </ConfirmButton>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
