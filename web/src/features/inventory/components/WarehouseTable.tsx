import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmButton, EmptyState } from '../../../shared/components';
import { useFormat } from '../../../shared/lib/format';
import type { Warehouse } from '../api';

interface Props {
  rows: Warehouse[];
  loading: boolean;
  /** Rows the viewer may change (own ones for sellers, all for operators with the permission). */
  canEdit: (w: Warehouse) => boolean;
  onEdit: (w: Warehouse) => void;
  onDelete: (w: Warehouse) => void;
}

export function addressLine(w: Warehouse, country: (code: string) => string): string {
  const a = w.address;
  return [a.line1, a.line2, a.city, a.region, a.postalCode, country(a.country)].filter(Boolean).join(', ');
}

/** Warehouses with kind, address, handling days and state. */
export function WarehouseTable({ rows, loading, canEdit, onEdit, onDelete }: Props) {
  const { t } = useTranslation('inventory');
  const fmt = useFormat();
  return (
    <Table<Warehouse>
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <EmptyState description={t('warehouses.empty')} /> }}
      columns={[
        {
          title: t('warehouses.code'),
          dataIndex: 'code',
          render: (code: string, w) => (
            <div>
              <Typography.Text strong>{code}</Typography.Text>
              <div>
                <Typography.Text type="secondary">{w.name}</Typography.Text>
              </div>
            </div>
          ),
        },
        {
          title: t('warehouses.kind'),
          dataIndex: 'kind',
          render: (kind: string) => (
            <Tag color={kind === 'platform' ? 'blue' : 'default'}>{t(`warehouses.kinds.${kind}`)}</Tag>
          ),
        },
        { title: t('warehouses.address'), key: 'address', render: (_, w) => addressLine(w, fmt.country) },
        {
          title: t('warehouses.handlingDays'),
          dataIndex: 'handlingDays',
          align: 'right',
          render: (d: number) => t('warehouses.days', { count: d }),
        },
        {
          title: t('warehouses.active'),
          dataIndex: 'active',
          render: (active: boolean) =>
            active ? (
              <Tag color="green">{t('warehouses.activeYes')}</Tag>
            ) : (
              <Tag>{t('warehouses.activeNo')}</Tag>
            ),
        },
        {
          title: t('common:columns.actions'),
          key: 'actions',
          align: 'right',
          render: (_, w) =>
            canEdit(w) ? (
              <Flex gap={8} justify="flex-end">
                <Button size="small" onClick={() => onEdit(w)}>
                  {t('common:actions.edit')}
                </Button>
                <ConfirmButton
                  size="small"
                  title={t('warehouses.deleteConfirm', { code: w.code })}
                  onConfirm={() => onDelete(w)}
                >
                  {t('common:actions.delete')}
                </ConfirmButton>
              </Flex>
            ) : null,
        },
      ]}
    />
  );
}
