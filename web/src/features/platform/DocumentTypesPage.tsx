import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Switch,
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
import { KEY_PATTERN } from './AttributesPage';
import {
  type DocumentType,
  type Translated,
  useDeleteDocumentType,
  useDocumentTypes,
  useSaveDocumentType,
} from './catalogApi';
import { NameAndKey, requiredNames, TranslatedFields, useLocalName } from './components/TranslatedFields';

/** The whole number must match (the same rule the server applies). */
export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return null;
  }
}

/** Operators: kinds of compliance documents (EAC declaration, RZN certificate …) categories require. */
export default function DocumentTypesPage() {
  const { t } = useTranslation('catalogConfig');
  const name = useLocalName();
  const { can } = usePermissions();
  const canManage = can('catalog_config:manage');
  const list = useDocumentTypes();
  const remove = useDeleteDocumentType();
  const notify = useApiMessage();
  const [editing, setEditing] = useState<DocumentType | 'new' | null>(null);

  return (
    <div>
      <PageHeader
        title={t('documentTypes.title')}
        subtitle={t('documentTypes.subtitle')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('documentTypes.new')}
            </Button>
          )
        }
      />
      <Card>
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        <Table<DocumentType>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{
            emptyText: (
              <EmptyState
                description={t('documentTypes.empty')}
                action={
                  canManage && (
                    <Button type="primary" onClick={() => setEditing('new')}>
                      {t('documentTypes.new')}
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
              render: (_, d) => <NameAndKey names={d.names} entryKey={d.key} onOpen={() => setEditing(d)} />,
            },
            {
              title: t('fields.numberExample'),
              key: 'example',
              render: (_, d) =>
                d.numberExample ? <Typography.Text code>{d.numberExample}</Typography.Text> : '—',
            },
            {
              title: t('fields.expires'),
              key: 'expires',
              render: (_, d) =>
                d.expires ? (
                  <Tag color="orange">{t('documentTypes.expiring')}</Tag>
                ) : (
                  <Tag>{t('documentTypes.permanent')}</Tag>
                ),
            },
            { title: t('fields.categoryCount'), dataIndex: 'categoryCount', align: 'right', width: 110 },
            ...(canManage
              ? [
                  {
                    title: t('common:columns.actions'),
                    key: 'actions',
                    align: 'right' as const,
                    render: (_: unknown, d: DocumentType) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing(d)}>
                          {t('actions.edit')}
                        </Button>
                        <ConfirmButton
                          size="small"
                          disabled={d.categoryCount > 0}
                          title={t('documentTypes.deleteConfirm', { name: name(d.names) })}
                          description={t('documentTypes.deleteHint')}
                          onConfirm={async () => {
                            try {
                              await remove.mutateAsync(d.id);
                              notify.success(t('documentTypes.deleted'));
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
      </Card>
      <DocumentTypeModal
        documentType={editing === 'new' ? null : editing}
        open={editing !== null}
        canManage={canManage}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

interface Values {
  key: string;
  names: Translated;
  numberPattern?: string;
  numberExample?: string;
  expires: boolean;
}

function DocumentTypeModal({
  documentType,
  open,
  canManage,
  onClose,
}: {
  documentType: DocumentType | null;
  open: boolean;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('catalogConfig');
  const [form] = Form.useForm<Values>();
  const save = useSaveDocumentType();
  const notify = useApiMessage();
  const [probe, setProbe] = useState('');
  const pattern = Form.useWatch('numberPattern', form);
  const compiled = pattern ? compilePattern(pattern) : null;

  const onFinish = async (v: Values) => {
    try {
      await save.mutateAsync({
        id: documentType?.id,
        body: {
          ...(documentType ? {} : { key: v.key.trim() }),
          names: requiredNames(v.names),
          numberPattern: v.numberPattern?.length ? v.numberPattern : null,
          numberExample: v.numberExample?.trim() ? v.numberExample.trim() : null,
          expires: v.expires,
        },
      });
      notify.success(documentType ? t('saved') : t('documentTypes.created'));
      onClose();
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Modal
      open={open}
      width={760}
      title={documentType ? t('documentTypes.editTitle') : t('documentTypes.createTitle')}
      okText={documentType ? t('actions.save') : t('actions.create')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: save.isPending, disabled: !canManage }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (!visible) {
          save.reset();
          setProbe('');
        }
      }}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        disabled={!canManage}
        initialValues={
          documentType
            ? {
                key: documentType.key,
                names: documentType.names,
                numberPattern: documentType.numberPattern ?? undefined,
                numberExample: documentType.numberExample ?? undefined,
                expires: documentType.expires,
              }
            : { expires: true }
        }
        onFinish={onFinish}
      >
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item
              name="key"
              label={t('fields.key')}
              extra={documentType ? t('documentTypes.keyFixed') : t('documentTypes.keyHint')}
              rules={[
                { required: true, message: t('validation.keyRequired') },
                { pattern: KEY_PATTERN, message: t('validation.key') },
              ]}
            >
              <Input disabled={Boolean(documentType)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="expires"
              label={t('fields.expires')}
              valuePropName="checked"
              extra={t('documentTypes.expiresHint')}
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <TranslatedFields name="names" label={t('fields.name')} max={200} />
        <Form.Item
          name="numberPattern"
          label={t('fields.numberPattern')}
          extra={t('documentTypes.patternHint')}
          rules={[
            { max: 500 },
            {
              validator: async (_, value?: string) => {
                if (value && !compilePattern(value)) throw new Error(t('validation.pattern'));
              },
            },
          ]}
        >
          <Input
            style={{ fontFamily: 'monospace' }}
            placeholder="ЕАЭС N RU Д-[A-Z]{2}\.[А-ЯA-Z0-9]{4}\.[А-ЯA-Z]\.[0-9]{5}/[0-9]{2}"
          />
        </Form.Item>
        <Form.Item
          name="numberExample"
          label={t('fields.numberExample')}
          dependencies={['numberPattern']}
          rules={[
            { max: 200 },
            ({ getFieldValue }) => ({
              validator: async (_, value?: string) => {
                const re = getFieldValue('numberPattern')
                  ? compilePattern(getFieldValue('numberPattern'))
                  : null;
                if (value?.trim() && re && !re.test(value.trim()))
                  throw new Error(t('validation.exampleMismatch'));
              },
            }),
          ]}
        >
          <Input placeholder="ЕАЭС N RU Д-CN.РА01.В.12345/24" />
        </Form.Item>
        {compiled && (
          <Form.Item label={t('documentTypes.tryNumber')}>
            <Input
              value={probe}
              onChange={(e) => setProbe(e.target.value)}
              aria-label={t('documentTypes.tryNumber')}
              disabled={false}
            />
            {probe.trim() && (
              <Alert
                type={compiled.test(probe.trim()) ? 'success' : 'warning'}
                showIcon
                title={compiled.test(probe.trim()) ? t('documentTypes.matches') : t('documentTypes.noMatch')}
                style={{ marginTop: 8 }}
              />
            )}
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
