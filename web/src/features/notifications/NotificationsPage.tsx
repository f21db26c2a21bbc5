import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, List, Segmented, Switch, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import {
  type NotificationPreference,
  useMarkAllRead,
  useMarkRead,
  useNotificationList,
  useNotificationPreferences,
  useSaveNotificationPreferences,
  useUnreadCount,
} from './api';

function NotificationList() {
  const { t } = useTranslation('notifications');
  const fmt = useFormat();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotificationList(filter === 'unread');
  const unread = useUnreadCount(true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const notify = useApiMessage();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }} wrap gap={8}>
        <Segmented<'all' | 'unread'>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('filter.all') },
            { value: 'unread', label: `${t('filter.unread')} (${unread.data ?? 0})` },
          ]}
        />
        <Button
          icon={<CheckOutlined />}
          disabled={(unread.data ?? 0) === 0}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => notify.success(t('allRead')),
              onError: notify.error,
            })
          }
        >
          {t('markAllRead')}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      <List
        loading={list.isPending}
        dataSource={items}
        locale={{
          emptyText: <EmptyState description={filter === 'unread' ? t('emptyUnread') : t('empty')} />,
        }}
        renderItem={(n) => (
          <List.Item
            actions={[
              n.link?.startsWith('/') ? (
                <Link key="open" to={n.link} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                  {t('open')}
                </Link>
              ) : null,
              !n.readAt ? (
                <Button
                  key="read"
                  type="link"
                  size="small"
                  loading={markRead.isPending && markRead.variables === n.id}
                  onClick={() => markRead.mutate(n.id, { onError: notify.error })}
                >
                  {t('markRead')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
              title={
                <Flex gap={12} align="baseline" wrap>
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                    title={fmt.dateTime(n.createdAt)}
                  >
                    {fmt.relative(n.createdAt)}
                  </Typography.Text>
                </Flex>
              }
              description={n.body}
            />
          </List.Item>
        )}
      />
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common:actions.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}

function Preferences() {
  const { t } = useTranslation('notifications');
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const notify = useApiMessage();
  const [draft, setDraft] = useState<NotificationPreference[]>([]);
  useEffect(() => {
    if (prefs.data) setDraft(prefs.data);
  }, [prefs.data]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(prefs.data ?? []);

  const set = (type: string, key: 'inApp' | 'email', value: boolean) =>
    setDraft((d) => d.map((p) => (p.type === type ? { ...p, [key]: value } : p)));

  return (
    <>
      <ErrorAlert
        error={prefs.error ?? save.error}
        onRetry={prefs.error ? () => prefs.refetch() : undefined}
      />
      <Table<NotificationPreference>
        rowKey="type"
        loading={prefs.isPending}
        dataSource={draft}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('preferences.empty')} /> }}
        columns={[
          {
            title: t('preferences.event'),
            dataIndex: 'type',
            render: (type: string) => (
              <div>
                <Typography.Text>
                  {t(`types.${type.replaceAll('.', '_')}`, { defaultValue: type })}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {type}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('preferences.inApp'),
            dataIndex: 'inApp',
            width: 140,
            render: (v: boolean, p) => (
              <Switch
                checked={v}
                aria-label={`${t('preferences.inApp')} ${p.type}`}
                onChange={(c) => set(p.type, 'inApp', c)}
              />
            ),
          },
          {
            title: t('preferences.email'),
            dataIndex: 'email',
            width: 140,
            render: (v: boolean, p) => (
              <Switch
                checked={v}
                aria-label={`${t('preferences.email')} ${p.type}`}
                onChange={(c) => set(p.type, 'email', c)}
              />
            ),
          },
        ]}
      />
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() => save.mutate(draft, { onSuccess: () => notify.success(), onError: notify.error })}
        >
          {t('common:actions.save')}
        </Button>
        <Button disabled={!dirty} onClick={() => setDraft(prefs.data ?? [])}>
          {t('common:actions.reset')}
        </Button>
      </Flex>
    </>
  );
}

export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'preferences' ? 'preferences' : 'inbox';
  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'inbox', label: t('tabs.inbox'), children: <NotificationList /> },
            { key: 'preferences', label: t('tabs.preferences'), children: <Preferences /> },
          ]}
        />
      </Card>
    </div>
  );
}
