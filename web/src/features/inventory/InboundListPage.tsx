import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { applyFormErrors } from '../../shared/api/problem';
import { usePermissions } from '../../shared/api/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import {
  type InboundFilters,
  type InboundStatus,
  type InboundSummary,
  useCreateInbound,
  useInboundList,
  useWarehouses,
} from './api';
import { INBOUND_STATUS_LIST, InboundStatusTag } from './components/InboundStatusTag';

function CreateInboundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('inventory');
  const [form] = Form.useForm<{ warehouseId: string; boxes: number; note?: string }>();
  const warehouses = useWarehouses();
  const create = useCreateInbound();
  const notify = useApiMessage();
  const navigate = useNavigate();
  const options = (warehouses.data ?? [])
    .filter((w) => w.kind === 'platform' && w.active)
    .map((w) => ({ value: w.id, label: `${w.code} · ${w.name} (${w.address.city})` }));

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const shipment = await create.mutateAsync({ ...v, note: v.note?.trim() || null, lines: [] });
      notify.success(t('inbound.created', { number: shipment.number }));
      onClose();
      navigate(`/inventory/inbound/${shipment.id}`);
    } catch (err) {
      if (!applyFormErrors(form, err)) notify.error(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('inbound.create')}
      onOk={submit}
      onCancel={onClose}
      okText={t('inbound.createSubmit')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ boxes: 1 }} requiredMark="optional">
        <Form.Item
          name="warehouseId"
          label={t('inbound.destination')}
          extra={options.length === 0 ? t('inbound.noPlatformWarehouse') : undefined}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={options} loading={warehouses.isPending} />
        </Form.Item>
        <Form.Item
          name="boxes"
          label={t('inbound.boxes')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('inbound.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The seller's inbound shipments to platform warehouses. */
export default function InboundListPage() {
  const { t } = useTranslation('inventory');
  const fmt = useFormat();
  const { can } = usePermissions();
  const [status, setStatus] = useState<InboundStatus | undefined>(undefined);
  const filters: InboundFilters = status ? { status } : {};
  const list = useInboundList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);

  return (
    <div>
      <PageHeader
        title={t('inbound.title')}
        subtitle={t('inbound.subtitle')}
        extra={
          can('inventory:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('inbound.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Select
            allowClear
            aria-label={t('inbound.statusFilter')}
            placeholder={t('inbound.statusFilter')}
            style={{ minWidth: 180 }}
            value={status}
            onChange={setStatus}
            options={INBOUND_STATUS_LIST.map((s) => ({ value: s, label: t(`inbound.statuses.${s}`) }))}
          />
        </Space>
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        <Table<InboundSummary>
          rowKey="id"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('inbound.empty')} /> }}
          columns={[
            {
              title: t('inbound.number'),
              dataIndex: 'number',
              render: (n: number, s) => <Link to={`/inventory/inbound/${s.id}`}>#{n}</Link>,
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
            {
              title: t('inbound.units'),
              key: 'units',
              align: 'right',
              render: (_, s) =>
                s.status === 'received' ? (
                  <span>
                    {fmt.number(s.totals.received)} / {fmt.number(s.totals.expected)}
                    {(s.totals.missing > 0 || s.totals.damaged > 0) && (
                      <Typography.Text type="warning"> ⚠</Typography.Text>
                    )}
                  </span>
                ) : (
                  fmt.number(s.totals.expected)
                ),
            },
            { title: t('inbound.lines'), key: 'lines', align: 'right', render: (_, s) => s.totals.lines },
            { title: t('inbound.boxes'), dataIndex: 'boxes', align: 'right' },
            {
              title: t('inbound.tracking'),
              key: 'tracking',
              render: (_, s) => (s.trackingNumber ? `${s.carrier ?? ''} ${s.trackingNumber}` : '—'),
            },
            { title: t('inbound.createdAt'), dataIndex: 'createdAt', render: (v: string) => fmt.dateTime(v) },
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
      <CreateInboundModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
