import { HistoryOutlined, PlusOutlined, SettingOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions } from '../../shared/api/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../shared/components';
import { useFormat } from '../../shared/lib/format';
import {
  type StockFilters,
  type StockItem,
  type StockState,
  titleIn,
  useStock,
  useWarehouses,
  type WarehouseStock,
} from './api';
import { AdjustmentModal } from './components/AdjustmentModal';
import { MovementsDrawer } from './components/MovementsDrawer';
import { SkuSettingsModal, StoreDefaultsModal } from './components/SettingsModals';

const STATES = ['all', 'low', 'out', 'in_stock'] as const;
type StateFilter = (typeof STATES)[number];
const STATE_COLORS: Record<StockState, string> = { in_stock: 'green', low: 'gold', out: 'red' };

function StockStateTag({ state }: { state: StockState }) {
  const { t } = useTranslation('inventory');
  return <Tag color={STATE_COLORS[state]}>{t(`states.${state}`)}</Tag>;
}

/** A SKU's options as "Красный / XL": names in the UI language, the raw values where a name is missing. */
function optionsLabel(item: StockItem): string {
  const shown =
    item.optionTexts.length > 0
      ? item.optionTexts.map((o) => o.text || o.value)
      : Object.values(item.options);
  return shown.join(' / ');
}

/** Stock per SKU across warehouses, with low/out filters, adjustments, the ledger and restock figures. */
export default function StockPage() {
  const { t, i18n } = useTranslation('inventory');
  const fmt = useFormat();
  const { can } = usePermissions();
  const canWrite = can('inventory:write');
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state: StateFilter = (STATES as readonly string[]).includes(stateParam ?? '')
    ? (stateParam as StateFilter)
    : 'all';
  const [warehouseId, setWarehouseId] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<'newest' | 'available'>('newest');
  const filters: StockFilters = useMemo(
    () => ({
      ...(state !== 'all' ? { state } : {}),
      ...(warehouseId ? { warehouseId } : {}),
      ...(q ? { q } : {}),
      sort,
    }),
    [state, warehouseId, q, sort],
  );
  const stock = useStock(filters);
  const warehouses = useWarehouses();
  const rows = stock.data?.pages.flatMap((p) => p.items) ?? [];
  const [adjusting, setAdjusting] = useState<StockItem | 'new' | null>(null);
  const [history, setHistory] = useState<StockItem | null>(null);
  const [settings, setSettings] = useState<StockItem | null>(null);
  const [defaultsOpen, setDefaultsOpen] = useState(false);

  const setState = (s: StateFilter) => {
    const next = new URLSearchParams(params);
    if (s === 'all') next.delete('state');
    else next.set('state', s);
    setParams(next, { replace: true });
  };

  return (
    <div>
      <PageHeader
        title={t('stock.title')}
        subtitle={t('stock.subtitle')}
        extra={
          <>
            <Button icon={<ShopOutlined />} onClick={() => setDefaultsOpen(true)}>
              {t('storeDefaults.open')}
            </Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdjusting('new')}>
                {t('stock.addStock')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
          <Space wrap>
            <Segmented<StateFilter>
              value={state}
              onChange={setState}
              options={STATES.map((s) => ({
                value: s,
                label: s === 'all' ? t('stock.all') : t(`states.${s}`),
              }))}
            />
            <Select
              allowClear
              aria-label={t('stock.warehouseFilter')}
              placeholder={t('stock.warehouseFilter')}
              style={{ minWidth: 200 }}
              value={warehouseId}
              onChange={setWarehouseId}
              options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
            />
            <Select
              aria-label={t('stock.sort')}
              value={sort}
              onChange={setSort}
              style={{ minWidth: 180 }}
              options={[
                { value: 'newest', label: t('stock.sortNewest') },
                { value: 'available', label: t('stock.sortAvailable') },
              ]}
            />
          </Space>
          <Input.Search
            allowClear
            aria-label={t('stock.search')}
            placeholder={t('stock.search')}
            style={{ maxWidth: 300 }}
            onSearch={(value) => setQ(value.trim())}
          />
        </Flex>
        <ErrorAlert error={stock.error} onRetry={() => stock.refetch()} />
        <Table<StockItem>
          rowKey="skuId"
          loading={stock.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <EmptyState description={t('stock.empty')} /> }}
          expandable={{
            expandedRowRender: (item) => (
              <Table<WarehouseStock>
                rowKey="warehouseId"
                size="small"
                pagination={false}
                dataSource={item.warehouses}
                columns={[
                  {
                    title: t('stock.warehouse'),
                    key: 'w',
                    render: (_, w) => (
                      <span>
                        {w.code} · {w.name}{' '}
                        <Tag color={w.kind === 'platform' ? 'blue' : 'default'}>
                          {t(`warehouses.kinds.${w.kind}`)}
                        </Tag>
                      </span>
                    ),
                  },
                  { title: t('stock.onHand'), dataIndex: 'onHand', align: 'right' },
                  { title: t('stock.reserved'), dataIndex: 'reserved', align: 'right' },
                  { title: t('stock.available'), dataIndex: 'available', align: 'right' },
                ]}
              />
            ),
          }}
          columns={[
            {
              title: t('stock.sku'),
              key: 'sku',
              // Wide enough for a SKU code and a product title on one or two lines.
              width: 280,
              render: (_, item) => (
                <div>
                  <Typography.Text strong copyable={item.code ? { text: item.code } : false}>
                    {item.code ?? '—'}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[titleIn(item.title, i18n.language), optionsLabel(item)].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('stock.onHand'),
              dataIndex: 'onHand',
              align: 'right',
              render: (v: number) => fmt.number(v),
            },
            {
              title: t('stock.reserved'),
              dataIndex: 'reserved',
              align: 'right',
              render: (v: number) => fmt.number(v),
            },
            {
              title: t('stock.available'),
              dataIndex: 'available',
              align: 'right',
              render: (v: number, item) => (
                <Tooltip title={t('stock.threshold', { value: item.settings.effectiveThreshold })}>
                  <Typography.Text strong>{fmt.number(v)}</Typography.Text>
                </Tooltip>
              ),
            },
            {
              title: t('stock.state'),
              dataIndex: 'state',
              render: (s: StockState) => <StockStateTag state={s} />,
            },
            {
              title: <Tooltip title={t('stock.velocityHelp')}>{t('stock.velocity')}</Tooltip>,
              key: 'velocity',
              align: 'right',
              render: (_, item) => fmt.number(item.insight.velocity),
            },
            {
              title: <Tooltip title={t('stock.coverHelp')}>{t('stock.cover')}</Tooltip>,
              key: 'cover',
              align: 'right',
              render: (_, item) =>
                item.insight.daysOfCover === null
                  ? '—'
                  : t('stock.days', { count: Math.floor(item.insight.daysOfCover) }),
            },
            {
              title: <Tooltip title={t('stock.restockHelp')}>{t('stock.restock')}</Tooltip>,
              key: 'restock',
              align: 'right',
              render: (_, item) =>
                item.insight.restock > 0 ? <Tag color="orange">{fmt.number(item.insight.restock)}</Tag> : '—',
            },
            {
              title: <Tooltip title={t('stock.turnoverHelp')}>{t('stock.turnover')}</Tooltip>,
              key: 'turnover',
              align: 'right',
              render: (_, item) => (item.insight.turnover === null ? '—' : fmt.number(item.insight.turnover)),
            },
            {
              title: <Tooltip title={t('stock.ageHelp')}>{t('stock.age')}</Tooltip>,
              key: 'age',
              align: 'right',
              render: (_, item) =>
                item.insight.ageDays === null ? '—' : t('stock.days', { count: item.insight.ageDays }),
            },
            {
              title: t('common:columns.actions'),
              key: 'actions',
              align: 'right',
              fixed: 'right',
              render: (_, item) => (
                <Space size={4}>
                  {canWrite && (
                    <Button size="small" onClick={() => setAdjusting(item)}>
                      {t('stock.adjust')}
                    </Button>
                  )}
                  <Tooltip title={t('movements.title')}>
                    <Button
                      size="small"
                      aria-label={t('movements.title')}
                      icon={<HistoryOutlined />}
                      onClick={() => setHistory(item)}
                    />
                  </Tooltip>
                  {canWrite && (
                    <Tooltip title={t('settings.title')}>
                      <Button
                        size="small"
                        aria-label={t('settings.title')}
                        icon={<SettingOutlined />}
                        onClick={() => setSettings(item)}
                      />
                    </Tooltip>
                  )}
                </Space>
              ),
            },
          ]}
        />
        {stock.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => stock.fetchNextPage()} loading={stock.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
      <AdjustmentModal
        open={adjusting !== null}
        item={adjusting === 'new' ? null : adjusting}
        warehouses={warehouses.data ?? []}
        onClose={() => setAdjusting(null)}
      />
      <MovementsDrawer item={history} onClose={() => setHistory(null)} />
      <SkuSettingsModal item={settings} onClose={() => setSettings(null)} />
      <StoreDefaultsModal open={defaultsOpen} canWrite={canWrite} onClose={() => setDefaultsOpen(false)} />
    </div>
  );
}
