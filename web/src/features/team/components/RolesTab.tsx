import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { usePermissions } from '../../../shared/api/session';
import { ConfirmButton, EmptyState, ErrorAlert } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { type PermissionDef, type Role, useDeleteRole, usePermissionDefs, useSaveRole } from '../api';
import { PermissionChecklist, usePermissionLabels } from './PermissionChecklist';
import { roleLabel } from './RoleAndStoresFields';

interface RoleValues {
  name: string;
  description?: string;
  permissions: string[];
}

function RoleModal({
  role,
  defs,
  open,
  onClose,
}: {
  role: Role | null;
  defs: PermissionDef[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('team');
  const [form] = Form.useForm<RoleValues>();
  const save = useSaveRole();
  const notify = useApiMessage();
  const readOnly = role?.builtIn ?? false;

  const onFinish = async (v: RoleValues) => {
    try {
      await save.mutateAsync({
        ...(role ? { id: role.id } : {}),
        name: v.name.trim(),
        description: v.description?.trim() ?? '',
        permissions: v.permissions,
      });
      notify.success(role ? t('roles.saved') : t('roles.created'));
      onClose();
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={readOnly ? roleLabel(t, role as Role) : role ? t('roles.editTitle') : t('roles.createTitle')}
      okText={t('common:actions.save')}
      cancelText={readOnly ? t('common:actions.close') : t('common:actions.cancel')}
      okButtonProps={{ loading: save.isPending, style: readOnly ? { display: 'none' } : undefined }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && save.reset()}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form<RoleValues>
        form={form}
        layout="vertical"
        preserve={false}
        disabled={readOnly}
        initialValues={{
          name: role ? (readOnly ? roleLabel(t, role) : role.name) : '',
          description: role?.builtIn
            ? t(`roles.descriptions.${role.id}`, { defaultValue: role.description ?? '' })
            : (role?.description ?? ''),
          permissions: role?.permissions ?? [],
        }}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('roles.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.roleNameRequired') },
            { min: 2, max: 60, message: t('validation.length', { min: 2, max: 60 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('roles.description')} rules={[{ max: 300 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('roles.permissions')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.permissionsRequired') }]}
        >
          <PermissionChecklist defs={defs} disabled={readOnly} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RolesTab({ roles, loading, error }: { roles: Role[]; loading: boolean; error: unknown }) {
  const { t } = useTranslation('team');
  const { can } = usePermissions();
  const canManage = can('team:manage');
  const defs = usePermissionDefs();
  const remove = useDeleteRole();
  const notify = useApiMessage();
  const labels = usePermissionLabels();
  const [modal, setModal] = useState<{ role: Role | null } | null>(null);
  const defByKey = new Map((defs.data ?? []).map((d) => [d.key, d]));

  const permissionTag = (key: string) => {
    const def = defByKey.get(key);
    return (
      <Tag key={key}>{def ? `${labels.resource(def.resource)} · ${labels.action(def.action)}` : key}</Tag>
    );
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('roles.hint')}</Typography.Text>
        {canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({ role: null })}
            disabled={!defs.data}
          >
            {t('roles.create')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={error ?? defs.error} />
      <Table<Role>
        rowKey="id"
        loading={loading}
        dataSource={roles}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('roles.empty')} /> }}
        expandable={{
          expandedRowRender: (r) => (
            <Space size={[4, 8]} wrap>
              {r.permissions.length > 0 ? r.permissions.map(permissionTag) : t('roles.noPermissions')}
            </Space>
          ),
        }}
        columns={[
          {
            title: t('roles.name'),
            key: 'name',
            render: (_, r) => (
              <Space>
                {r.builtIn && <LockOutlined style={{ color: '#999' }} />}
                <Typography.Text strong>{roleLabel(t, r)}</Typography.Text>
                <Tag color={r.builtIn ? 'default' : 'purple'}>
                  {r.builtIn ? t('roles.builtInTag') : t('roles.customTag')}
                </Tag>
              </Space>
            ),
          },
          {
            title: t('roles.description'),
            key: 'description',
            render: (_, r) =>
              r.builtIn
                ? t(`roles.descriptions.${r.id}`, { defaultValue: r.description ?? '' })
                : r.description || '—',
          },
          {
            title: t('roles.permissionCount'),
            key: 'count',
            render: (_, r) => r.permissions.length,
          },
          {
            title: t('common:columns.actions'),
            key: 'actions',
            align: 'right',
            render: (_, r) =>
              r.builtIn || !canManage ? (
                <Button size="small" onClick={() => setModal({ role: r })} disabled={!defs.data}>
                  {t('common:actions.view')}
                </Button>
              ) : (
                <Space>
                  <Button size="small" onClick={() => setModal({ role: r })} disabled={!defs.data}>
                    {t('common:actions.edit')}
                  </Button>
                  <ConfirmButton
                    size="small"
                    title={t('roles.deleteConfirm', { name: r.name })}
                    description={t('roles.deleteHint')}
                    loading={remove.isPending && remove.variables === r.id}
                    onConfirm={() =>
                      remove.mutate(r.id, {
                        onSuccess: () => notify.success(t('roles.deleted')),
                        onError: notify.error,
                      })
                    }
                  >
                    {t('common:actions.delete')}
                  </ConfirmButton>
                </Space>
              ),
          },
        ]}
      />
      <RoleModal
        open={modal !== null}
        role={modal?.role ?? null}
        defs={defs.data ?? []}
        onClose={() => setModal(null)}
      />
    </>
  );
}
