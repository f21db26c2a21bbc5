import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert } from '../../../shared/components';
import { useFormat } from '../../../shared/lib/format';
import { type AuditEntry, type AuditFilters, type AuditScope, useAuditLog } from '../api';

const ENTITY_TYPES: Record<AuditScope, string[]> = {
  seller: ['seller', 'store', 'member', 'invitation', 'role', 'user', 'session'],
  platform: ['seller', 'operator', 'store', 'user'],
};

function renderValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function ChangesTable({ changes }: { changes: AuditEntry['changes'] }) {
  const { t } = useTranslation('audit');
  const rows = Object.entries(changes ?? {}).map(([field, change]) => ({ field, ...change }));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('noChanges')}</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 900 }}
      columns={[
        {
          title: t('diff.field'),
          dataIndex: 'field',
          render: (f: string) => <Typography.Text code>{f}</Typography.Text>,
        },
        {
          title: t('diff.from'),
          dataIndex: 'from',
          render: (v: unknown) => (
            <Typography.Text delete type="secondary">
              {renderValue(v)}
            </Typography.Text>
          ),
        },
        {
          title: t('diff.to'),
          dataIndex: 'to',
          render: (v: unknown) => <Typography.Text strong>{renderValue(v)}</Typography.Text>,
        },
      ]}
    />
  );
}

interface FilterValues {
  action?: string;
  entityType?: string;
  actorId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The audit log with filters, keyset "load more" and an expandable from→to diff per row. */
export function AuditLogView({
  scope,
  actors,
}: {
  scope: AuditScope;
  actors?: { value: string; label: string }[];
}) {
  const { t } = useTranslation('audit');
  const fmt = useFormat();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [form] = Form.useForm<FilterValues>();
  const log = useAuditLog(scope, filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (v: FilterValues) => {
    const next: AuditFilters = {};
    if (v.action?.trim()) next.action = v.action.trim();
    if (v.entityType) next.entityType = v.entityType;
    if (v.actorId?.trim()) next.actorId = v.actorId.trim();
    if (v.range?.[0]) next.from = v.range[0].startOf('day').toISOString();
    if (v.range?.[1]) next.to = v.range[1].endOf('day').toISOString();
    setFilters(next);
  };

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Form<FilterValues> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
          <Form.Item name="action" label={t('filters.action')}>
            <Input placeholder={t('filters.actionPlaceholder')} allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="entityType" label={t('filters.entityType')}>
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('filters.any')}
              options={ENTITY_TYPES[scope].map((e) => ({
                value: e,
                label: t(`entities.${e}`, { defaultValue: e }),
              }))}
            />
          </Form.Item>
          <Form.Item name="actorId" label={t('filters.actor')}>
            {actors ? (
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 220 }}
                placeholder={t('filters.any')}
                options={actors}
              />
            ) : (
              <Input placeholder={t('filters.actorIdPlaceholder')} allowClear style={{ width: 220 }} />
            )}
          </Form.Item>
          <Form.Item name="range" label={t('filters.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('filters.apply')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('filters.reset')}
              </Button>
            </Flex>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={log.error} onRetry={() => log.refetch()} />
      <Card>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={log.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('empty')} /> }}
          expandable={{
            expandedRowRender: (r) => <ChangesTable changes={r.changes} />,
            rowExpandable: (r) => Object.keys(r.changes ?? {}).length > 0,
          }}
          columns={[
            {
              title: t('columns.time'),
              dataIndex: 'createdAt',
              width: 190,
              render: (v: string) => fmt.dateTime(v),
            },
            {
              title: t('columns.actor'),
              key: 'actor',
              render: (_, r) => (
                <span>
                  {r.actorLabel ?? '—'}{' '}
                  <Tag>{t(`actorKinds.${r.actorKind}`, { defaultValue: r.actorKind })}</Tag>
                </span>
              ),
            },
            {
              title: t('columns.action'),
              dataIndex: 'action',
              render: (a: string) => (
                <span>
                  {t(`actions.${a.replaceAll('.', '_')}`, { defaultValue: '' }) || null}{' '}
                  <Typography.Text code>{a}</Typography.Text>
                </span>
              ),
            },
            {
              title: t('columns.entity'),
              key: 'entity',
              render: (_, r) => (
                <span>
                  {t(`entities.${r.entityType}`, { defaultValue: r.entityType })}
                  {r.entityId && (
                    <Typography.Text
                      type="secondary"
                      copyable={{ text: r.entityId }}
                      style={{ marginInlineStart: 6, fontSize: 12 }}
                    >
                      {r.entityId.slice(0, 8)}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: t('columns.changes'),
              key: 'changes',
              render: (_, r) => {
                const n = Object.keys(r.changes ?? {}).length;
                return n > 0 ? t('columns.changedFields', { n }) : '—';
              },
            },
            { title: t('columns.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          ]}
        />
        {log.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
              {t('common:actions.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
