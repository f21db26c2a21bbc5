import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/api/problem';
import { usePermissions } from '../../shared/api/session';
import { ConfirmButton, EmptyState, ErrorAlert, PageHeader } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import {
  ATTRIBUTE_TYPES,
  type Attribute,
  type AttributeType,
  LANGS,
  type Translated,
  useAttributes,
  useDeleteAttribute,
  useSaveAttribute,
} from './catalogApi';
import {
  cleanNames,
  NameAndKey,
  requiredNames,
  TranslatedFields,
  useLocalName,
} from './components/TranslatedFields';

const OPTION_TYPES: AttributeType[] = ['enum', 'multi_enum'];
export const KEY_PATTERN = /^[a-z][a-z0-9_]{1,49}$/;

/** Operators: attribute definitions (size, colour, battery capacity …) that categories link. */
export default function AttributesPage() {
  const { t } = useTranslation('catalogConfig');
  const name = useLocalName();
  const { can } = usePermissions();
  const canManage = can('catalog_config:manage');
  const [q, setQ] = useState('');
  const [type, setType] = useState<AttributeType | undefined>();
  const list = useAttributes({ ...(q ? { q } : {}), ...(type ? { type } : {}) });
  const remove = useDeleteAttribute();
  const notify = useApiMessage();
  const [editing, setEditing] = useState<Attribute | 'new' | null>(null);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <PageHeader
        title={t('attributes.title')}
        subtitle={t('attributes.subtitle')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('attributes.new')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('attributes.search')}
            aria-label={t('attributes.search')}
            style={{ maxWidth: 320 }}
            onSearch={(v) => setQ(v.trim())}
          />
          <Select
            allowClear
            placeholder={t('fields.type')}
            aria-label={t('fields.type')}
            style={{ width: 200 }}
            value={type}
            onChange={setType}
            options={ATTRIBUTE_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
          />
        </Flex>
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        <Table<Attribute>
          rowKey="id"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          locale={{
            emptyText: (
              <EmptyState
                description={q || type ? t('attributes.noMatch') : t('attributes.empty')}
                action={
                  canManage &&
                  !q &&
                  !type && (
                    <Button type="primary" onClick={() => setEditing('new')}>
                      {t('attributes.new')}
                    </Button>
                  )
                }
              />
            ),
          }}
          columns={[
            {
              title: t('fields.name'),
              key: 'name',
              render: (_, a) => <NameAndKey names={a.names} entryKey={a.key} onOpen={() => setEditing(a)} />,
            },
            {
              title: t('fields.type'),
              key: 'type',
              render: (_, a) => (
                <Space size={4}>
                  <Tag>{t(`types.${a.type}`)}</Tag>
                  {a.unit && <Typography.Text type="secondary">{a.unit}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('fields.options'),
              key: 'options',
              render: (_, a) =>
                a.options.length ? (
                  <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                    {a.options.map((o) => name(o.names) || o.value).join(', ')}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            {
              title: t('fields.categoryCount'),
              dataIndex: 'categoryCount',
              width: 110,
              align: 'right',
            },
            ...(canManage
              ? [
                  {
                    title: t('common:columns.actions'),
                    key: 'actions',
                    align: 'right' as const,
                    render: (_: unknown, a: Attribute) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing(a)}>
                          {t('actions.edit')}
                        </Button>
                        <ConfirmButton
                          size="small"
                          icon={<DeleteOutlined />}
                          disabled={a.categoryCount > 0}
                          title={t('attributes.deleteConfirm', { name: name(a.names) })}
                          onConfirm={async () => {
                            try {
                              await remove.mutateAsync(a.id);
                              notify.success(t('attributes.deleted'));
                            } catch (error) {
                              notify.error(error);
                            }
                          }}
                        >
                          {t('actions.delete')}
                        </ConfirmButton>
                      </Space>
                    ),
                  },
                ]
              : []),
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
      <AttributeModal
        attribute={editing === 'new' ? null : editing}
        open={editing !== null}
        canManage={canManage}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

interface Values {
  key: string;
  type: AttributeType;
  unit?: string;
  names: Translated;
  options?: { value: string; names?: Translated }[];
}

function AttributeModal({
  attribute,
  open,
  canManage,
  onClose,
}: {
  attribute: Attribute | null;
  open: boolean;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('catalogConfig');
  const [form] = Form.useForm<Values>();
  const save = useSaveAttribute();
  const notify = useApiMessage();
  const type = Form.useWatch('type', form) ?? attribute?.type;

  const onFinish = async (v: Values) => {
    const options = OPTION_TYPES.includes(v.type)
      ? (v.options ?? []).map((o) => ({ value: o.value.trim(), names: cleanNames(o.names) }))
      : [];
    try {
      await save.mutateAsync({
        id: attribute?.id,
        body: {
          ...(attribute ? {} : { key: v.key.trim() }),
          type: v.type,
          unit: v.type === 'number' && v.unit?.trim() ? v.unit.trim() : null,
          names: requiredNames(v.names),
          ...(OPTION_TYPES.includes(v.type) || attribute ? { options } : {}),
        },
      });
      notify.success(attribute ? t('saved') : t('attributes.created'));
      onClose();
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Modal
      open={open}
      width={820}
      title={attribute ? t('attributes.editTitle') : t('attributes.createTitle')}
      okText={attribute ? t('actions.save') : t('actions.create')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: save.isPending, disabled: !canManage }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && save.reset()}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        disabled={!canManage}
        initialValues={
          attribute
            ? { ...attribute, unit: attribute.unit ?? undefined }
            : { type: 'text', options: [{ value: '' }] }
        }
        onFinish={onFinish}
      >
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item
              name="key"
              label={t('fields.key')}
              extra={attribute ? t('attributes.keyFixed') : t('attributes.keyHint')}
              rules={[
                { required: true, message: t('validation.keyRequired') },
                { pattern: KEY_PATTERN, message: t('validation.key') },
              ]}
            >
              <Input disabled={Boolean(attribute)} />
            </Form.Item>
          </Col>
          <Col xs={14} md={8}>
            <Form.Item
              name="type"
              label={t('fields.type')}
              extra={attribute && attribute.categoryCount > 0 ? t('attributes.typeInUse') : undefined}
            >
              <Select options={ATTRIBUTE_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={10} md={6}>
            <Form.Item name="unit" label={t('fields.unit')} rules={[{ max: 20 }]}>
              <Input disabled={type !== 'number'} placeholder="mAh, in, ml" />
            </Form.Item>
          </Col>
        </Row>
        <TranslatedFields name="names" label={t('fields.name')} compact />
        {type && OPTION_TYPES.includes(type) && (
          <>
            <Typography.Title level={5}>{t('fields.options')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('attributes.optionsHint')}</Typography.Paragraph>
            <Form.List
              name="options"
              rules={[
                {
                  validator: async (_, list?: unknown[]) => {
                    if (!list || list.length === 0) throw new Error(t('validation.optionsRequired'));
                  },
                },
              ]}
            >
              {(fields, { add, remove, move }, { errors }) => (
                <>
                  {fields.map((field, index) => (
                    <Row key={field.key} gutter={8} align="top">
                      <Col xs={24} md={5}>
                        <Form.Item
                          name={[field.name, 'value']}
                          rules={[
                            { required: true, whitespace: true, message: t('validation.optionValue') },
                            { max: 100 },
                            ({ getFieldValue }) => ({
                              validator: async (_, value?: string) => {
                                const all = (getFieldValue('options') as { value?: string }[]) ?? [];
                                const same = all.filter(
                                  (o) => o?.value?.trim().toLowerCase() === value?.trim().toLowerCase(),
                                );
                                if (value && same.length > 1)
                                  throw new Error(t('validation.optionDuplicate'));
                              },
                            }),
                          ]}
                        >
                          <Input
                            placeholder={t('fields.value')}
                            aria-label={`${t('fields.value')} ${index + 1}`}
                          />
                        </Form.Item>
                      </Col>
                      {LANGS.map((lang) => (
                        <Col key={lang} xs={8} md={5}>
                          <Form.Item name={[field.name, 'names', lang]} rules={[{ max: 100 }]}>
                            <Input
                              placeholder={t(`lang.${lang}`)}
                              aria-label={`${t(`lang.${lang}`)} ${index + 1}`}
                            />
                          </Form.Item>
                        </Col>
                      ))}
                      <Col xs={24} md={4}>
                        <Space size={2}>
                          <Button
                            size="small"
                            type="text"
                            disabled={index === 0}
                            onClick={() => move(index, index - 1)}
                            aria-label={t('actions.moveUp')}
                          >
                            ↑
                          </Button>
                          <Button
                            size="small"
                            type="text"
                            disabled={index === fields.length - 1}
                            onClick={() => move(index, index + 1)}
                            aria-label={t('actions.moveDown')}
                          >
                            ↓
                          </Button>
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('actions.delete')}
                          />
                        </Space>
                      </Col>
                    </Row>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button icon={<PlusOutlined />} onClick={() => add({ value: '' })}>
                    {t('attributes.addOption')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </Modal>
  );
}
