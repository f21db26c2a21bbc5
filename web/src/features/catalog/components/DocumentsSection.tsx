import { CheckCircleFilled, CloseCircleFilled, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/lib/format';
import { type ComplianceDocument, type DocumentTypeRef, textIn, useDocuments } from '../api';
import { DocumentFormModal } from './DocumentFormModal';

/**
 * The product's compliance documents: which types its category requires and whether a valid one is
 * linked, a picker over the seller's documents, and a shortcut to register a missing one.
 */
export function DocumentsSection({
  required,
  value,
  onChange,
  linked,
  disabled,
  errors,
}: {
  required: DocumentTypeRef[];
  value: string[];
  onChange: (ids: string[]) => void;
  /** Documents linked on the server (shown even when not in the first page of the list). */
  linked: ComplianceDocument[];
  disabled: boolean;
  errors: string[];
}) {
  const { t, i18n } = useTranslation('catalog');
  const fmt = useFormat();
  const docs = useDocuments({});
  const [adding, setAdding] = useState<{ typeId?: string } | null>(null);
  const all = new Map<string, ComplianceDocument>();
  for (const d of linked) all.set(d.id, d);
  for (const d of docs.data?.pages.flatMap((p) => p.items) ?? []) all.set(d.id, d);
  const chosen = value.map((id) => all.get(id)).filter((d): d is ComplianceDocument => Boolean(d));
  const label = (d: ComplianceDocument) =>
    `${textIn(d.documentType.names, i18n.language) || d.documentType.key} · ${d.number}${
      d.expiresOn ? ` (${t('documents.until', { date: fmt.date(d.expiresOn) })})` : ''
    }`;

  return (
    <div>
      {errors.map((e) => (
        <Alert key={e} type="error" showIcon title={e} style={{ marginBottom: 8 }} />
      ))}
      {required.length > 0 ? (
        <List
          size="small"
          bordered
          style={{ marginBottom: 12 }}
          header={<Typography.Text strong>{t('editor.requiredDocuments')}</Typography.Text>}
          dataSource={required}
          renderItem={(type) => {
            const covering = chosen.find((d) => d.documentType.id === type.id && d.status === 'valid');
            return (
              <List.Item
                actions={
                  !covering && !disabled
                    ? [
                        <Button
                          key="add"
                          size="small"
                          type="link"
                          onClick={() => setAdding({ typeId: type.id })}
                        >
                          {t('editor.addDocument')}
                        </Button>,
                      ]
                    : undefined
                }
              >
                <Space>
                  {covering ? (
                    <CheckCircleFilled style={{ color: '#52c41a' }} />
                  ) : (
                    <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                  )}
                  <Typography.Text>{textIn(type.names, i18n.language) || type.key}</Typography.Text>
                  {covering && <Typography.Text type="secondary">{covering.number}</Typography.Text>}
                </Space>
              </List.Item>
            );
          }}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('editor.noRequiredDocuments')}</Typography.Paragraph>
      )}
      <Flex gap={8} align="center">
        <Select
          mode="multiple"
          aria-label={t('editor.documents')}
          placeholder={t('editor.pickDocuments')}
          style={{ flex: 1 }}
          disabled={disabled}
          loading={docs.isPending}
          value={value}
          onChange={onChange}
          optionFilterProp="label"
          options={[...all.values()].map((d) => ({
            value: d.id,
            label: label(d),
            disabled: d.status === 'expired' && !value.includes(d.id),
          }))}
          tagRender={({ value: id, closable, onClose }) => {
            const d = all.get(String(id));
            return (
              <Tag closable={closable} onClose={onClose} color={d?.status === 'expired' ? 'red' : undefined}>
                {d ? label(d) : String(id)}
                {d?.status === 'expired' && ` · ${t('documents.statuses.expired')}`}
              </Tag>
            );
          }}
        />
        {!disabled && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding({})}>
            {t('editor.newDocument')}
          </Button>
        )}
      </Flex>
      <DocumentFormModal
        open={adding !== null}
        document={null}
        presetTypeId={adding?.typeId}
        onClose={() => setAdding(null)}
        onSaved={(doc) => {
          if (!value.includes(doc.id)) onChange([...value, doc.id]);
        }}
      />
    </div>
  );
}
