import { Button, Drawer, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert } from '../../../shared/components';
import { useFormat } from '../../../shared/lib/format';
import { type Movement, type StockItem, titleIn, useMovements } from '../api';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The ledger of one SKU, newest first: every change of on hand or reserved with its reason. */
export function MovementsDrawer({ item, onClose }: { item: StockItem | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('inventory');
  const fmt = useFormat();
  const movements = useMovements(item?.skuId ?? null);
  const rows = movements.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size="large"
      title={item ? `${t('movements.title')} · ${item.code ?? ''}` : t('movements.title')}
    >
      {item && (
        <Typography.Paragraph type="secondary">{titleIn(item.title, i18n.language)}</Typography.Paragraph>
      )}
      <ErrorAlert error={movements.error} onRetry={() => movements.refetch()} />
      <Table<Movement>
        rowKey="id"
        size="small"
        loading={movements.isPending && Boolean(item)}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('movements.empty')} /> }}
        columns={[
          { title: t('movements.when'), dataIndex: 'createdAt', render: (v: string) => fmt.dateTime(v) },
          {
            title: t('movements.reason'),
            dataIndex: 'reason',
            render: (r: string, m) => (
              <div>
                {t(`reasons.${r}`)}
                {m.refType && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`refTypes.${m.refType}`, { defaultValue: m.refType })} {m.refId ?? ''}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('movements.warehouse'),
            dataIndex: 'warehouseCode',
            render: (c: string | null) => c ?? '—',
          },
          {
            title: t('movements.onHand'),
            key: 'onHand',
            align: 'right',
            render: (_, m) =>
              m.onHandDelta !== 0 ? (
                <span>
                  <Typography.Text type={m.onHandDelta < 0 ? 'danger' : 'success'}>
                    {signed(m.onHandDelta)}
                  </Typography.Text>{' '}
                  → {m.onHandAfter}
                </span>
              ) : (
                <Typography.Text type="secondary">{m.onHandAfter}</Typography.Text>
              ),
          },
          {
            title: t('movements.reserved'),
            key: 'reserved',
            align: 'right',
            render: (_, m) =>
              m.reservedDelta !== 0 ? `${signed(m.reservedDelta)} → ${m.reservedAfter}` : m.reservedAfter,
          },
          { title: t('movements.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
      />
      {movements.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => movements.fetchNextPage()} loading={movements.isFetchingNextPage}>
            {t('common:actions.loadMore')}
          </Button>
        </Flex>
      )}
    </Drawer>
  );
}
