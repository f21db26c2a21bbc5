import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../../shared/lib/options';

/** The fields of one Address, nested under `prefix` (e.g. "returnAddress"). */
export function AddressFields({ prefix }: { prefix: string }) {
  const { t, i18n } = useTranslation('stores');
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('validation.required', { field: label }) },
  ];
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name={[prefix, 'name']}
          label={t('address.name')}
          rules={[...required(t('address.name')), { max: 100 }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={[prefix, 'phone']}
          label={t('address.phone')}
          rules={[{ pattern: /^\+?[0-9 ()-]{5,30}$/, message: t('validation.phone') }]}
        >
          <Input autoComplete="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={[prefix, 'country']}
          label={t('address.country')}
          rules={[{ required: true, message: t('validation.required', { field: t('address.country') }) }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={countryOptions(i18n.language)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[prefix, 'region']} label={t('address.region')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={[prefix, 'city']}
          label={t('address.city')}
          rules={[...required(t('address.city')), { max: 100 }]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={[prefix, 'line1']}
          label={t('address.line1')}
          rules={[...required(t('address.line1')), { max: 200 }]}
        >
          <Input autoComplete="address-line1" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={[prefix, 'line2']} label={t('address.line2')} rules={[{ max: 200 }]}>
          <Input autoComplete="address-line2" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={[prefix, 'postalCode']} label={t('address.postalCode')} rules={[{ max: 20 }]}>
          <Input autoComplete="postal-code" />
        </Form.Item>
      </Col>
    </Row>
  );
}
