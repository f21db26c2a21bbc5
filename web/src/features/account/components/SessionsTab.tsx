import { DesktopOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmButton, EmptyState, ErrorAlert } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { useFormat } from '../../../shared/lib/format';
import { type UserSession, useRevokeOtherSessions, useRevokeSession, useSessions } from '../api';
import { describeUserAgent } from './userAgent';

export function SessionsTab() {
  const { t } = useTranslation('account');
  const fmt = useFormat();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const notify = useApiMessage();
  const others = (sessions.data ?? []).filter((s) => !s.current).length;

  return (
    <Card
      title={t('sessions.title')}
      extra={
        <Popconfirm
          title={t('sessions.revokeOthersConfirm')}
          okButtonProps={{ danger: true }}
          okText={t('common:actions.confirm')}
          cancelText={t('common:actions.cancel')}
          disabled={others === 0}
          onConfirm={() =>
            revokeOthers.mutate(undefined, {
              onSuccess: () => notify.success(t('sessions.revokedOthers')),
              onError: notify.error,
            })
          }
        >
          <Button danger disabled={others === 0} loading={revokeOthers.isPending}>
            {t('sessions.revokeOthers')}
          </Button>
        </Popconfirm>
      }
    >
      <ErrorAlert error={sessions.error} onRetry={() => sessions.refetch()} />
      <Table<UserSession>
        rowKey="id"
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('sessions.empty')} /> }}
        columns={[
          {
            title: t('sessions.device'),
            key: 'device',
            render: (_, s) => (
              <span>
                <DesktopOutlined /> {describeUserAgent(s.userAgent) ?? t('sessions.unknownDevice')}{' '}
                {s.current && <Tag color="blue">{t('sessions.current')}</Tag>}
              </span>
            ),
          },
          { title: t('sessions.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          { title: t('sessions.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmt.dateTime(v) },
          {
            title: t('sessions.lastSeenAt'),
            dataIndex: 'lastSeenAt',
            render: (v: string) => (
              <Typography.Text title={fmt.dateTime(v)}>{fmt.relative(v)}</Typography.Text>
            ),
          },
          {
            title: t('common:columns.actions'),
            key: 'actions',
            align: 'right',
            render: (_, s) =>
              s.current ? null : (
                <ConfirmButton
                  size="small"
                  title={t('sessions.revokeConfirm')}
                  loading={revoke.isPending && revoke.variables === s.id}
                  onConfirm={() =>
                    revoke.mutate(s.id, {
                      onSuccess: () => notify.success(t('sessions.revoked')),
                      onError: notify.error,
                    })
                  }
                >
                  {t('sessions.revoke')}
                </ConfirmButton>
              ),
          },
        ]}
      />
    </Card>
  );
}
