import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../shared/api/session';
import { ErrorAlert, PageHeader } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useDeleteWarehouse, useSaveWarehouse, useWarehouses, type Warehouse } from './api';
import { WarehouseFormModal } from './components/WarehouseFormModal';
import { WarehouseTable } from './components/WarehouseTable';

/** The seller's own warehouses (editable) and the platform's fulfilment warehouses (to send stock to). */
export default function WarehousesPage() {
  const { t } = useTranslation('inventory');
  const { can } = usePermissions();
  const canWrite = can('inventory:write');
  const warehouses = useWarehouses();
  const save = useSaveWarehouse();
  const remove = useDeleteWarehouse();
  const notify = useApiMessage();
  const [editing, setEditing] = useState<Warehouse | 'new' | null>(null);

  return (
    <div>
      <PageHeader
        title={t('warehouses.title')}
        subtitle={t('warehouses.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('warehouses.add')}
            </Button>
          )
        }
      />
      <Card>
        <ErrorAlert error={warehouses.error} onRetry={() => warehouses.refetch()} />
        <WarehouseTable
          rows={warehouses.data ?? []}
          loading={warehouses.isPending}
          canEdit={(w) => canWrite && w.kind === 'own'}
          onEdit={setEditing}
          onDelete={(w) =>
            remove.mutateAsync(w.id).then(
              () => notify.success(t('warehouses.deleted')),
              (err) => notify.error(err),
            )
          }
        />
      </Card>
      <WarehouseFormModal
        open={editing !== null}
        warehouse={editing === 'new' ? null : editing}
        saving={save.isPending}
        onSave={(body) => save.mutateAsync({ id: editing === 'new' ? undefined : editing?.id, body })}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
