import { Alert, Form, Input, InputNumber, Modal, Segmented, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { type Adjustment, lookupSkus, type StockItem, titleIn, useAdjustStock, type Warehouse } from '../api';

type Kind = Adjustment['type'];

interface Props {
  open: boolean;
  /** The SKU to adjust; null: the user enters a SKU code (stocking a SKU for the first time). */
  item: StockItem | null;
  warehouses: Warehouse[];
  onClose: () => void;
}

interface Values {
  code?: string;
  warehouseId: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  onHand: number;
  quantity: number;
  note?: string;
}

/** Count correction, goods received, damaged write-off or transfer between own warehouses. */
export function AdjustmentModal({ open, item, warehouses, onClose }: Props) {
  const { t, i18n } = useTranslation('inventory');
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<Kind>('count');
  const adjust = useAdjustStock();
  const notify = useApiMessage();
  const own = warehouses.filter((w) => w.kind === 'own');
  const ownOptions = own.map((w) => ({
    value: w.id,
    label: `${w.code} · ${w.name}`,
    disabled: !w.active && kind === 'receive',
  }));
  const levelIn = (warehouseId: string | undefined) =>
    item?.warehouses.find((w) => w.warehouseId === warehouseId);
  const chosen = Form.useWatch('warehouseId', form);
  const from = Form.useWatch('fromWarehouseId', form);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!open) return;
    setKind('count');
    form.resetFields();
    const first = item?.warehouses.find((w) => w.kind === 'own')?.warehouseId ?? own[0]?.id;
    form.setFieldsValue({ warehouseId: first, fromWarehouseId: first, onHand: levelIn(first)?.onHand ?? 0 });
  }, [open, item]);

  const submit = async () => {
    const v = await form.validateFields();
    let skuId = item?.skuId;
    try {
      if (!skuId) {
        const found = await lookupSkus(v.code ?? '');
        skuId = found[0]?.skuId;
        if (!skuId) {
          form.setFields([{ name: 'code', errors: [t('adjust.skuNotFound')] }]);
          return;
        }
      }
      const note = v.note?.trim() || undefined;
      const body: Adjustment =
        kind === 'count'
          ? { type: 'count', skuId, warehouseId: v.warehouseId, onHand: v.onHand, note }
          : kind === 'transfer'
            ? {
                type: 'transfer',
                skuId,
                fromWarehouseId: v.fromWarehouseId,
                toWarehouseId: v.toWarehouseId,
                quantity: v.quantity,
                note,
              }
            : { type: kind, skuId, warehouseId: v.warehouseId, quantity: v.quantity, note };
      await adjust.mutateAsync(body);
      notify.success(t('adjust.done'));
      onClose();
    } catch (err) {
      if (!applyFormErrors(form, err)) notify.error(err);
    }
  };

  const level = levelIn(kind === 'transfer' ? from : chosen);

  return (
    <Modal
      open={open}
      title={t('adjust.title')}
      onOk={submit}
      onCancel={onClose}
      okText={t('adjust.submit')}
      confirmLoading={adjust.isPending}
      destroyOnHidden
    >
      {item ? (
        <Typography.Paragraph>
          <Typography.Text strong>{item.code}</Typography.Text> · {titleIn(item.title, i18n.language)}
        </Typography.Paragraph>
      ) : null}
      {own.length === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('adjust.noOwnWarehouse')} />
      )}
      <Segmented<Kind>
        block
        value={kind}
        onChange={setKind}
        style={{ marginBottom: 16 }}
        options={(['count', 'receive', 'damaged', 'transfer'] as const).map((k) => ({
          value: k,
          label: t(`adjust.kinds.${k}`),
        }))}
      />
      <Form form={form} layout="vertical" requiredMark="optional">
        {!item && (
          <Form.Item
            name="code"
            label={t('adjust.skuCode')}
            tooltip={t('adjust.skuCodeHelp')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input autoFocus />
          </Form.Item>
        )}
        {kind === 'transfer' ? (
          <>
            <Form.Item
              name="fromWarehouseId"
              label={t('adjust.from')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select options={ownOptions} />
            </Form.Item>
            <Form.Item
              name="toWarehouseId"
              label={t('adjust.to')}
              dependencies={['fromWarehouseId']}
              rules={[
                { required: true, message: t('validation.required') },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value && value === getFieldValue('fromWarehouseId')
                      ? Promise.reject(new Error(t('adjust.sameWarehouse')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Select options={ownOptions} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="warehouseId"
            label={t('adjust.warehouse')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              options={ownOptions}
              onChange={(id: string) =>
                kind === 'count' && form.setFieldValue('onHand', levelIn(id)?.onHand ?? 0)
              }
            />
          </Form.Item>
        )}
        {level && (
          <Typography.Paragraph type="secondary">
            {t('adjust.current', {
              onHand: level.onHand,
              reserved: level.reserved,
              available: level.available,
            })}
          </Typography.Paragraph>
        )}
        {kind === 'count' ? (
          <Form.Item
            name="onHand"
            label={t('adjust.counted')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item
            name="quantity"
            label={t('adjust.quantity')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('adjust.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} placeholder={t('adjust.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
