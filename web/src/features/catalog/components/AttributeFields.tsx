import { Col, Empty, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { type RuleAttribute, textIn } from '../api';

/** The category's product-level attributes (variant ones are set per SKU), one input per type. */
export function AttributeFields({
  attributes,
  disabled,
}: {
  attributes: RuleAttribute[];
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation('catalog');
  const fields = attributes.filter((a) => !a.variant).sort((a, b) => a.position - b.position);
  if (fields.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('editor.noAttributes')} />;
  const options = (a: RuleAttribute) =>
    a.options.map((o) => ({ value: o.value, label: textIn(o.names, i18n.language) || o.value }));
  return (
    <Row gutter={16}>
      {fields.map((a) => {
        const label = `${textIn(a.names, i18n.language) || a.key}${a.unit ? ` (${a.unit})` : ''}`;
        let control: React.ReactNode;
        switch (a.type) {
          case 'number':
            control = (
              <InputNumber style={{ width: '100%' }} disabled={disabled} addonAfter={a.unit ?? undefined} />
            );
            break;
          case 'enum':
            control = (
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                disabled={disabled}
                options={options(a)}
              />
            );
            break;
          case 'multi_enum':
            control = (
              <Select
                mode="multiple"
                allowClear
                optionFilterProp="label"
                disabled={disabled}
                options={options(a)}
              />
            );
            break;
          case 'boolean':
            control = <Switch disabled={disabled} />;
            break;
          case 'date':
            control = <Input type="date" disabled={disabled} />;
            break;
          default:
            control = <Input maxLength={500} disabled={disabled} />;
        }
        return (
          <Col key={a.key} xs={24} md={12}>
            <Form.Item
              name={['attributes', a.key]}
              label={label}
              required={a.required}
              valuePropName={a.type === 'boolean' ? 'checked' : 'value'}
            >
              {control}
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
