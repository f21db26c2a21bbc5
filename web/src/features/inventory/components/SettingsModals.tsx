import { Button, Form, InputNumber, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { EmptyState, ErrorAlert } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import {
  type StockItem,
  type StoreStockDefault,
  titleIn,
  useSetStoreDefault,
  useStoreDefaults,
  useUpdateSkuSettings,
} from '../api';

interface SettingsValues {
  lowThreshold: number | null;
  safetyStock: number;
  leadTimeDays: number;
  safetyDays: number;
}

/** Low-stock threshold and replenishment settings of one SKU. */
export function SkuSettingsModal({ item, onClose }: { item: StockItem | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('inventory');
  const [form] = Form.useForm<SettingsValues>();
  const update = useUpdateSkuSettings();
  const notify = useApiMessage();

  useEffect(() => {
    if (!item) return;
    form.setFieldsValue({
      lowThreshold: item.settings.lowThreshold,
      safetyStock: item.settings.safetyStock,
      leadTimeDays: item.settings.leadTimeDays,
      safetyDays: item.settings.safetyDays,
    });
  }, [item, form]);

  const submit = async () => {
    if (!item) return;
    const v = await form.validateFields();
    try {
      await update.mutateAsync({ skuId: item.skuId, body: { ...v, lowThreshold: v.lowThreshold ?? null } });
      notify.success();
      onClose();
    } catch (err) {
      if (!applyFormErrors(form, err)) notify.error(err);
    }
  };

  const inherited =
    item?.settings.thresholdSource === 'store'
      ? t('settings.inheritedStore', { value: item.settings.effectiveThreshold })
      : t('settings.inheritedDefault');

  return (
    <Modal
      open={item !== null}
      title={t('settings.title')}
      onOk={submit}
      onCancel={onClose}
      okText={t('common:actions.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {item && (
        <Typography.Paragraph>
          <Typography.Text strong>{item.code}</Typography.Text> · {titleIn(item.title, i18n.language)}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="lowThreshold"
          label={t('settings.lowThreshold')}
          extra={t('settings.lowThresholdHelp', { inherited })}
        >
          <InputNumber
            min={0}
            max={1_000_000}
            precision={0}
            style={{ width: '100%' }}
            placeholder={inherited}
          />
        </Form.Item>
        <Form.Item
          name="leadTimeDays"
          label={t('settings.leadTimeDays')}
          extra={t('settings.leadTimeDaysHelp')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="safetyDays"
          label={t('settings.safetyDays')}
          extra={t('settings.safetyDaysHelp')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="safetyStock"
          label={t('settings.safetyStock')}
          extra={t('settings.safetyStockHelp')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DefaultRow({ row, canWrite }: { row: StoreStockDefault; canWrite: boolean }) {
  const { t } = useTranslation('inventory');
  const [value, setValue] = useState<number | null>(row.lowThreshold);
  const save = useSetStoreDefault();
  const notify = useApiMessage();
  useEffect(() => setValue(row.lowThreshold), [row.lowThreshold]);
  const run = (lowThreshold: number | null) =>
    save.mutateAsync({ storeId: row.storeId, lowThreshold }).then(
      () => notify.success(),
      (err) => notify.error(err),
    );
  return (
    <span style={{ display: 'inline-flex', gap: 8 }}>
      <InputNumber
        aria-label={t('storeDefaults.threshold', { store: row.storeName })}
        min={0}
        max={1_000_000}
        precision={0}
        value={value}
        disabled={!canWrite}
        placeholder="5"
        onChange={(v) => setValue(typeof v === 'number' ? v : null)}
      />
      {canWrite && (
        <Button
          size="small"
          loading={save.isPending}
          disabled={value === row.lowThreshold}
          onClick={() => run(value)}
        >
          {t('common:actions.save')}
        </Button>
      )}
    </span>
  );
}

/** Per-store default thresholds: SKUs without their own threshold use their stores' default (else 5). */
export function StoreDefaultsModal({
  open,
  canWrite,
  onClose,
}: {
  open: boolean;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('inventory');
  const defaults = useStoreDefaults(open);
  return (
    <Modal open={open} title={t('storeDefaults.title')} onCancel={onClose} footer={null} width={560}>
      <Typography.Paragraph type="secondary">{t('storeDefaults.help')}</Typography.Paragraph>
      <ErrorAlert error={defaults.error} onRetry={() => defaults.refetch()} />
      <Table<StoreStockDefault>
        rowKey="storeId"
        size="small"
        loading={defaults.isPending}
        dataSource={defaults.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('storeDefaults.empty')} /> }}
        columns={[
          { title: t('storeDefaults.store'), dataIndex: 'storeName' },
          {
            title: t('storeDefaults.thresholdColumn'),
            key: 'threshold',
            render: (_, row) => <DefaultRow row={row} canWrite={canWrite} />,
          },
        ]}
      />
    </Modal>
  );
}
