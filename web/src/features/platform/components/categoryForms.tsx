import { Checkbox, Col, Form, Input, InputNumber, Modal, Row, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../../shared/api/problem';
import { ErrorAlert } from '../../../shared/components';
import { useApiMessage } from '../../../shared/hooks/useApiMessage';
import { type CategoryNode, LANGS, type Lang, type Translated, useCreateCategory } from '../catalogApi';
import { requiredNames, TranslatedFields, useLocalName } from './TranslatedFields';

export interface TreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeSelectNode[];
}

/** Category options for a parent picker; `exclude` (a category being moved) and its subtree are disabled. */
export function useCategoryOptions(items: CategoryNode[], exclude?: string): TreeSelectNode[] {
  const name = useLocalName();
  return useMemo(() => {
    const byParent = new Map<string | null, CategoryNode[]>();
    for (const c of items) {
      const list = byParent.get(c.parentId) ?? [];
      list.push(c);
      byParent.set(c.parentId, list);
    }
    const build = (parent: string | null, blocked: boolean): TreeSelectNode[] =>
      (byParent.get(parent) ?? []).map((c) => {
        const off = blocked || c.id === exclude;
        const children = build(c.id, off);
        return {
          value: c.id,
          title: `${name(c.names)}${c.active ? '' : ' ⦸'}`,
          disabled: off || !c.active,
          ...(children.length ? { children } : {}),
        };
      });
    return build(null, false);
  }, [items, exclude, name]);
}

/** "Women's T-shirts" → "women-s-t-shirts". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Percent (12.5) ↔ basis points (1250), exact to two decimals. */
export const percentToBps = (pct: number) => Math.round(pct * 100);
export const bpsToPercent = (bps: number) => bps / 100;

export function RuleFields() {
  const { t } = useTranslation('catalogConfig');
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item name="commissionPct" label={t('rules.commission')} extra={t('rules.inheritHint')}>
          <InputNumber min={0} max={100} step={0.5} precision={2} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name="minImages" label={t('rules.minImages')}>
          <InputNumber min={0} max={30} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item
          name="maxImages"
          label={t('rules.maxImages')}
          dependencies={['minImages']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) => {
                const min = getFieldValue('minImages') as number | null;
                return value != null && min != null && value < min
                  ? Promise.reject(new Error(t('validation.imagesRange')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

interface CreateValues {
  parentId?: string;
  slug: string;
  names: Translated;
  commissionPct?: number | null;
  minImages?: number | null;
  maxImages?: number | null;
  requiredLanguages?: Lang[];
}

/** New category: names in every language, a slug, and optional own rules (empty = inherit). */
export function CreateCategoryModal({
  open,
  parentId,
  items,
  onClose,
  onCreated,
}: {
  open: boolean;
  parentId: string | null;
  items: CategoryNode[];
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation('catalogConfig');
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateCategory();
  const notify = useApiMessage();
  const options = useCategoryOptions(items);

  const onFinish = async (v: CreateValues) => {
    try {
      const made = await create.mutateAsync({
        parentId: v.parentId ?? null,
        slug: v.slug.trim(),
        names: requiredNames(v.names),
        ...(v.commissionPct != null ? { commissionBps: percentToBps(v.commissionPct) } : {}),
        ...(v.minImages != null ? { minImages: v.minImages } : {}),
        ...(v.maxImages != null ? { maxImages: v.maxImages } : {}),
        ...(v.requiredLanguages?.length ? { requiredLanguages: v.requiredLanguages } : {}),
      });
      notify.success(t('categories.created'));
      onCreated(made.id);
      onClose();
    } catch (error) {
      applyFormErrors(form, error);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('categories.createTitle')}
      okText={t('actions.create')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && create.reset()}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form<CreateValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ parentId: parentId ?? undefined }}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<CreateValues>) => {
          const en = changed.names?.['en-US'];
          if (en !== undefined && !form.isFieldTouched('slug')) form.setFieldValue('slug', slugify(en));
        }}
      >
        <Form.Item name="parentId" label={t('fields.parent')} extra={t('categories.parentHint')}>
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeData={options}
            treeDefaultExpandAll
            placeholder={t('categories.topLevel')}
          />
        </Form.Item>
        <TranslatedFields name="names" label={t('fields.name')} compact />
        <Form.Item
          name="slug"
          label={t('fields.slug')}
          extra={t('categories.slugHint')}
          rules={[
            { required: true, message: t('validation.slugRequired') },
            { pattern: SLUG_PATTERN, message: t('validation.slug') },
            { max: 80 },
          ]}
        >
          <Input />
        </Form.Item>
        <RuleFields />
        <Form.Item
          name="requiredLanguages"
          label={t('rules.requiredLanguages')}
          extra={t('rules.inheritHint')}
        >
          <Checkbox.Group options={LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
