import { Button, Card, Flex, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader } from '../../../shared/components';
import { useFormat } from '../../../shared/lib/format';
import {
  type InboundFilters,
  type InboundStatus,
  type InboundSummary,
  useIncomingShipments,
  usePlatformWarehouses,
} from '../api';
import { InboundStatusTag } from '../components/InboundStatusTag';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES: InboundStatus[] = ['shipped', 'receiving', 'received'];

/** Operators: shipments on their way to (or received at) platform warehouses. */
export default function IncomingShipmentsPage() {
  const { t } = useTranslation('inventory');
  const fmt = useFormat();
  const [status, setStatus] = useState<InboundStatus | undefined>('shipped');
  const [warehouseId, setWarehouseId] = useState<string | undefined>(undefined);
  const [sellerId, setSellerId] = useState<string | undefined>(undefined);
  const [sellerError, setSellerError] = useState(false);
  const warehouses = usePlatformWarehouses();
  const filters: InboundFilters = {
    ...(status ? { status } : {}),
    ...(warehouseId ? { warehouseId } : {}),
    ...(sellerId ? { sellerId } : {}),
  };
  const list = useIncomingShipments(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <PageHeader title={t('platform.incomingTitle')} subtitle={t('platform.incomingSubtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            aria-label={t('inbound.statusFilter')}
            placeholder={t('inbound.statusFilter')}
            style={{ minWidth: 160 }}
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: t(`inbound.statuses.${s}`) }))}
          />
          <Select
            allowClear
            aria-label={t('stock.warehouseFilter')}
            placeholder={t('stock.warehouseFilter')}
            style={{ minWidth: 220 }}
            value={warehouseId}
            onChange={setWarehouseId}
            options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
          />
          <Input.Search
            allowClear
            aria-label={t('platform.sellerFilter')}
            placeholder={t('platform.sellerFilter')}
            status={sellerError ? 'error' : undefined}
            style={{ width: 340 }}
            onSearch={(value) => {
              const v = value.trim();
              setSellerError(v.length > 0 && !UUID.test(v));
              setSellerId(UUID.test(v) ? v : undefined);
            }}
          />
        </Space>
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        <Table<InboundSummary>
          rowKey="id"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('platform.incomingEmpty')} /> }}
          columns={[
            {
              title: t('inbound.number'),
              dataIndex: 'number',
              render: (n: number, s) => <Link to={`/platform/inbound/${s.id}`}>#{n}</Link>,
            },
            {
              title: t('platform.seller'),
              dataIndex: 'sellerName',
              render: (v: string | null, s) => v ?? s.sellerId,
            },
            {
              title: t('inbound.status'),
              dataIndex: 'status',
              render: (v: InboundStatus) => <InboundStatusTag status={v} />,
            },
            {
              title: t('inbound.destination'),
              key: 'warehouse',
              render: (_, s) => (s.warehouse ? `${s.warehouse.code} · ${s.warehouse.name}` : '—'),
            },
            { title: t('inbound.boxes'), dataIndex: 'boxes', align: 'right' },
            {
              title: t('inbound.units'),
              key: 'units',
              align: 'right',
              render: (_, s) => fmt.number(s.totals.expected),
            },
            {
              title: t('inbound.tracking'),
              key: 'tracking',
              render: (_, s) => (s.trackingNumber ? `${s.carrier ?? ''} ${s.trackingNumber}` : '—'),
            },
            {
              title: t('inbound.shippedAt'),
              dataIndex: 'shippedAt',
              render: (v: string | null) => (v ? fmt.dateTime(v) : '—'),
            },
            {
              title: t('common:columns.actions'),
              key: 'actions',
              align: 'right',
              render: (_, s) => (
                <Link to={`/platform/inbound/${s.id}`}>
                  <Button size="small">
                    {s.status === 'received' ? t('common:actions.view') : t('platform.receive')}
                  </Button>
                </Link>
              ),
            },
          ]}
        />
        {list.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </div>
  );
}
