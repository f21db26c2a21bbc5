import { DownloadOutlined, FileImageOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Dropdown, Flex, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ALL_STORES, getStoreSelection } from '../../shared/api/client';
import { usePermissions, useSession } from '../../shared/api/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import { formatMoneyRange } from '../../shared/lib/money';
import {
  exportProducts,
  PRODUCT_SORTS,
  type ProductFilters,
  type ProductListItem,
  type ProductSort,
  REVIEW_STATES,
  type ReviewState,
  SALE_STATES,
  type SaleState,
  sellerImageUrl,
  textIn,
  useProducts,
  useSellerCategories,
} from './api';
import { BulkActions } from './components/BulkActions';
import { CategoryTreeSelect, useCategoryPath } from './components/CategoryTreeSelect';
import { ProductStatusTags } from './components/ProductStatusTags';
import { QualityTag } from './components/QualityScore';

const QUALITY_BANDS = {
  poor: { qualityBelow: 50 },
  fair: { qualityAbove: 49, qualityBelow: 80 },
  good: { qualityAbove: 79 },
} as const;
type QualityBand = keyof typeof QUALITY_BANDS;

const SORT_OPTIONS: { sort: ProductSort; direction: 'asc' | 'desc' }[] = [
  { sort: 'updated', direction: 'desc' },
  { sort: 'created', direction: 'desc' },
  { sort: 'title', direction: 'asc' },
  { sort: 'quality', direction: 'asc' },
  { sort: 'quality', direction: 'desc' },
  { sort: 'price', direction: 'asc' },
  { sort: 'price', direction: 'desc' },
];

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** 商品管理 / Карточки товаров: search, filter, act on many, export. */
export default function ProductsListPage() {
  const { t, i18n } = useTranslation('catalog');
  const fmt = useFormat();
  const navigate = useNavigate();
  const notify = useApiMessage();
  const { can } = usePermissions();
  const canWrite = can('catalog:write');
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const categories = useSellerCategories();
  const categoryPath = useCategoryPath(categories.data);

  const switcherStore = getStoreSelection();
  const defaultStore = switcherStore !== ALL_STORES ? switcherStore : undefined;
  const quality = pick(params.get('quality'), Object.keys(QUALITY_BANDS) as QualityBand[]);
  const sortKey = params.get('sort') ?? 'updated:desc';
  const [sort, direction] = sortKey.split(':') as [string, string];

  const filters: ProductFilters = useMemo(
    () => ({
      q: params.get('q') ?? undefined,
      reviewState: pick(params.get('review'), REVIEW_STATES),
      saleState: pick(params.get('sale'), SALE_STATES),
      categoryId: params.get('category') ?? undefined,
      storeId: params.get('store') ?? defaultStore,
      stock: pick(params.get('stock'), ['in_stock', 'low', 'out'] as const),
      ...(quality ? QUALITY_BANDS[quality] : {}),
      sort: pick(sort, PRODUCT_SORTS) ?? 'updated',
      direction: pick(direction, ['asc', 'desc'] as const),
    }),
    [params, defaultStore, quality, sort, direction],
  );
  const products = useProducts(filters);
  const rows = products.data?.pages.flatMap((p) => p.items) ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const [exporting, setExporting] = useState(false);
  const filtered = [...params.keys()].some((k) => k !== 'sort');

  const set = (key: string, value: string | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
    setSelected([]);
  };

  const onExport = async (format: 'xlsx' | 'csv') => {
    setExporting(true);
    try {
      await exportProducts(format, filters);
    } catch (error) {
      notify.error(error);
    } finally {
      setExporting(false);
    }
  };

  const stores = session?.stores ?? [];

  return (
    <div>
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        extra={
          <>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('products.exportXlsx') },
                  { key: 'csv', label: t('products.exportCsv') },
                ],
                onClick: ({ key }) => void onExport(key as 'xlsx' | 'csv'),
              }}
            >
              <Button icon={<DownloadOutlined />} loading={exporting}>
                {t('products.export')}
              </Button>
            </Dropdown>
            {canWrite && (
              <Link to="/catalog/imports">
                <Button icon={<UploadOutlined />}>{t('products.import')}</Button>
              </Link>
            )}
            {canWrite && (
              <Link to="/catalog/products/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('products.create')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <Card>
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Flex gap={8} wrap>
            <Input.Search
              allowClear
              defaultValue={filters.q}
              aria-label={t('products.search')}
              placeholder={t('products.search')}
              style={{ maxWidth: 380 }}
              onSearch={(value) => set('q', value.trim())}
            />
            <Select
              allowClear
              aria-label={t('products.reviewFilter')}
              placeholder={t('products.reviewFilter')}
              style={{ width: 160 }}
              value={filters.reviewState}
              onChange={(v: ReviewState | undefined) => set('review', v)}
              options={REVIEW_STATES.map((s) => ({ value: s, label: t(`reviewState.${s}`) }))}
            />
            <Select
              allowClear
              aria-label={t('products.saleFilter')}
              placeholder={t('products.saleFilter')}
              style={{ width: 160 }}
              value={filters.saleState}
              onChange={(v: SaleState | undefined) => set('sale', v)}
              options={SALE_STATES.map((s) => ({ value: s, label: t(`saleState.${s}`) }))}
            />
            <CategoryTreeSelect
              items={categories.data}
              ariaLabel={t('products.categoryFilter')}
              placeholder={t('products.categoryFilter')}
              value={filters.categoryId}
              onChange={(v) => set('category', v)}
              style={{ width: 220 }}
            />
          </Flex>
          <Flex gap={8} wrap justify="space-between">
            <Space wrap>
              <Select
                aria-label={t('products.storeFilter')}
                placeholder={t('products.allStores')}
                style={{ width: 200 }}
                allowClear={!defaultStore}
                value={filters.storeId}
                onChange={(v: string | undefined) => set('store', v)}
                options={stores.map((s) => ({ value: s.id, label: `${s.name} · ${s.currency}` }))}
              />
              <Select
                allowClear
                aria-label={t('products.qualityFilter')}
                placeholder={t('products.qualityFilter')}
                style={{ width: 170 }}
                value={quality}
                onChange={(v: QualityBand | undefined) => set('quality', v)}
                options={(Object.keys(QUALITY_BANDS) as QualityBand[]).map((b) => ({
                  value: b,
                  label: t(`products.quality.${b}`),
                }))}
              />
              <Select
                allowClear
                aria-label={t('products.stockFilter')}
                placeholder={t('products.stockFilter')}
                style={{ width: 170 }}
                value={filters.stock}
                onChange={(v: string | undefined) => set('stock', v)}
                options={(['low', 'out', 'in_stock'] as const).map((s) => ({
                  value: s,
                  label: t(`products.stock.${s}`),
                }))}
              />
              {filtered && (
                <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                  {t('products.clearFilters')}
                </Button>
              )}
            </Space>
            <Select
              aria-label={t('products.sort')}
              style={{ width: 220 }}
              value={`${filters.sort}:${filters.direction ?? (filters.sort === 'updated' || filters.sort === 'created' ? 'desc' : 'asc')}`}
              onChange={(v: string) => set('sort', v === 'updated:desc' ? undefined : v)}
              options={SORT_OPTIONS.map((o) => ({
                value: `${o.sort}:${o.direction}`,
                label: t(`products.sorts.${o.sort}_${o.direction}`),
              }))}
            />
          </Flex>
        </Flex>
        {canWrite && rows.length > 0 && (
          <Flex style={{ marginBottom: 12 }}>
            <BulkActions selected={selected} rows={rows} onDone={() => setSelected([])} />
          </Flex>
        )}
        <ErrorAlert error={products.error} onRetry={() => products.refetch()} />
        <Table<ProductListItem>
          rowKey="id"
          loading={products.isPending || (products.isFetching && !products.isFetchingNextPage)}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1180 }}
          rowSelection={
            canWrite
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  preserveSelectedRowKeys: false,
                }
              : undefined
          }
          onRow={(p) => ({
            onDoubleClick: () => navigate(`/catalog/products/${p.id}`),
          })}
          locale={{
            emptyText: filtered ? (
              <EmptyState description={t('products.noMatch')} />
            ) : (
              <EmptyState
                description={t('products.empty')}
                action={
                  canWrite && (
                    <Space>
                      <Link to="/catalog/products/new">
                        <Button type="primary" icon={<PlusOutlined />}>
                          {t('products.create')}
                        </Button>
                      </Link>
                      <Link to="/catalog/imports">
                        <Button icon={<UploadOutlined />}>{t('products.import')}</Button>
                      </Link>
                    </Space>
                  )
                }
              />
            ),
          }}
          columns={[
            {
              title: t('products.columns.product'),
              key: 'product',
              width: 360,
              render: (_, p) => (
                <Flex gap={12} align="center">
                  <Avatar
                    shape="square"
                    size={56}
                    src={p.mainImageId ? sellerImageUrl(p.mainImageId, 'thumb-100') : undefined}
                    icon={<FileImageOutlined />}
                    alt=""
                  />
                  <div style={{ minWidth: 0 }}>
                    <Link to={`/catalog/products/${p.id}`}>
                      <Typography.Text strong ellipsis style={{ maxWidth: 290, color: 'inherit' }}>
                        {textIn(p.title, i18n.language) || t('products.untitled')}
                      </Typography.Text>
                    </Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        #{p.number}
                        {p.brand ? ` · ${p.brand}` : ''}
                      </Typography.Text>
                    </div>
                  </div>
                </Flex>
              ),
            },
            {
              title: t('products.columns.category'),
              key: 'category',
              width: 200,
              render: (_, p) => {
                const path = categoryPath(p.categoryId);
                return (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12, maxWidth: 180 }}
                    ellipsis={{ tooltip: path }}
                  >
                    {path}
                  </Typography.Text>
                );
              },
            },
            { title: t('products.columns.skus'), dataIndex: 'skuCount', align: 'right', width: 90 },
            {
              title: t('products.columns.price'),
              key: 'price',
              align: 'right',
              render: (_, p) =>
                p.storePrice ? (
                  <Tooltip
                    title={t('products.basePrice', {
                      price: formatMoneyRange(p.minPrice, p.maxPrice, p.currency, fmt.locale),
                    })}
                  >
                    {formatMoneyRange(p.storePrice.min, p.storePrice.max, p.storePrice.currency, fmt.locale)}
                  </Tooltip>
                ) : (
                  formatMoneyRange(p.minPrice, p.maxPrice, p.currency, fmt.locale)
                ),
            },
            {
              title: t('products.columns.status'),
              key: 'status',
              render: (_, p) => <ProductStatusTags reviewState={p.reviewState} saleState={p.saleState} />,
            },
            {
              title: t('products.columns.quality'),
              key: 'quality',
              align: 'center',
              width: 90,
              render: (_, p) => <QualityTag score={p.qualityScore} hints={p.qualityHints} />,
            },
            {
              title: t('products.columns.updated'),
              dataIndex: 'updatedAt',
              width: 150,
              render: (v: string) => (
                <Typography.Text style={{ fontSize: 12 }}>{fmt.dateTime(v)}</Typography.Text>
              ),
            },
          ]}
        />
        {products.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => products.fetchNextPage()} loading={products.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </div>
  );
}
