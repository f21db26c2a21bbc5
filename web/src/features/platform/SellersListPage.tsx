import { Button, Card, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader, StatusTag } from '../../shared/components';
import { useFormat } from '../../shared/lib/format';
import { type PlatformSeller, usePlatformSellers } from './api';

const STATUSES = ['all', 'pending_review', 'active', 'suspended', 'rejected'] as const;
type StatusFilter = (typeof STATUSES)[number];

export default function SellersListPage() {
  const { t } = useTranslation('platform');
  const fmt = useFormat();
  const [status, setStatus] = useState<StatusFilter>('pending_review');
  const [q, setQ] = useState('');
  const sellers = usePlatformSellers({ ...(status !== 'all' ? { status } : {}), ...(q ? { q } : {}) });
  const rows = sellers.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <PageHeader title={t('sellers.title')} subtitle={t('sellers.subtitle')} />
      <Card>
        <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({
              value: s,
              label: s === 'all' ? t('sellers.all') : t(`common:status.${s}`),
            }))}
          />
          <Input.Search
            allowClear
            aria-label={t('sellers.search')}
            placeholder={t('sellers.search')}
            style={{ maxWidth: 320 }}
            onSearch={(value) => setQ(value.trim())}
          />
        </Flex>
        <ErrorAlert error={sellers.error} onRetry={() => sellers.refetch()} />
        <Table<PlatformSeller>
          rowKey="id"
          loading={sellers.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('sellers.empty')} /> }}
          columns={[
            {
              title: t('fields.displayName'),
              key: 'name',
              render: (_, s) => (
                <div>
                  <Link to={`/platform/sellers/${s.id}`}>{s.displayName}</Link>
                  {s.pendingLegalChange && (
                    <Tag color="gold" style={{ marginInlineStart: 8 }}>
                      {t('sellers.legalChangePending')}
                    </Tag>
                  )}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.legalName}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('fields.country'),
              dataIndex: 'country',
              render: (c: string) => (c ? fmt.country(c) : '—'),
            },
            {
              title: t('fields.contactEmail'),
              key: 'email',
              render: (_, s) => s.ownerEmail ?? s.contactEmail ?? '—',
            },
            {
              title: t('fields.status'),
              dataIndex: 'status',
              render: (v: string) => <StatusTag status={v} />,
            },
            { title: t('fields.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmt.dateTime(v) },
            {
              title: t('common:columns.actions'),
              key: 'actions',
              align: 'right',
              render: (_, s) => (
                <Link to={`/platform/sellers/${s.id}`}>
                  <Button size="small">{t('sellers.review')}</Button>
                </Link>
              ),
            },
          ]}
        />
        {sellers.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => sellers.fetchNextPage()} loading={sellers.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </div>
  );
}
