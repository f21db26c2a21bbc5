import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePermissions } from '../../../shared/api/session';
import { ErrorAlert, PageHeader, PageLoading } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { useFormat } from '../../../shared/lib/format';
import {
  type InboundLine,
  titleIn,
  useIncomingShipment,
  useReceiveShipment,
  useStartReceiving,
} from '../api';
import { InboundStatusTag } from '../components/InboundStatusTag';
import { CountedLines, ShipmentHistory } from '../components/ShipmentParts';
import { addressLine } from '../components/WarehouseTable';

interface Count {
  received: number;
  damaged: number;
}

/** Operators: count an arrived shipment line by line (scan a barcode to count one unit) and receive it. */
export default function ReceiveShipmentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('inventory');
  const fmt = useFormat();
  const { can } = usePermissions();
  const shipment = useIncomingShipment(id);
  const start = useStartReceiving(id);
  const receive = useReceiveShipment(id);
  const notify = useApiMessage();
  const [counts, setCounts] = useState<Record<string, Count>>({});
  const [scan, setScan] = useState('');
  const [scanMiss, setScanMiss] = useState<string | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    if (!shipment.data) return;
    setCounts(
      Object.fromEntries(
        shipment.data.lines.map((l) => [l.skuId, { received: l.received ?? 0, damaged: l.damaged ?? 0 }]),
      ),
    );
  }, [shipment.data]);

  const totals = useMemo(() => {
    const lines = shipment.data?.lines ?? [];
    let missing = 0;
    let extra = 0;
    for (const l of lines) {
      const c = counts[l.skuId] ?? { received: 0, damaged: 0 };
      const counted = c.received + c.damaged;
      missing += Math.max(0, l.quantity - counted);
      extra += Math.max(0, counted - l.quantity);
    }
    return { missing, extra };
  }, [counts, shipment.data]);

  if (shipment.isPending) return <PageLoading />;
  if (shipment.error || !shipment.data)
    return <ErrorAlert error={shipment.error} onRetry={() => shipment.refetch()} />;
  const s = shipment.data;
  const open = (s.status === 'shipped' || s.status === 'receiving') && can('inbound:receive');

  const setCount = (skuId: string, key: keyof Count, value: number) =>
    setCounts((c) => ({ ...c, [skuId]: { ...(c[skuId] ?? { received: 0, damaged: 0 }), [key]: value } }));

  const onScan = () => {
    const code = scan.trim();
    if (!code) return;
    const line = s.lines.find((l) => l.barcode === code || l.skuCode.toLowerCase() === code.toLowerCase());
    if (line) {
      setCount(line.skuId, 'received', (counts[line.skuId]?.received ?? 0) + 1);
      setScanMiss(null);
    } else setScanMiss(code);
    setScan('');
  };

  const submit = () =>
    receive
      .mutateAsync({
        lines: s.lines.map((l) => ({ skuId: l.skuId, ...(counts[l.skuId] ?? { received: 0, damaged: 0 }) })),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      .then(
        () => notify.success(t('platform.receivedToast', { number: s.number })),
        (err) => notify.error(err),
      );

  return (
    <div>
      <PageHeader
        back={
          <Link to="/platform/inbound">
            <ArrowLeftOutlined /> {t('platform.back')}
          </Link>
        }
        title={
          <Space>
            {t('inbound.titleOne', { number: s.number })}
            <InboundStatusTag status={s.status} />
          </Space>
        }
        extra={
          s.status === 'shipped' &&
          can('inbound:receive') && (
            <Button
              onClick={() =>
                start.mutateAsync(undefined).then(
                  () => notify.success(),
                  (err) => notify.error(err),
                )
              }
              loading={start.isPending}
            >
              {t('platform.startReceiving')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('platform.seller')}>{s.sellerName ?? s.sellerId}</Descriptions.Item>
          <Descriptions.Item label={t('inbound.destination')}>
            {s.warehouse ? `${s.warehouse.code} · ${addressLine(s.warehouse, fmt.country)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.boxes')}>{s.boxes}</Descriptions.Item>
          <Descriptions.Item label={t('inbound.tracking')}>
            {s.trackingNumber ? `${s.carrier ?? ''} ${s.trackingNumber}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.shippedAt')}>
            {s.shippedAt ? fmt.dateTime(s.shippedAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.units')}>{s.totals.expected}</Descriptions.Item>
          {s.note && <Descriptions.Item label={t('inbound.note')}>{s.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {open ? (
        <Card title={t('platform.countTitle')}>
          <Space.Compact style={{ width: '100%', maxWidth: 480, marginBottom: 12 }}>
            <Input
              autoFocus
              aria-label={t('platform.scan')}
              placeholder={t('platform.scan')}
              value={scan}
              onChange={(e) => setScan(e.target.value)}
              onPressEnter={onScan}
            />
            <Button onClick={onScan}>{t('platform.count')}</Button>
          </Space.Compact>
          {scanMiss && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('platform.scanMiss', { code: scanMiss })}
            />
          )}
          <Table<InboundLine>
            rowKey="skuId"
            size="small"
            pagination={false}
            dataSource={s.lines}
            columns={[
              {
                title: t('stock.sku'),
                key: 'sku',
                render: (_, l) => (
                  <div>
                    <Typography.Text strong>{l.skuCode}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {l.barcode ?? ''} {titleIn(l.title, i18n.language)}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              { title: t('inbound.expected'), dataIndex: 'quantity', align: 'right' },
              {
                title: t('inbound.received'),
                key: 'received',
                align: 'right',
                render: (_, l) => (
                  <InputNumber
                    aria-label={t('platform.receivedOf', { code: l.skuCode })}
                    min={0}
                    max={1_000_000}
                    precision={0}
                    value={counts[l.skuId]?.received ?? 0}
                    onChange={(v) => setCount(l.skuId, 'received', Number(v ?? 0))}
                  />
                ),
              },
              {
                title: t('inbound.damaged'),
                key: 'damaged',
                align: 'right',
                render: (_, l) => (
                  <InputNumber
                    aria-label={t('platform.damagedOf', { code: l.skuCode })}
                    min={0}
                    max={1_000_000}
                    precision={0}
                    value={counts[l.skuId]?.damaged ?? 0}
                    onChange={(v) => setCount(l.skuId, 'damaged', Number(v ?? 0))}
                  />
                ),
              },
              {
                title: t('inbound.discrepancy'),
                key: 'diff',
                align: 'right',
                render: (_, l) => {
                  const c = counts[l.skuId] ?? { received: 0, damaged: 0 };
                  const diff = c.received + c.damaged - l.quantity;
                  if (diff < 0)
                    return (
                      <Typography.Text type="danger">
                        {t('inbound.missing', { count: -diff })}
                      </Typography.Text>
                    );
                  if (diff > 0)
                    return (
                      <Typography.Text type="warning">{t('inbound.extra', { count: diff })}</Typography.Text>
                    );
                  return <Typography.Text type="success">{t('inbound.matches')}</Typography.Text>;
                },
              },
            ]}
          />
          <Input.TextArea
            aria-label={t('platform.receiveNote')}
            placeholder={t('platform.receiveNote')}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ marginTop: 12 }}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
            <Typography.Text type={totals.missing || totals.extra ? 'warning' : 'secondary'}>
              {t('platform.discrepancySummary', totals)}
            </Typography.Text>
            <Button type="primary" loading={receive.isPending} onClick={submit}>
              {t('platform.receive')}
            </Button>
          </Flex>
        </Card>
      ) : (
        <Card title={t('inbound.linesTitle')}>
          <CountedLines lines={s.lines} />
        </Card>
      )}
      <div style={{ marginTop: 16 }}>
        <ShipmentHistory shipment={s} />
      </div>
    </div>
  );
}
