import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/api/problem';
import { usePermissions } from '../../shared/api/session';
import { ConfirmButton, EmptyState, ErrorAlert, PageHeader } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { KEY_PATTERN } from './AttributesPage';
import {
  type RejectionReason,
  type Translated,
  useRejectionReasons,
  useReorderRejectionReasons,
  useSaveRejectionReason,
  useSetRejectionReasonActive,
} from './catalogApi';
import { requiredNames, TranslatedFields, useLocalName } from './components/TranslatedFields';

type Filter = 'all' | 'active' | 'inactive';

/** Operators: the reasons reviewers pick when rejecting a listing, in the order they are offered. */
export default function RejectionReasonsPage() {
  const { t } = useTranslation('catalogConfig');
  const name = useLocalName();
  const { can } = usePermissions();
  const canManage = can('catalog_config:manage');
  const list = useRejectionReasons();
  const reorder = useReorderRejectionReasons();
  const setActive = useSetRejectionReasonActive();
  const notify = useApiMessage();
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<RejectionReason | 'new' | null>(null);
  const all = list.data?.items ?? [];
  const rows = all.filter((r) => filter === 'all' || r.active === (filter === 'active'));

  const move = async (id: string, delta: -1 | 1) => {
    const ids = all.map((r) => r.id);
    const from = ids.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
    try {
      await reorder.mutateAsync(ids);
    } catch (error) {
      notify.error(error);
    }
  };

  const toggle = async (r: RejectionReason) => {
    try {
      await setActive.mutateAsync({ id: r.id, active: !r.active });
      notify.success(r.active ? t('reasons.deactivated') : t('reasons.activated'));
    } catch (error) {
      notify.error(error);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('reasons.title')}
        subtitle={t('reasons.subtitle')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('reasons.new')}
            </Button>
          )
        }
      />
      <Card>
        <Segmented<Filter>
          style={{ marginBottom: 16 }}
          value={filter}
          onChange={setFilter}
          options={(['all', 'active', 'inactive'] as const).map((v) => ({
            value: v,
            label: t(`filter.${v}`),
          }))}
        />
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        <Table<RejectionReason>
          rowKey="id"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          locale={{
            emptyText: (
              <EmptyState
                description={t('reasons.empty')}
                action={
                  canManage &&
                  filter === 'all' && (
                    <Button type="primary" onClick={() => setEditing('new')}>
                      {t('reasons.new')}
                    </Button>
                  )
                }
              />
            ),
          }}
          columns={[
            ...(canManage && filter === 'all'
              ? [
                  {
                    title: t('fields.order'),
                    key: 'order',
                    width: 90,
                    render: (_: unknown, r: RejectionReason, index: number) => (
                      <Space size={0}>
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowUpOutlined />}
                          disabled={index === 0 || reorder.isPending}
                          aria-label={t('actions.moveUp')}
                          onClick={() => move(r.id, -1)}
                        />
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowDownOutlined />}
                          disabled={index === rows.length - 1 || reorder.isPending}
                          aria-label={t('actions.moveDown')}
                          onClick={() => move(r.id, 1)}
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
            {
              title: t('fields.text'),
              key: 'name',
              render: (_, r) => (
                <div style={{ opacity: r.active ? 1 : 0.6 }}>
                  {name(r.names)}
                  <div>
                    <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                      {r.key}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('fields.state'),
              key: 'state',
              width: 120,
              render: (_, r) => (
                <Tag color={r.active ? 'green' : 'default'}>
                  {r.active ? t('state.active') : t('state.inactive')}
                </Tag>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: t('common:columns.actions'),
                    key: 'actions',
                    align: 'right' as const,
                    render: (_: unknown, r: RejectionReason) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing(r)}>
                          {t('actions.edit')}
                        </Button>
                        {r.active ? (
                          <ConfirmButton
                            size="small"
                            title={t('reasons.deactivateConfirm')}
                            description={t('reasons.deactivateHint')}
                            okText={t('actions.deactivate')}
                            onConfirm={() => toggle(r)}
                          >
                            {t('actions.deactivate')}
                          </ConfirmButton>
                        ) : (
                          <Button size="small" onClick={() => toggle(r)}>
                            {t('actions.activate')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ReasonModal
        reason={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

function ReasonModal({
  reason,
  open,
  onClose,
}: {
  reason: RejectionReason | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('catalogConfig');
  const [form] = Form.useForm<{ key: string; names: Translated }>();
  const save = useSaveRejectionReason();
  const notify = useApiMessage();

  return (
    <Modal
      open={open}
      width={640}
      title={reason ? t('reasons.editTitle') : t('reasons.createTitle')}
      okText={reason ? t('actions.save') : t('actions.create')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && save.reset()}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={reason ? { key: reason.key, names: reason.names } : {}}
        onFinish={async (v) => {
          try {
            await save.mutateAsync({ id: reason?.id, key: v.key?.trim(), names: requiredNames(v.names) });
            notify.success(reason ? t('saved') : t('reasons.created'));
            onClose();
          } catch (error) {
            applyFormErrors(form, error);
          }
        }}
      >
        <Form.Item
          name="key"
          label={t('fields.key')}
          extra={reason ? t('reasons.keyFixed') : t('reasons.keyHint')}
          rules={[
            { required: true, message: t('validation.keyRequired') },
            { pattern: KEY_PATTERN, message: t('validation.key') },
          ]}
        >
          <Input disabled={Boolean(reason)} />
        </Form.Item>
        <TranslatedFields name="names" label={t('fields.text')} max={200} />
      </Form>
    </Modal>
  );
}
