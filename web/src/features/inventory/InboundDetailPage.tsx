import { ArrowLeftOutlined, DeleteOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { applyFormErrors } from '../../shared/api/problem';
import { usePermissions } from '../../shared/api/session';
import { ConfirmButton, EmptyState, ErrorAlert, PageHeader, PageLoading } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import {
  type InboundDetail,
  lookupSkus,
  printBoxLabels,
  printSkuLabels,
  titleIn,
  useCancelInbound,
  useInbound,
  useSetInboundLines,
  useShipInbound,
  useUpdateInbound,
  useWarehouses,
} from './api';
import { InboundStatusTag } from './components/InboundStatusTag';
import { CountedLines, ShipmentHistory } from './components/ShipmentParts';
import { addressLine } from './components/WarehouseTable';

interface DraftLine {
  skuId: string;
  skuCode: string;
  title: Record<string, string>;
  quantity: number;
}

/** Lines of a draft: scan or type SKU codes / barcodes to add, change quantities, save. */
function LinesEditor({ shipment }: { shipment: InboundDetail }) {
  const { t, i18n } = useTranslation('inventory');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [codes, setCodes] = useState('');
  const [adding, setAdding] = useState(false);
  const [notFound, setNotFound] = useState<string[]>([]);
  const save = useSetInboundLines(shipment.id);
  const notify = useApiMessage();

  useEffect(() => {
    setLines(
      shipment.lines.map((l) => ({
        skuId: l.skuId,
        skuCode: l.skuCode,
        title: l.title,
        quantity: l.quantity,
      })),
    );
  }, [shipment.lines]);

  const dirty =
    JSON.stringify(lines.map((l) => [l.skuId, l.quantity])) !==
    JSON.stringify(shipment.lines.map((l) => [l.skuId, l.quantity]));

  const add = async () => {
    const wanted = codes.split(/[\s,;]+/).filter(Boolean);
    if (wanted.length === 0) return;
    setAdding(true);
    try {
      const found = await lookupSkus(wanted.join(','));
      const known = new Set(found.flatMap((f) => [f.code.toLowerCase(), f.barcode ?? '']));
      setNotFound(wanted.filter((w) => !known.has(w.toLowerCase()) && !known.has(w)));
      setLines((current) => {
        const next = [...current];
        for (const f of found) {
          if (f.status !== 'active') continue;
          const hits = wanted.filter(
            (w) => w.toLowerCase() === f.code.toLowerCase() || w === f.barcode,
          ).length;
          const existing = next.find((l) => l.skuId === f.skuId);
          if (existing) existing.quantity += Math.max(1, hits);
          else next.push({ skuId: f.skuId, skuCode: f.code, title: f.title, quantity: Math.max(1, hits) });
        }
        return next;
      });
      setCodes('');
    } catch (err) {
      notify.error(err);
    } finally {
      setAdding(false);
    }
  };

  const submit = () =>
    save.mutateAsync(lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity }))).then(
      () => notify.success(),
      (err) => notify.error(err),
    );

  return (
    <Card
      title={t('inbound.linesTitle')}
      extra={<Typography.Text type="secondary">{t('inbound.linesHelp')}</Typography.Text>}
    >
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          aria-label={t('inbound.addCodes')}
          placeholder={t('inbound.addCodes')}
          value={codes}
          onChange={(e) => setCodes(e.target.value)}
          onPressEnter={add}
        />
        <Button type="primary" loading={adding} onClick={add}>
          {t('inbound.addLines')}
        </Button>
      </Space.Compact>
      {notFound.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setNotFound([])}
          style={{ marginBottom: 12 }}
          message={t('inbound.codesNotFound', { codes: notFound.join(', ') })}
        />
      )}
      <Table<DraftLine>
        rowKey="skuId"
        size="small"
        pagination={false}
        dataSource={lines}
        locale={{ emptyText: <EmptyState description={t('inbound.noLines')} /> }}
        columns={[
          { title: t('stock.sku'), dataIndex: 'skuCode' },
          { title: t('inbound.product'), key: 'title', render: (_, l) => titleIn(l.title, i18n.language) },
          {
            title: t('inbound.quantity'),
            key: 'quantity',
            align: 'right',
            render: (_, l) => (
              <InputNumber
                aria-label={t('inbound.quantityOf', { code: l.skuCode })}
                min={1}
                max={100_000}
                precision={0}
                value={l.quantity}
                onChange={(v) =>
                  setLines((cur) =>
                    cur.map((x) => (x.skuId === l.skuId ? { ...x, quantity: Number(v ?? 1) } : x)),
                  )
                }
              />
            ),
          },
          {
            key: 'remove',
            align: 'right',
            render: (_, l) => (
              <Button
                size="small"
                aria-label={t('inbound.removeLine', { code: l.skuCode })}
                icon={<DeleteOutlined />}
                onClick={() => setLines((cur) => cur.filter((x) => x.skuId !== l.skuId))}
              />
            ),
          },
        ]}
      />
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">
          {t('inbound.linesTotal', { lines: lines.length, units: lines.reduce((n, l) => n + l.quantity, 0) })}
        </Typography.Text>
        <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={submit}>
          {t('inbound.saveLines')}
        </Button>
      </Flex>
    </Card>
  );
}

function ShipModal({
  shipment,
  open,
  onClose,
}: {
  shipment: InboundDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('inventory');
  const [form] = Form.useForm<{ carrier: string; trackingNumber: string }>();
  const ship = useShipInbound(shipment.id);
  const notify = useApiMessage();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await ship.mutateAsync(v);
      notify.success(t('inbound.shippedToast'));
      onClose();
    } catch (err) {
      if (!applyFormErrors(form, err)) notify.error(err);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }];
  return (
    <Modal
      open={open}
      title={t('inbound.ship')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={ship.isPending}
      okText={t('inbound.ship')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('inbound.shipHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="carrier" label={t('inbound.carrier')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="trackingNumber" label={t('inbound.trackingNumber')} rules={required}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DraftSettings({ shipment }: { shipment: InboundDetail }) {
  const { t } = useTranslation('inventory');
  const [form] = Form.useForm<{ warehouseId: string; boxes: number; note: string }>();
  const warehouses = useWarehouses();
  const update = useUpdateInbound(shipment.id);
  const notify = useApiMessage();
  useEffect(() => {
    form.setFieldsValue({
      warehouseId: shipment.warehouseId,
      boxes: shipment.boxes,
      note: shipment.note ?? '',
    });
  }, [shipment, form]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await update.mutateAsync({ ...v, note: v.note?.trim() || null });
      notify.success();
    } catch (err) {
      if (!applyFormErrors(form, err)) notify.error(err);
    }
  };
  return (
    <Form form={form} layout="vertical">
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            name="warehouseId"
            label={t('inbound.destination')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              options={(warehouses.data ?? [])
                .filter((w) => w.kind === 'platform' && (w.active || w.id === shipment.warehouseId))
                .map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="boxes"
            label={t('inbound.boxes')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="note" label={t('inbound.note')} rules={[{ max: 1000 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Button onClick={submit} loading={update.isPending}>
        {t('common:actions.save')}
      </Button>
    </Form>
  );
}

/** One inbound shipment: lines editor while a draft, labels, shipping, counts and history. */
export default function InboundDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('inventory');
  const fmt = useFormat();
  const { can } = usePermissions();
  const canWrite = can('inventory:write');
  const shipment = useInbound(id);
  const cancel = useCancelInbound(id);
  const notify = useApiMessage();
  const [shipping, setShipping] = useState(false);
  const [copies, setCopies] = useState(1);

  if (shipment.isPending) return <PageLoading />;
  if (shipment.error || !shipment.data)
    return <ErrorAlert error={shipment.error} onRetry={() => shipment.refetch()} />;
  const s = shipment.data;
  const draft = s.status === 'draft';
  const print = (run: () => Promise<void>) => run().catch((err) => notify.error(err));

  return (
    <div>
      <PageHeader
        back={
          <Link to="/inventory/inbound">
            <ArrowLeftOutlined /> {t('inbound.back')}
          </Link>
        }
        title={
          <Space>
            {t('inbound.titleOne', { number: s.number })}
            <InboundStatusTag status={s.status} />
          </Space>
        }
        extra={
          <>
            <Dropdown
              disabled={s.lines.length === 0}
              menu={{
                items: [
                  { key: 'unit', label: t('inbound.labelsPerUnit') },
                  { key: 'line', label: t('inbound.labelsPerLine', { copies }) },
                ],
                onClick: ({ key }) =>
                  print(() =>
                    printSkuLabels(s.id, {
                      mode: key as 'unit' | 'line',
                      ...(key === 'line' ? { copies } : {}),
                      lang: i18n.language,
                    }),
                  ),
              }}
            >
              <Button icon={<PrinterOutlined />}>{t('inbound.printLabels')}</Button>
            </Dropdown>
            <InputNumber
              aria-label={t('inbound.copies')}
              addonBefore={t('inbound.copies')}
              min={1}
              max={1000}
              precision={0}
              value={copies}
              onChange={(v) => setCopies(Number(v ?? 1))}
              style={{ width: 150 }}
            />
            <Button icon={<PrinterOutlined />} onClick={() => print(() => printBoxLabels(s.id))}>
              {t('inbound.printBoxLabels')}
            </Button>
            {draft && canWrite && (
              <>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  disabled={s.lines.length === 0}
                  onClick={() => setShipping(true)}
                >
                  {t('inbound.ship')}
                </Button>
                <ConfirmButton
                  title={t('inbound.cancelConfirm')}
                  onConfirm={() =>
                    cancel.mutateAsync(undefined).then(
                      () => notify.success(),
                      (err) => notify.error(err),
                    )
                  }
                >
                  {t('inbound.cancel')}
                </ConfirmButton>
              </>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('inbound.destination')}>
            {s.warehouse ? (
              <div>
                {s.warehouse.code} · {s.warehouse.name}
                <div>
                  <Typography.Text type="secondary">{addressLine(s.warehouse, fmt.country)}</Typography.Text>
                </div>
              </div>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.boxes')}>{s.boxes}</Descriptions.Item>
          <Descriptions.Item label={t('inbound.units')}>
            {s.status === 'received'
              ? t('inbound.receivedOf', {
                  received: s.totals.received,
                  expected: s.totals.expected,
                  damaged: s.totals.damaged,
                })
              : s.totals.expected}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.tracking')}>
            {s.trackingNumber ? `${s.carrier ?? ''} ${s.trackingNumber}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.shippedAt')}>
            {s.shippedAt ? fmt.dateTime(s.shippedAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.receivedAt')}>
            {s.receivedAt ? fmt.dateTime(s.receivedAt) : '—'}
          </Descriptions.Item>
          {s.note && <Descriptions.Item label={t('inbound.note')}>{s.note}</Descriptions.Item>}
        </Descriptions>
        {draft && canWrite && (
          <div style={{ marginTop: 16 }}>
            <DraftSettings shipment={s} />
          </div>
        )}
      </Card>
      {draft && canWrite ? (
        <LinesEditor shipment={s} />
      ) : (
        <Card title={t('inbound.linesTitle')}>
          <CountedLines lines={s.lines} />
        </Card>
      )}
      <div style={{ marginTop: 16 }}>
        <ShipmentHistory shipment={s} />
      </div>
      <ShipModal shipment={s} open={shipping} onClose={() => setShipping(false)} />
    </div>
  );
}
