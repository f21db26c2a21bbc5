import { Card, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/lib/format';
import { type InboundDetail, type InboundLine, titleIn } from '../api';

/** Counted lines of a shipment that left the draft state, with discrepancies. */
export function CountedLines({ lines }: { lines: InboundLine[] }) {
  const { t, i18n } = useTranslation('inventory');
  return (
    <Table<InboundLine>
      rowKey="skuId"
      size="small"
      pagination={false}
      dataSource={lines}
      columns={[
        {
          title: t('stock.sku'),
          key: 'sku',
          render: (_, l) => (
            <div>
              <Typography.Text strong>{l.skuCode}</Typography.Text>
              {l.barcode && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {l.barcode}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        },
        { title: t('inbound.product'), key: 'title', render: (_, l) => titleIn(l.title, i18n.language) },
        { title: t('inbound.expected'), dataIndex: 'quantity', align: 'right' },
        {
          title: t('inbound.received'),
          dataIndex: 'received',
          align: 'right',
          render: (v: number | null) => v ?? '—',
        },
        {
          title: t('inbound.damaged'),
          dataIndex: 'damaged',
          align: 'right',
          render: (v: number | null) => v ?? '—',
        },
        {
          title: t('inbound.discrepancy'),
          key: 'diff',
          align: 'right',
          render: (_, l) =>
            l.missing > 0 ? (
              <Typography.Text type="danger">{t('inbound.missing', { count: l.missing })}</Typography.Text>
            ) : l.extra > 0 ? (
              <Typography.Text type="warning">{t('inbound.extra', { count: l.extra })}</Typography.Text>
            ) : l.received !== null ? (
              <Typography.Text type="success">{t('inbound.matches')}</Typography.Text>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

export function ShipmentHistory({ shipment }: { shipment: InboundDetail }) {
  const { t } = useTranslation('inventory');
  const fmt = useFormat();
  return (
    <Card title={t('inbound.history')}>
      <Timeline
        items={shipment.history.map((h) => ({
          key: h.id,
          children: (
            <div>
              <Typography.Text strong>{t(`inbound.statuses.${h.toStatus}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {fmt.dateTime(h.createdAt)} ·{' '}
                {t(`inbound.actors.${h.actorKind}`, { defaultValue: h.actorKind })}
              </Typography.Text>
              {h.note && <div>{h.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
