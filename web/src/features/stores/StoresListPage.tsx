import { PlusOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePermissions } from '../../shared/api/session';
import { ConfirmButton, EmptyState, ErrorAlert, PageHeader, StatusTag } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import { type Store, useArchiveStore, useRestoreStore, useStores } from './api';

export default function StoresListPage() {
  const { t } = useTranslation('stores');
  const { can, allStores } = usePermissions();
  const canManage = can('stores:manage');
  const stores = useStores();
  const archive = useArchiveStore();
  const restore = useRestoreStore();
  const notify = useApiMessage();
  const fmt = useFormat();
  const navigate = useNavigate();

  const newButton = canManage && allStores && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/stores/new')}>
      {t('create')}
    </Button>
  );

  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} extra={newButton} />
      <ErrorAlert error={stores.error} onRetry={() => stores.refetch()} />
      <Card>
        <Table<Store>
          rowKey="id"
          loading={stores.isPending}
          dataSource={stores.data ?? []}
          pagination={{ hideOnSinglePage: true, pageSize: 20 }}
          locale={{
            emptyText: <EmptyState description={t('empty')} action={newButton || undefined} />,
          }}
          columns={[
            {
              title: t('fields.name'),
              dataIndex: 'name',
              render: (name: string, s) => (
                <Space>
                  <Avatar shape="square" src={s.logoUrl || undefined}>
                    {name.slice(0, 1).toUpperCase()}
                  </Avatar>
                  <div>
                    <Link to={`/stores/${s.id}`}>{name}</Link>
                    {s.description && (
                      <Typography.Text
                        type="secondary"
                        ellipsis
                        style={{ display: 'block', maxWidth: 320, fontSize: 12 }}
                      >
                        {s.description}
                      </Typography.Text>
                    )}
                  </div>
                </Space>
              ),
            },
            {
              title: t('fields.marketCountry'),
              dataIndex: 'marketCountry',
              render: (c: string) => fmt.country(c),
            },
            { title: t('fields.currency'), dataIndex: 'currency' },
            {
              title: t('fields.defaultLanguage'),
              dataIndex: 'defaultLanguage',
              render: (l: string) => t(`common:languages.${l}`, { defaultValue: l }),
            },
            {
              title: t('fields.status'),
              dataIndex: 'status',
              render: (s: string) => <StatusTag status={s} />,
            },
            { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmt.date(v) },
            {
              title: t('common:columns.actions'),
              key: 'actions',
              align: 'right',
              render: (_, s) => (
                <Space>
                  <Link to={`/stores/${s.id}`}>
                    <Button size="small">
                      {canManage ? t('common:actions.edit') : t('common:actions.view')}
                    </Button>
                  </Link>
                  {canManage &&
                    (s.status === 'archived' ? (
                      <ConfirmButton
                        size="small"
                        danger={false}
                        title={t('restoreConfirm', { name: s.name })}
                        loading={restore.isPending && restore.variables === s.id}
                        onConfirm={() =>
                          restore.mutate(s.id, {
                            onSuccess: () => notify.success(t('restored')),
                            onError: notify.error,
                          })
                        }
                      >
                        {t('restore')}
                      </ConfirmButton>
                    ) : (
                      <ConfirmButton
                        size="small"
                        title={t('archiveConfirm', { name: s.name })}
                        description={t('archiveHint')}
                        loading={archive.isPending && archive.variables === s.id}
                        onConfirm={() =>
                          archive.mutate(s.id, {
                            onSuccess: () => notify.success(t('archived')),
                            onError: notify.error,
                          })
                        }
                      >
                        {t('archive')}
                      </ConfirmButton>
                    ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
