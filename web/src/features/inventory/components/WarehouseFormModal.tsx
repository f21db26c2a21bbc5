import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { countryOptions } from '../../../shared/lib/options';
import type { Warehouse, WarehouseInput } from '../api';

interface Props {
  open: boolean;
  warehouse: Warehouse | null;
  saving: boolean;
  onSave: (body: WarehouseInput) => Promise<unknown>;
  onClose: () => void;
}

/** Create or edit a warehouse (own for sellers, platform for operators): code, name, address, handling days. */
export function WarehouseFormModal({ open, warehouse, saving, onSave, onClose }: Props) {
  const { t, i18n } = useTranslation('inventory');
  const [form] = Form.useForm<WarehouseInput>();
  const notify = useApiMessage();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      warehouse
        ? {
            code: warehouse.code,
            name: warehouse.name,
            address: warehouse.address,
            handlingDays: warehouse.handlingDays,
            active: warehouse.active,
          }
        : { handlingDays: 1, active: true, address: { country: 'CN' } as WarehouseInput['address'] },
    );
  }, [open, warehouse, form]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await onSave(cleanWarehouse(values));
      notify.success();
      onClose();
    } catch (err) {
      if (!applyFormErrors(form, err)) notify.error(err);
    }
  };

  return (
    <Modal
      open={open}
      title={warehouse ? t('warehouses.edit') : t('warehouses.add')}
      onOk={submit}
      onCancel={onClose}
      okText={t('common:actions.save')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={t('warehouses.code')}
              tooltip={t('warehouses.codeHelp')}
              rules={[
                ...required,
                { max: 30 },
                { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, message: t('validation.code') },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('warehouses.name')} rules={[...required, { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['address', 'country']}
              label={t('address.country')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={countryOptions(i18n.language)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['address', 'region']} label={t('address.region')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['address', 'city']}
              label={t('address.city')}
              rules={[...required, { max: 100 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name={['address', 'line1']}
              label={t('address.line1')}
              rules={[...required, { max: 200 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['address', 'postalCode']} label={t('address.postalCode')} rules={[{ max: 20 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={['address', 'line2']} label={t('address.line2')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['address', 'phone']}
              label={t('address.phone')}
              rules={[{ pattern: /^[+0-9 ()-]{3,40}$/, message: t('validation.phone') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="handlingDays"
              label={t('warehouses.handlingDays')}
              tooltip={t('warehouses.handlingDaysHelp')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="active" label={t('warehouses.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** Drops empty optional address lines, which the API refuses as empty strings. */
export function cleanWarehouse(values: WarehouseInput): WarehouseInput {
  const address = Object.fromEntries(
    Object.entries(values.address).filter(([, v]) => typeof v === 'string' && v.trim().length > 0),
  ) as unknown as WarehouseInput['address'];
  return { ...values, address };
}
