import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Row, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { applyFormErrors } from '../../shared/api/problem';
import { usePermissions } from '../../shared/api/session';
import { EmptyState, ErrorAlert, PageHeader, PageLoading } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import {
  type CategoryNode,
  useCategoryTree,
  usePlatformSettings,
  useUpdatePlatformSettings,
} from './catalogApi';
import { CategoryEditor } from './components/CategoryEditor';
import { bpsToPercent, CreateCategoryModal } from './components/categoryForms';
import { localName } from './components/TranslatedFields';

/** Operators: the category tree on the left, the selected category's editor on the right. */
export default function CategoriesPage() {
  const { t, i18n } = useTranslation('catalogConfig');
  const { can } = usePermissions();
  const canManage = can('catalog_config:manage');
  const tree = useCategoryTree();
  const [params, setParams] = useSearchParams();
  const selected = params.get('id');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState<{ parentId: string | null } | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const items = tree.data?.items ?? [];

  const select = (id: string | null) => setParams(id ? { id } : {}, { replace: true });

  const treeData = useMemo(
    () => buildTree(items, search, i18n.language, t),
    [items, search, i18n.language, t],
  );

  return (
    <div>
      <PageHeader
        title={t('categories.title')}
        subtitle={t('categories.subtitle')}
        extra={
          <>
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
              {t('settings.button')}
            </Button>
            {canManage && (
              <Button type="primary" onClick={() => setCreating({ parentId: null })}>
                {t('categories.new')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={tree.error} onRetry={() => tree.refetch()} />
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card>
            <Input.Search
              allowClear
              placeholder={t('categories.search')}
              aria-label={t('categories.search')}
              onChange={(e) => setSearch(e.target.value.trim().toLowerCase())}
              style={{ marginBottom: 12 }}
            />
            {tree.isPending ? (
              <PageLoading />
            ) : items.length === 0 ? (
              <EmptyState
                description={t('categories.empty')}
                action={
                  canManage && (
                    <Button type="primary" onClick={() => setCreating({ parentId: null })}>
                      {t('categories.new')}
                    </Button>
                  )
                }
              />
            ) : treeData.length === 0 ? (
              <EmptyState description={t('categories.noMatch')} />
            ) : (
              <Tree
                key={search}
                showLine
                blockNode
                defaultExpandAll={Boolean(search) || items.length <= 60}
                defaultExpandedKeys={selected ? (items.find((c) => c.id === selected)?.path ?? []) : []}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => select((keys[0] as string | undefined) ?? null)}
                treeData={treeData}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card>
            {selected && items.some((c) => c.id === selected) ? (
              <CategoryEditor
                id={selected}
                items={items}
                canManage={canManage}
                onAddChild={(parentId) => setCreating({ parentId })}
              />
            ) : (
              <EmptyState description={t('categories.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
      <CreateCategoryModal
        open={creating !== null}
        parentId={creating?.parentId ?? null}
        items={items}
        onClose={() => setCreating(null)}
        onCreated={(id) => select(id)}
      />
      <SettingsModal open={settingsOpen} canManage={canManage} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}

function buildTree(
  items: CategoryNode[],
  search: string,
  language: string,
  t: (key: string, opts?: Record<string, unknown>) => string,
): DataNode[] {
  const matches = (c: CategoryNode) =>
    !search ||
    c.slug.includes(search) ||
    Object.values(c.names).some((n) => n?.toLowerCase().includes(search));
  // A match keeps its ancestors visible.
  const visible = new Set<string>();
  for (const c of items) if (matches(c)) for (const id of c.path) visible.add(id);
  const byParent = new Map<string | null, CategoryNode[]>();
  for (const c of items) {
    if (!visible.has(c.id)) continue;
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  const build = (parent: string | null): DataNode[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.id);
      return {
        key: c.id,
        title: (
          <Flex gap={6} align="center" wrap>
            <span style={{ opacity: c.active ? 1 : 0.55 }}>{localName(c.names, language) || c.slug}</span>
            {!c.active && <Tag style={{ marginInlineEnd: 0 }}>{t('state.inactive')}</Tag>}
            {c.commissionBps !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {bpsToPercent(c.commissionBps)}%
              </Typography.Text>
            )}
          </Flex>
        ),
        ...(children.length ? { children } : {}),
      };
    });
  return build(null);
}

function SettingsModal({
  open,
  canManage,
  onClose,
}: {
  open: boolean;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('catalogConfig');
  const settings = usePlatformSettings();
  const update = useUpdatePlatformSettings();
  const notify = useApiMessage();
  const [form] = Form.useForm<{ priceQuarantineFactor: number }>();

  return (
    <Modal
      open={open}
      title={t('settings.title')}
      okText={t('actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: update.isPending, disabled: !canManage }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={settings.error ?? update.error} />
      {settings.data && (
        <Form
          form={form}
          layout="vertical"
          disabled={!canManage}
          preserve={false}
          initialValues={settings.data}
          onFinish={async (v) => {
            try {
              await update.mutateAsync({ priceQuarantineFactor: v.priceQuarantineFactor });
              notify.success(t('saved'));
              onClose();
            } catch (error) {
              applyFormErrors(form, error);
            }
          }}
        >
          <Form.Item
            name="priceQuarantineFactor"
            label={t('settings.priceQuarantineFactor')}
            extra={t('settings.priceQuarantineHint')}
            rules={[
              { required: true, message: t('validation.factor') },
              { type: 'number', min: 1.01, max: 100, message: t('validation.factor') },
            ]}
          >
            <InputNumber min={1.01} max={100} step={0.5} precision={2} prefix="×" style={{ width: 200 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
