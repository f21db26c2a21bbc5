import {
  Alert,
  Breadcrumb,
  Button,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { ConfirmButton, EmptyState, ErrorAlert, PageLoading } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import {
  type CategoryDetail,
  type CategoryNode,
  LANGS,
  type Lang,
  type Translated,
  useAttributes,
  useCategoryDetail,
  useDocumentTypes,
  useRemoveCategoryAttribute,
  useRemoveCategoryDocumentType,
  useSetCategoryActive,
  useSetCategoryAttribute,
  useSetCategoryDocumentType,
  useUpdateCategory,
  VARIANT_TYPES,
} from '../catalogApi';
import { bpsToPercent, percentToBps, RuleFields, SLUG_PATTERN, useCategoryOptions } from './categoryForms';
import { requiredNames, TranslatedFields, useLocalName } from './TranslatedFields';

interface Props {
  id: string;
  items: CategoryNode[];
  canManage: boolean;
  onAddChild: (parentId: string) => void;
}

/** The side panel: one category's names, place in the tree, rules, attributes and documents. */
export function CategoryEditor({ id, items, canManage, onAddChild }: Props) {
  const { t } = useTranslation('catalogConfig');
  const name = useLocalName();
  const detail = useCategoryDetail(id);
  const setActive = useSetCategoryActive();
  const notify = useApiMessage();

  if (detail.isPending) return <PageLoading />;
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} />;
  const d = detail.data;
  const c = d.category;
  const node = items.find((i) => i.id === id);
  const descendants = items.filter((i) => i.path.includes(id) && i.id !== id).length;

  const toggle = async () => {
    try {
      const out = await setActive.mutateAsync({ id, active: !c.active });
      notify.success(
        c.active
          ? t('categories.deactivated', { count: out.changed })
          : t('categories.activated', { count: out.changed }),
      );
    } catch (error) {
      notify.error(error);
    }
  };

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={d.effective.breadcrumb.map((b) => ({ key: b.id, title: name(b.names) }))}
      />
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Space size={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {name(c.names)}
          </Typography.Title>
          <Tag color={c.active ? 'green' : 'default'}>
            {c.active ? t('state.active') : t('state.inactive')}
          </Tag>
          {d.effective.isLeaf && <Tag color="blue">{t('categories.leaf')}</Tag>}
          <Typography.Text type="secondary" copyable={{ text: c.slug }}>
            {c.slug}
          </Typography.Text>
        </Space>
        {canManage && (
          <Space wrap>
            <Button disabled={!c.active} onClick={() => onAddChild(id)}>
              {t('categories.addChild')}
            </Button>
            {c.active ? (
              <ConfirmButton
                title={t('categories.deactivateConfirm', { name: name(c.names) })}
                description={
                  descendants > 0
                    ? t('categories.deactivateSubtree', { count: descendants })
                    : t('categories.deactivateHint')
                }
                okText={t('actions.deactivate')}
                loading={setActive.isPending}
                onConfirm={toggle}
              >
                {t('actions.deactivate')}
              </ConfirmButton>
            ) : (
              <ConfirmButton
                danger={false}
                title={t('categories.activateConfirm', { name: name(c.names) })}
                description={
                  descendants > 0 ? t('categories.activateSubtree', { count: descendants }) : undefined
                }
                okText={t('actions.activate')}
                loading={setActive.isPending}
                onConfirm={toggle}
              >
                {t('actions.activate')}
              </ConfirmButton>
            )}
          </Space>
        )}
      </Flex>
      <Tabs
        items={[
          {
            key: 'general',
            label: t('categories.tabs.general'),
            children: <GeneralTab detail={d} items={items} canManage={canManage} key={c.updatedAt} />,
          },
          {
            key: 'rules',
            label: t('categories.tabs.rules'),
            children: <RulesTab detail={d} items={items} canManage={canManage} key={c.updatedAt} />,
          },
          {
            key: 'attributes',
            label: `${t('categories.tabs.attributes')} (${d.effective.attributes.length})`,
            children: <AttributesTab detail={d} items={items} canManage={canManage} key={c.id} />,
          },
          {
            key: 'documents',
            label: `${t('categories.tabs.documents')} (${d.effective.documentTypes.length})`,
            children: <DocumentsTab detail={d} items={items} canManage={canManage} key={c.id} />,
          },
        ]}
      />
      {node && node.childCount > 0 && (
        <Typography.Text type="secondary">
          {t('categories.childCount', { count: node.childCount })}
        </Typography.Text>
      )}
    </div>
  );
}

interface TabProps {
  detail: CategoryDetail;
  items: CategoryNode[];
  canManage: boolean;
}

function GeneralTab({ detail, items, canManage }: TabProps) {
  const { t } = useTranslation('catalogConfig');
  const c = detail.category;
  const [form] = Form.useForm<{ names: Translated; slug: string; parentId?: string; position: number }>();
  const update = useUpdateCategory();
  const notify = useApiMessage();
  const options = useCategoryOptions(items, c.id);

  const onFinish = async (v: { names: Translated; slug: string; parentId?: string; position: number }) => {
    try {
      await update.mutateAsync({
        id: c.id,
        body: {
          names: requiredNames(v.names),
          slug: v.slug.trim(),
          position: v.position,
          ...((v.parentId ?? null) !== c.parentId ? { parentId: v.parentId ?? null } : {}),
        },
      });
      notify.success(t('saved'));
    } catch (error) {
      if (!applyFormErrors(form, error)) notify.error(error);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!canManage}
      initialValues={{
        names: c.names,
        slug: c.slug,
        parentId: c.parentId ?? undefined,
        position: c.position,
      }}
      onFinish={onFinish}
    >
      <TranslatedFields name="names" label={t('fields.name')} compact />
      <Flex gap={12} wrap>
        <Form.Item
          name="slug"
          label={t('fields.slug')}
          style={{ flex: '1 1 220px' }}
          rules={[
            { required: true, message: t('validation.slugRequired') },
            { pattern: SLUG_PATTERN, message: t('validation.slug') },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="position" label={t('fields.position')} style={{ width: 140 }}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="parentId" label={t('fields.parent')} extra={t('categories.moveHint')}>
        <TreeSelect
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeData={options}
          treeDefaultExpandAll
          placeholder={t('categories.topLevel')}
        />
      </Form.Item>
      {canManage && (
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('actions.save')}
        </Button>
      )}
    </Form>
  );
}

type RuleKey = 'commissionBps' | 'minImages' | 'maxImages' | 'requiredLanguages';

function RulesTab({ detail, items, canManage }: TabProps) {
  const { t } = useTranslation('catalogConfig');
  const name = useLocalName();
  const c = detail.category;
  const e = detail.effective;
  const [form] = Form.useForm();
  const update = useUpdateCategory();
  const notify = useApiMessage();
  const [inheritLanguages, setInheritLanguages] = useState(c.requiredLanguages === null);

  const source = (key: RuleKey) => {
    const from = detail.ruleSources[key];
    if (from === c.id) return <Tag color="blue">{t('rules.own')}</Tag>;
    if (!from) return <Tag>{t('rules.platformDefault')}</Tag>;
    const owner = items.find((i) => i.id === from);
    return <Tag>{t('rules.inheritedFrom', { name: owner ? name(owner.names) : '…' })}</Tag>;
  };

  const onFinish = async (v: {
    commissionPct: number | null;
    minImages: number | null;
    maxImages: number | null;
    requiredLanguages?: Lang[];
  }) => {
    try {
      await update.mutateAsync({
        id: c.id,
        body: {
          commissionBps: v.commissionPct == null ? null : percentToBps(v.commissionPct),
          minImages: v.minImages ?? null,
          maxImages: v.maxImages ?? null,
          requiredLanguages: inheritLanguages ? null : (v.requiredLanguages ?? []),
        },
      });
      notify.success(t('saved'));
    } catch (error) {
      if (!applyFormErrors(form, error)) notify.error(error);
    }
  };

  return (
    <div>
      <Descriptions
        size="small"
        bordered
        column={1}
        style={{ marginBottom: 16 }}
        title={t('rules.effective')}
      >
        <Descriptions.Item label={t('rules.commission')}>
          <Space>
            {bpsToPercent(e.commissionBps)} %{source('commissionBps')}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.images')}>
          <Space wrap>
            {t('rules.imagesRange', { min: e.minImages, max: e.maxImages })}
            {source('minImages')}
            {detail.ruleSources.maxImages !== detail.ruleSources.minImages && source('maxImages')}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('rules.requiredLanguages')}>
          <Space wrap>
            {e.requiredLanguages.length
              ? e.requiredLanguages.map((l) => <Tag key={l}>{t(`lang.${l}`)}</Tag>)
              : t('rules.noLanguages')}
            {source('requiredLanguages')}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('rules.ownHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        disabled={!canManage}
        initialValues={{
          commissionPct: c.commissionBps == null ? null : bpsToPercent(c.commissionBps),
          minImages: c.minImages,
          maxImages: c.maxImages,
          requiredLanguages: c.requiredLanguages ?? [],
        }}
        onFinish={onFinish}
      >
        <RuleFields />
        <Form.Item label={t('rules.requiredLanguages')}>
          <Space orientation="vertical">
            <Checkbox checked={inheritLanguages} onChange={(ev) => setInheritLanguages(ev.target.checked)}>
              {t('rules.inherit')}
            </Checkbox>
            <Form.Item name="requiredLanguages" noStyle>
              <Checkbox.Group
                disabled={inheritLanguages || !canManage}
                options={LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
              />
            </Form.Item>
          </Space>
        </Form.Item>
        {canManage && (
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('actions.save')}
          </Button>
        )}
      </Form>
    </div>
  );
}

function SourceTag({
  sourceId,
  own,
  inherited,
  items,
}: {
  sourceId: string;
  own: boolean;
  inherited: boolean;
  items: CategoryNode[];
}) {
  const { t } = useTranslation('catalogConfig');
  const name = useLocalName();
  if (own) return <Tag color="blue">{inherited ? t('links.override') : t('links.own')}</Tag>;
  const owner = items.find((i) => i.id === sourceId);
  return <Tag>{t('rules.inheritedFrom', { name: owner ? name(owner.names) : '…' })}</Tag>;
}

function AttributesTab({ detail, items, canManage }: TabProps) {
  const { t } = useTranslation('catalogConfig');
  const name = useLocalName();
  const c = detail.category;
  const setLink = useSetCategoryAttribute();
  const removeLink = useRemoveCategoryAttribute();
  const notify = useApiMessage();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState<string | undefined>();
  const [addRequired, setAddRequired] = useState(false);
  const [addVariant, setAddVariant] = useState(false);
  const candidates = useAttributes(search ? { q: search } : {});
  const linked = new Set(detail.attributeLinks.map((l) => l.attributeId));
  const options = (candidates.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((a) => !linked.has(a.id))
    .map((a) => ({ value: a.id, label: `${name(a.names)} (${a.key})`, type: a.type }));
  const addingType = options.find((o) => o.value === adding)?.type;

  const run = async (p: Promise<unknown>, ok = t('saved')) => {
    try {
      await p;
      notify.success(ok);
    } catch (error) {
      notify.error(error);
    }
  };

  type Link = CategoryDetail['attributeLinks'][number];
  const put = (l: Link, patch: Partial<Pick<Link, 'required' | 'variant' | 'excluded'>>) =>
    run(
      setLink.mutateAsync({
        categoryId: c.id,
        attributeId: l.attributeId,
        body: {
          required: patch.required ?? l.required,
          variant: patch.variant ?? l.variant,
          excluded: patch.excluded ?? false,
          position: l.position,
        },
      }),
    );

  return (
    <div>
      <Typography.Paragraph type="secondary">{t('links.attributesHint')}</Typography.Paragraph>
      {canManage && (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            value={adding}
            onChange={setAdding}
            options={options}
            loading={candidates.isFetching}
            placeholder={t('links.pickAttribute')}
            style={{ minWidth: 260, flex: 1 }}
            aria-label={t('links.pickAttribute')}
            notFoundContent={<EmptyState description={t('attributes.empty')} />}
          />
          <Checkbox checked={addRequired} onChange={(ev) => setAddRequired(ev.target.checked)}>
            {t('links.required')}
          </Checkbox>
          <Checkbox
            checked={addVariant}
            disabled={!addingType || !VARIANT_TYPES.includes(addingType)}
            onChange={(ev) => setAddVariant(ev.target.checked)}
          >
            {t('links.variant')}
          </Checkbox>
          <Button
            type="primary"
            disabled={!adding}
            loading={setLink.isPending}
            onClick={async () => {
              if (!adding) return;
              await run(
                setLink.mutateAsync({
                  categoryId: c.id,
                  attributeId: adding,
                  body: {
                    required: addRequired,
                    variant: addVariant && !!addingType && VARIANT_TYPES.includes(addingType),
                    position: detail.attributeLinks.length,
                  },
                }),
                t('links.attached'),
              );
              setAdding(undefined);
              setAddRequired(false);
              setAddVariant(false);
            }}
          >
            {t('links.attach')}
          </Button>
        </Flex>
      )}
      <Table<Link>
        rowKey="attributeId"
        size="small"
        pagination={false}
        dataSource={detail.attributeLinks}
        locale={{ emptyText: <EmptyState description={t('links.noAttributes')} /> }}
        rowClassName={(l) => (l.excluded ? 'ant-table-row-disabled' : '')}
        columns={[
          {
            title: t('fields.attribute'),
            key: 'name',
            render: (_, l) => (
              <div style={{ opacity: l.excluded ? 0.5 : 1 }}>
                {name(l.names)}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {l.key} · {t(`types.${l.type}`)}
                    {l.unit ? ` (${l.unit})` : ''}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('links.required'),
            key: 'required',
            width: 100,
            render: (_, l) => (
              <Switch
                size="small"
                checked={l.required}
                disabled={!canManage || l.excluded}
                aria-label={t('links.required')}
                onChange={(v) => put(l, { required: v })}
              />
            ),
          },
          {
            title: t('links.variant'),
            key: 'variant',
            width: 100,
            render: (_, l) => (
              <Switch
                size="small"
                checked={l.variant}
                disabled={!canManage || l.excluded || !VARIANT_TYPES.includes(l.type)}
                aria-label={t('links.variant')}
                onChange={(v) => put(l, { variant: v })}
              />
            ),
          },
          {
            title: t('links.source'),
            key: 'source',
            render: (_, l) => (
              <Space size={4} wrap>
                <SourceTag sourceId={l.sourceCategoryId} own={l.own} inherited={l.inherited} items={items} />
                {l.excluded && <Tag color="red">{t('links.excluded')}</Tag>}
              </Space>
            ),
          },
          ...(canManage
            ? [
                {
                  title: t('common:columns.actions'),
                  key: 'actions',
                  align: 'right' as const,
                  render: (_: unknown, l: Link) => (
                    <Space size={4} wrap>
                      {!l.own && (
                        <ConfirmButton
                          size="small"
                          title={t('links.excludeConfirm', { name: name(l.names) })}
                          description={t('links.excludeHint')}
                          onConfirm={() => put(l, { excluded: true })}
                        >
                          {t('links.exclude')}
                        </ConfirmButton>
                      )}
                      {l.own && (
                        <ConfirmButton
                          size="small"
                          danger={!l.inherited}
                          title={
                            l.excluded
                              ? t('links.restoreConfirm', { name: name(l.names) })
                              : l.inherited
                                ? t('links.revertConfirm', { name: name(l.names) })
                                : t('links.detachConfirm', { name: name(l.names) })
                          }
                          onConfirm={() =>
                            run(removeLink.mutateAsync({ categoryId: c.id, attributeId: l.attributeId }))
                          }
                        >
                          {l.excluded
                            ? t('links.restore')
                            : l.inherited
                              ? t('links.revert')
                              : t('links.detach')}
                        </ConfirmButton>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function DocumentsTab({ detail, items, canManage }: TabProps) {
  const { t } = useTranslation('catalogConfig');
  const name = useLocalName();
  const c = detail.category;
  const docs = useDocumentTypes();
  const setLink = useSetCategoryDocumentType();
  const removeLink = useRemoveCategoryDocumentType();
  const notify = useApiMessage();
  const [adding, setAdding] = useState<string | undefined>();
  const linked = new Set(detail.documentTypeLinks.map((l) => l.documentTypeId));
  const options = (docs.data?.items ?? [])
    .filter((d) => !linked.has(d.id))
    .map((d) => ({ value: d.id, label: `${name(d.names)} (${d.key})` }));

  const run = async (p: Promise<unknown>, ok = t('saved')) => {
    try {
      await p;
      notify.success(ok);
    } catch (error) {
      notify.error(error);
    }
  };

  type Link = CategoryDetail['documentTypeLinks'][number];
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('links.documentsHint')}</Typography.Paragraph>
      <ErrorAlert error={docs.error} onRetry={() => docs.refetch()} />
      {canManage && (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={adding}
            onChange={setAdding}
            options={options}
            placeholder={t('links.pickDocument')}
            aria-label={t('links.pickDocument')}
            style={{ minWidth: 260, flex: 1 }}
            notFoundContent={<EmptyState description={t('documentTypes.empty')} />}
          />
          <Button
            type="primary"
            disabled={!adding}
            loading={setLink.isPending}
            onClick={async () => {
              if (!adding) return;
              await run(
                setLink.mutateAsync({ categoryId: c.id, documentTypeId: adding, excluded: false }),
                t('links.attached'),
              );
              setAdding(undefined);
            }}
          >
            {t('links.require')}
          </Button>
        </Flex>
      )}
      {detail.documentTypeLinks.length === 0 ? (
        <Alert type="info" showIcon title={t('links.noDocuments')} />
      ) : (
        <Table<Link>
          rowKey="documentTypeId"
          size="small"
          pagination={false}
          dataSource={detail.documentTypeLinks}
          columns={[
            {
              title: t('fields.documentType'),
              key: 'name',
              render: (_, l) => (
                <span style={{ opacity: l.excluded ? 0.5 : 1 }}>
                  {name(l.names)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {l.key}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: t('links.source'),
              key: 'source',
              render: (_, l) => (
                <Space size={4} wrap>
                  <SourceTag
                    sourceId={l.sourceCategoryId}
                    own={l.own}
                    inherited={l.inherited}
                    items={items}
                  />
                  {l.excluded && <Tag color="red">{t('links.notRequiredHere')}</Tag>}
                </Space>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: t('common:columns.actions'),
                    key: 'actions',
                    align: 'right' as const,
                    render: (_: unknown, l: Link) =>
                      l.own ? (
                        <ConfirmButton
                          size="small"
                          danger={!l.inherited}
                          title={
                            l.excluded
                              ? t('links.restoreConfirm', { name: name(l.names) })
                              : t('links.unrequireConfirm', { name: name(l.names) })
                          }
                          onConfirm={() =>
                            run(
                              removeLink.mutateAsync({ categoryId: c.id, documentTypeId: l.documentTypeId }),
                            )
                          }
                        >
                          {l.excluded ? t('links.restore') : t('links.unrequire')}
                        </ConfirmButton>
                      ) : (
                        <ConfirmButton
                          size="small"
                          title={t('links.liftConfirm', { name: name(l.names) })}
                          description={t('links.excludeHint')}
                          onConfirm={() =>
                            run(
                              setLink.mutateAsync({
                                categoryId: c.id,
                                documentTypeId: l.documentTypeId,
                                excluded: true,
                              }),
                            )
                          }
                        >
                          {t('links.lift')}
                        </ConfirmButton>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </div>
  );
}
