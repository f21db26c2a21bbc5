import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert } from '../../../shared/components';
import { useFormat } from '../../../shared/lib/format';
import type { LoginLogEntry } from '../api';
import { describeUserAgent } from './userAgent';

type LogQuery = UseInfiniteQueryResult<InfiniteData<{ items: LoginLogEntry[]; nextCursor: string | null }>>;

/** Sign-in attempts with "load more" (keyset pages). Used for my log and the team's log. */
export function LoginLogTable({ query, showUser }: { query: LogQuery; showUser?: boolean }) {
  const { t } = useTranslation('account');
  const fmt = useFormat();
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      <Table<LoginLogEntry>
        rowKey="id"
        size="middle"
        loading={query.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('loginLog.empty')} /> }}
        columns={[
          { title: t('loginLog.time'), dataIndex: 'createdAt', render: (v: string) => fmt.dateTime(v) },
          ...(showUser
            ? [
                {
                  title: t('loginLog.user'),
                  key: 'user',
                  render: (_: unknown, r: LoginLogEntry) => (r.name ? `${r.name} <${r.email}>` : r.email),
                },
              ]
            : []),
          {
            title: t('loginLog.result'),
            key: 'result',
            render: (_, r) =>
              r.success ? (
                <Tag color="success">{t('loginLog.success')}</Tag>
              ) : (
                <Tag color="error">
                  {t('loginLog.failure')}
                  {r.reason ? ` · ${t(`loginLog.reasons.${r.reason}`, { defaultValue: r.reason })}` : ''}
                </Tag>
              ),
          },
          { title: t('loginLog.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          {
            title: t('loginLog.device'),
            dataIndex: 'userAgent',
            render: (v: string | null) => (
              <Typography.Text type="secondary" title={v ?? undefined}>
                {describeUserAgent(v) ?? '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
      {query.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common:actions.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
