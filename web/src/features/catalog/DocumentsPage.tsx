import { DeleteOutlined, EditOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Drawer,
  Flex,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../shared/api/session';
import { ConfirmButton, EmptyState, ErrorAlert, PageHeader, PageLoading } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import {
  type ComplianceDocument,
  type DocumentFilters,
  downloadDocumentFile,
  textIn,
  useDeleteDocument,
  useDocument,
  useDocuments,
  useDocumentTypes,
} from './api';
import { DocumentFormModal } from './components/DocumentFormModal';
import { ProductStatusTags } from './components/ProductStatusTags';

function ExpiryCell({ doc }: { doc: ComplianceDocument }) {
  const { t } = useTranslation('catalog');
  const fmt = useFormat();
  if (!doc.expiresOn)
    return <Typography.Text type="secondary">{t('documents.noExpiryShort')}</Typography.Text>;
  const days = doc.expiresInDays;
  return (
    <Space size={4} wrap>
      <span>{fmt.date(doc.expiresOn)}</span>
      {days !== null && days < 0 && <Tag color="red">{t('documents.expiredDaysAgo', { count: -days })}</Tag>}
      {days !== null && days >= 0 && days <= 30 && (
        <Tag color="orange">{t('documents.daysLeft', { count: days })}</Tag>
      )}
    </Space>
  );
}

/** Linked products of a document. */
function LinkedProducts({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('catalog');
  const doc = useDocument(id);
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('documents.linkedTitle')} size={480}>
      {doc.isPending ? (
        <PageLoading rows={4} />
      ) : (
        <>
          <ErrorAlert error={doc.error} />
          {doc.data && (
            <List
              dataSource={doc.data.products}
              locale={{ emptyText: t('documents.noLinked') }}
              footer={
                doc.data.linkedProducts > doc.data.products.length ? (
                  <Typography.Text type="secondary">
                    {t('documents.moreLinked', { count: doc.data.linkedProducts - doc.data.products.length })}
                  </Typography.Text>
                ) : undefined
              }
              renderItem={(p) => (
                <List.Item>
                  <div>
                    <Link to={`/catalog/products/${p.id}`}>
                      {textIn(p.title, i18n.language) || `#${p.number}`}
                    </Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        #{p.number}
                      </Typography.Text>
                    </div>
                  </div>
                  <ProductStatusTags reviewState={p.reviewState} saleState={p.saleState} />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

/** 资质证书 / Документы: certificates and declarations the listings need, with their scans and expiry. */
export default function DocumentsPage() {
  const { t, i18n } = useTranslation('catalog');
  const fmt = useFormat();
  const notify = useApiMessage();
  const { can } = usePermissions();
  const canWrite = can('catalog:write');
  const types = useDocumentTypes();
  const [typeId, setTypeId] = useState<string | undefined>();
  const [status, setStatus] = useState<'valid' | 'expired' | undefined>();
  const [expiring, setExpiring] = useState(false);
  const [q, setQ] = useState('');
  const filters: DocumentFilters = {
    documentTypeId: typeId,
    status,
    expiringWithinDays: expiring ? 30 : undefined,
    q: q || undefined,
  };
  const docs = useDocuments(filters);
  const rows = docs.data?.pages.flatMap((p) => p.items) ?? [];
  const [editing, setEditing] = useState<ComplianceDocument | 'new' | null>(null);
  const [linked, setLinked] = useState<string | null>(null);
  const remove = useDeleteDocument();
  const filtered = Boolean(typeId || status || expiring || q);

  const download = async (doc: ComplianceDocument) => {
    try {
      await downloadDocumentFile(doc.id, doc.file?.name ?? `${doc.number}.pdf`);
    } catch (error) {
      notify.error(error);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('documents.title')}
        subtitle={t('documents.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('documents.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
          <Space wrap>
            <Select
              allowClear
              aria-label={t('documents.typeFilter')}
              placeholder={t('documents.allTypes')}
              style={{ width: 240 }}
              value={typeId}
              onChange={setTypeId}
              options={(types.data ?? []).map((d) => ({
                value: d.id,
                label: textIn(d.names, i18n.language) || d.key,
              }))}
            />
            <Select
              allowClear
              aria-label={t('documents.status')}
              placeholder={t('documents.allStatuses')}
              style={{ width: 160 }}
              value={status}
              onChange={setStatus}
              options={(['valid', 'expired'] as const).map((s) => ({
                value: s,
                label: t(`documents.statuses.${s}`),
              }))}
            />
            <Checkbox checked={expiring} onChange={(e) => setExpiring(e.target.checked)}>
              {t('documents.expiringSoon')}
            </Checkbox>
          </Space>
          <Input.Search
            allowClear
            aria-label={t('documents.search')}
            placeholder={t('documents.search')}
            style={{ maxWidth: 300 }}
            onSearch={(v) => setQ(v.trim())}
          />
        </Flex>
        <ErrorAlert error={docs.error} onRetry={() => docs.refetch()} />
        <Table<ComplianceDocument>
          rowKey="id"
          loading={docs.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: (
              <EmptyState
                description={filtered ? t('documents.noMatch') : t('documents.empty')}
                action={
                  !filtered &&
                  canWrite && (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                      {t('documents.create')}
                    </Button>
                  )
                }
              />
            ),
          }}
          columns={[
            {
              title: t('documents.type'),
              key: 'type',
              render: (_, d) => textIn(d.documentType.names, i18n.language) || d.documentType.key,
            },
            {
              title: t('documents.number'),
              dataIndex: 'number',
              render: (v: string) => (
                <Typography.Text copyable style={{ whiteSpace: 'nowrap' }}>
                  {v}
                </Typography.Text>
              ),
            },
            { title: t('documents.issuer'), dataIndex: 'issuer', render: (v: string | null) => v ?? '—' },
            {
              title: t('documents.issuedOn'),
              dataIndex: 'issuedOn',
              render: (v: string | null) => fmt.date(v),
            },
            { title: t('documents.expiresOn'), key: 'expires', render: (_, d) => <ExpiryCell doc={d} /> },
            {
              title: t('documents.status'),
              dataIndex: 'status',
              render: (s: ComplianceDocument['status']) => (
                <Tag color={s === 'valid' ? 'green' : 'red'}>{t(`documents.statuses.${s}`)}</Tag>
              ),
            },
            {
              title: t('documents.scan'),
              key: 'scan',
              render: (_, d) =>
                d.file ? (
                  <Button
                    size="small"
                    type="link"
                    icon={<FilePdfOutlined />}
                    onClick={() => void download(d)}
                  >
                    {t('documents.download')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('documents.noScan')}</Typography.Text>
                ),
            },
            {
              title: t('documents.linkedProducts'),
              dataIndex: 'linkedProducts',
              align: 'right',
              render: (n: number, d) =>
                n > 0 ? (
                  <Button size="small" type="link" onClick={() => setLinked(d.id)}>
                    {fmt.number(n)}
                  </Button>
                ) : (
                  '0'
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: t('common:columns.actions'),
                    key: 'actions',
                    align: 'right' as const,
                    render: (_: unknown, d: ComplianceDocument) => (
                      <Space size={4}>
                        <Tooltip title={t('common:actions.edit')}>
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            aria-label={t('common:actions.edit')}
                            onClick={() => setEditing(d)}
                          />
                        </Tooltip>
                        <Tooltip title={d.linkedProducts > 0 ? t('documents.cannotDelete') : undefined}>
                          <span>
                            <ConfirmButton
                              size="small"
                              icon={<DeleteOutlined />}
                              aria-label={t('common:actions.delete')}
                              disabled={d.linkedProducts > 0}
                              title={t('documents.deleteConfirm', { number: d.number })}
                              onConfirm={() =>
                                remove.mutate(d.id, {
                                  onSuccess: () => notify.success(t('documents.deleted')),
                                  onError: notify.error,
                                })
                              }
                            >
                              {null}
                            </ConfirmButton>
                          </span>
                        </Tooltip>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {docs.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => docs.fetchNextPage()} loading={docs.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
      <DocumentFormModal
        open={editing !== null}
        document={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <LinkedProducts id={linked} onClose={() => setLinked(null)} />
    </div>
  );
}
