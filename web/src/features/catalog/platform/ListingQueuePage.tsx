import { FileImageOutlined } from '@ant-design/icons';
import {
  Avatar,
  Button,
  Card,
  Flex,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader } from '../../../shared/components';
import { useFormat } from '../../../shared/lib/format';
import {
  type ListingQueueFilters,
  type ListingQueueItem,
  textIn,
  useListingQueue,
  usePlatformCategories,
} from '../api';
import { CategoryTreeSelect, useCategoryPath } from '../components/CategoryTreeSelect';
import { ReviewImage } from './ReviewImage';

const AGES = ['all', '24', '48', '72'] as const;
type Age = (typeof AGES)[number];

/** Hours and minutes a submission has waited. */
export function useWaited() {
  const { t } = useTranslation('catalog');
  return (since: string) => {
    const minutes = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 60_000));
    if (minutes < 60) return t('queue.waitedMinutes', { count: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return t('queue.waitedHours', { count: hours });
    return t('queue.waitedDays', { count: Math.floor(hours / 24) });
  };
}

/** 商品审核 / Модерация: submissions waiting for a decision, oldest first. */
export default function ListingQueuePage() {
  const { t, i18n } = useTranslation('catalog');
  const fmt = useFormat();
  const navigate = useNavigate();
  const waited = useWaited();
  const categories = usePlatformCategories();
  const categoryPath = useCategoryPath(categories.data);
  const [sellerId, setSellerId] = useState<string | undefined>();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [age, setAge] = useState<Age>('all');
  const [kind, setKind] = useState<'all' | 'new' | 'revision'>('all');
  const [q, setQ] = useState('');
  const filters: ListingQueueFilters = useMemo(
    () => ({
      q: q.trim() || undefined,
      sellerId,
      categoryId,
      kind: kind === 'all' ? undefined : kind,
      // Whole minutes, so the query key (and the cache) stays stable within a minute.
      submittedBefore:
        age === 'all'
          ? undefined
          : new Date(Math.floor(Date.now() / 60_000) * 60_000 - Number(age) * 3_600_000).toISOString(),
    }),
    [q, sellerId, categoryId, kind, age],
  );
  const queue = useListingQueue(filters);
  const rows = queue.data?.pages.flatMap((p) => p.items) ?? [];
  // Sellers seen in the queue, for the seller filter (reviewers need not have access to the seller list).
  const sellers = useRef(new Map<string, string>());
  for (const r of rows) sellers.current.set(r.sellerId, r.sellerName);

  return (
    <div>
      <PageHeader title={t('queue.title')} subtitle={t('queue.subtitle')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            aria-label={t('queue.search')}
            placeholder={t('queue.search')}
            style={{ width: 280 }}
            maxLength={100}
            onSearch={(value) => setQ(value)}
          />
          <Segmented
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            options={(['all', 'new', 'revision'] as const).map((k) => ({
              value: k,
              label: t(`queue.kinds.${k}`),
            }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label={t('queue.seller')}
            placeholder={t('queue.seller')}
            style={{ width: 220 }}
            value={sellerId}
            onChange={setSellerId}
            options={[...sellers.current].map(([value, label]) => ({ value, label }))}
          />
          <CategoryTreeSelect
            items={categories.data}
            ariaLabel={t('queue.category')}
            placeholder={t('queue.category')}
            value={categoryId}
            onChange={setCategoryId}
            style={{ width: 220 }}
          />
          <Select
            aria-label={t('queue.age')}
            style={{ width: 200 }}
            value={age}
            onChange={setAge}
            options={AGES.map((a) => ({ value: a, label: t(`queue.ages.${a}`) }))}
          />
        </Flex>
        <ErrorAlert error={queue.error} onRetry={() => queue.refetch()} />
        <Table<ListingQueueItem>
          rowKey="id"
          loading={queue.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          onRow={(r) => ({ onDoubleClick: () => navigate(`/platform/listings/${r.id}`) })}
          locale={{ emptyText: <EmptyState description={t('queue.empty')} /> }}
          columns={[
            {
              title: t('queue.listing'),
              key: 'listing',
              render: (_, r) => (
                <Flex gap={12} align="center">
                  {r.mainImageId ? (
                    <ReviewImage id={r.mainImageId} size="thumb-100" width={48} height={48} preview={false} />
                  ) : (
                    <Avatar shape="square" size={48} icon={<FileImageOutlined />} />
                  )}
                  <div>
                    <Link to={`/platform/listings/${r.id}`}>
                      {textIn(r.title, i18n.language) || `#${r.productNumber}`}
                    </Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        #{r.productNumber} · {categoryPath(r.categoryId)}
                      </Typography.Text>
                    </div>
                  </div>
                </Flex>
              ),
            },
            { title: t('queue.seller'), dataIndex: 'sellerName' },
            {
              title: t('queue.kind'),
              key: 'kind',
              render: (_, r) =>
                r.revision ? (
                  <Tag color="purple">{t('queue.kinds.revision')}</Tag>
                ) : (
                  <Tag color="blue">{t('queue.kinds.new')}</Tag>
                ),
            },
            {
              title: t('queue.submitted'),
              dataIndex: 'submittedAt',
              render: (v: string) => (
                <Tooltip title={fmt.dateTime(v)}>
                  <Space size={4}>
                    <span>{waited(v)}</span>
                  </Space>
                </Tooltip>
              ),
            },
            {
              title: t('common:columns.actions'),
              key: 'actions',
              align: 'right',
              render: (_, r) => (
                <Link to={`/platform/listings/${r.id}`}>
                  <Button size="small" type="primary">
                    {t('queue.review')}
                  </Button>
                </Link>
              ),
            },
          ]}
        />
        {queue.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </div>
  );
}
