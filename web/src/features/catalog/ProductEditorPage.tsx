import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Affix,
  Alert,
  Button,
  Card,
  Col,
  ConfigProvider,
  Flex,
  Form,
  Input,
  Result,
  Row,
  Select,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ALL_STORES, ApiError, getStoreSelection } from '../../shared/api/client';
import { usePermissions, useSession } from '../../shared/api/session';
import { ConfirmButton, ErrorAlert, PageLoading } from '../../shared/components';
import { useApiMessage } from '../../shared/hooks/useApiMessage';
import { useFormat } from '../../shared/lib/format';
import {
  type AttributeValue,
  addSku,
  catalogKeys,
  createProduct,
  deleteImage,
  fetchProduct,
  LANGS,
  type LifecycleAction,
  type PerLang,
  type ProductDetail,
  type ProductImage,
  type ProductInput,
  removeSku,
  reorderImages,
  runLifecycle,
  type SkuInput,
  setProductDocuments,
  textIn,
  updateProduct,
  updateSku,
  useCategoryRules,
  useLatestRates,
  useProduct,
  useProductDocuments,
  useProductImages,
  useSellerCategories,
} from './api';
import { AttributeFields } from './components/AttributeFields';
import { CategoryRulesCard } from './components/CategoryRulesCard';
import { CategoryTreeSelect } from './components/CategoryTreeSelect';
import { DocumentsSection } from './components/DocumentsSection';
import { ImagesEditor } from './components/ImagesEditor';
import { PriceHoldBanner } from './components/PriceHoldBanner';
import { ProductStatusTags } from './components/ProductStatusTags';
import { QualityCard } from './components/QualityScore';
import { ReviewTimeline } from './components/ReviewTimeline';
import { TextsEditor } from './components/TextsEditor';
import { type StoreInfo, VariantsEditor } from './components/VariantsEditor';
import {
  type EditorErrors,
  emptyErrors,
  errorLanguages,
  hasErrors,
  type Section,
  sortErrors,
} from './editorErrors';
import { axesOf, blankRow, rowDiff, rowFromSku, rowToInput, type SkuRow } from './skuRows';

interface FormValues {
  categoryId?: string;
  brand?: string;
  title?: PerLang;
  description?: PerLang;
  keywords?: PerLang;
  attributes?: Record<string, AttributeValue | null | undefined>;
  videoUrl?: string;
  storeIds?: string[];
}

/** Reasons the server writes as codes into the status history (others are free text from people). */
const HISTORY_REASON_CODES = ['edited', 'withdrawn', 'archived'] as const;

const cleanLang = (value: PerLang | undefined): PerLang =>
  Object.fromEntries(
    LANGS.map((l) => [l, (value?.[l] ?? '').trim()] as const).filter(([, text]) => text.length > 0),
  );

/**
 * State that event handlers read through a ref: a save runs across several awaits and a navigation,
 * and must see the rows and product it just loaded, not the ones of the render that started it.
 */
function useLatest<T>(initial: T | (() => T)) {
  const [value, setValue] = useState<T>(initial);
  const ref = useRef<T>(value);
  const set = useCallback((next: T) => {
    ref.current = next;
    setValue(next);
  }, []);
  return [value, set, ref] as const;
}

const isBlank = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** 发布商品 / Карточка товара: the whole product in one page, from draft to sale. */
export default function ProductEditorPage() {
  const { id: idParam } = useParams();
  const isNew = idParam === 'new' || idParam === undefined;
  const id = isNew ? undefined : idParam;
  const { t, i18n } = useTranslation('catalog');
  const fmt = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const notify = useApiMessage();
  const { can } = usePermissions();
  const canWrite = can('catalog:write');
  const { data: session } = useSession();
  const product = useProduct(id);
  const p = product.data;
  const [form] = Form.useForm<FormValues>();
  const categoryId = Form.useWatch('categoryId', form) as string | undefined;
  const watchedStores = (Form.useWatch('storeIds', form) as string[] | undefined) ?? [];
  const categories = useSellerCategories();
  const rules = useCategoryRules(categoryId);
  const rates = useLatestRates();
  const images = useProductImages(id);
  const linkedDocs = useProductDocuments(id);

  const [rows, setRows, rowsRef] = useLatest<SkuRow[]>(() => [blankRow()]);
  const [axes, setAxes, axesRef] = useLatest<string[]>([]);
  const [axisValues, setAxisValues] = useState<Record<string, string[]>>({});
  const [newImages, setNewImages, newImagesRef] = useLatest<ProductImage[]>([]);
  const [documentIds, setDocumentIds, documentIdsRef] = useLatest<string[]>([]);
  /** The product being edited (null until the first save of a new one). */
  const productRef = useRef<ProductDetail | null>(null);
  const [errors, setErrors] = useState<EditorErrors>(emptyErrors);
  const [busy, setBusy] = useState<false | 'save' | 'submit' | LifecycleAction>(false);
  const [imageBusy, setImageBusy] = useState(false);
  const loaded = useRef<string | null>(null);

  const currency = p?.skus[0]?.currency ?? session?.seller?.defaultCurrency ?? 'CNY';
  const stores: StoreInfo[] = (session?.stores ?? [])
    .filter((s) => watchedStores.includes(s.id))
    .map((s) => ({ id: s.id, name: s.name, currency: s.currency }));
  const storeName = (sid: string) => session?.stores.find((s) => s.id === sid)?.name ?? sid;
  const storeCurrency = (sid: string) => session?.stores.find((s) => s.id === sid)?.currency;
  const attributeKeys = useMemo(
    () => new Set((rules.data?.attributes ?? []).filter((a) => !a.variant).map((a) => a.key)),
    [rules.data],
  );

  const archived = p?.saleState === 'archived';
  const pending = p?.reviewState === 'pending';
  const contentEditable = canWrite && !archived && !pending;
  const skusEditable = canWrite && !archived;

  /** Puts a product from the server into the form and the SKU table. */
  const load = useCallback(
    (detail: ProductDetail) => {
      loaded.current = detail.id;
      productRef.current = detail;
      form.resetFields();
      form.setFieldsValue({
        categoryId: detail.categoryId,
        brand: detail.brand ?? '',
        title: detail.title,
        description: detail.description,
        keywords: detail.keywords,
        attributes: detail.attributes,
        videoUrl: detail.videoUrl ?? '',
        storeIds: detail.storeIds,
      });
      const skuRows = detail.skus.map(rowFromSku);
      setRows(skuRows.length ? skuRows : [blankRow()]);
      const found = axesOf(skuRows);
      setAxes(found.axes);
      setAxisValues(found.values);
      setDocumentIds(detail.documentIds);
    },
    [form, setRows, setAxes, setDocumentIds],
  );

  useEffect(() => {
    // Only when another product arrives: a refetch must not overwrite what the seller is editing.
    if (p && loaded.current !== p.id) load(p);
    else if (p) productRef.current = p;
  }, [p, load]);

  // A new product: the stores of the store switcher (or every active store) and one empty SKU.
  useEffect(() => {
    if (!isNew || !session) return;
    const current = getStoreSelection();
    const active = session.stores.filter((s) => s.status === 'active').map((s) => s.id);
    form.setFieldsValue({
      storeIds: current !== ALL_STORES && active.includes(current) ? [current] : active,
    });
  }, [isNew, session, form]);

  // Variant axes follow the category: drop axes the new category does not have.
  useEffect(() => {
    if (!rules.data) return;
    const variantKeys = new Set(rules.data.attributes.filter((a) => a.variant).map((a) => a.key));
    setAxes(axesRef.current.filter((a) => variantKeys.has(a)));
  }, [rules.data, setAxes, axesRef]);

  if (!isNew && product.isPending) return <PageLoading rows={12} />;
  if (!isNew && product.error) {
    if (product.error instanceof ApiError && product.error.status === 404)
      return (
        <Result
          status="404"
          title={t('editor.notFound')}
          extra={
            <Link to="/catalog/products">
              <Button>{t('editor.backToList')}</Button>
            </Link>
          }
        />
      );
    return <ErrorAlert error={product.error} onRetry={() => product.refetch()} />;
  }

  const imageList = isNew ? newImages : (images.data ?? []);

  const productInput = (): ProductInput => {
    const v = form.getFieldsValue(true) as FormValues;
    const attributes: Record<string, AttributeValue> = {};
    for (const [key, value] of Object.entries(v.attributes ?? {})) {
      if (isBlank(value)) continue;
      if (rules.data && !attributeKeys.has(key)) continue;
      attributes[key] = value as AttributeValue;
    }
    return {
      categoryId: v.categoryId as string,
      brand: v.brand?.trim() || null,
      title: cleanLang(v.title),
      description: cleanLang(v.description),
      keywords: cleanLang(v.keywords),
      attributes,
      videoUrl: v.videoUrl?.trim() || null,
      storeIds: v.storeIds ?? [],
    };
  };

  const showErrors = (next: EditorErrors) => {
    setErrors(next);
    if (next.form.length) form.setFields(next.form as never);
    if (hasErrors(next)) window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const skuInputs = (list: SkuRow[], storeIds: string[]): SkuInput[] =>
    list.map((r) => rowToInput(r, currency, axesRef.current, storeCurrency, storeIds));

  /** The i-th SKU of the product as the server orders them → its row key (which is the SKU id). */
  const serverOrder = (detail: ProductDetail) => (i: number) => detail.skus[i]?.id;

  /** Reloads the catalog queries and returns the product as the server has it now. */
  const refresh = async (productId: string): Promise<ProductDetail | undefined> => {
    await qc.invalidateQueries({ queryKey: catalogKeys.all });
    try {
      return await qc.fetchQuery({
        queryKey: catalogKeys.product(productId),
        queryFn: () => fetchProduct(productId),
        staleTime: 2000,
      });
    } catch {
      return undefined;
    }
  };

  /** Creates the product with its SKUs, images and documents. */
  const saveNew = async (): Promise<ProductDetail | null> => {
    const input = productInput();
    const rows = rowsRef.current;
    const sent = skuInputs(rows, input.storeIds ?? []);
    try {
      return await createProduct({
        ...input,
        skus: sent,
        imageIds: newImagesRef.current.map((i) => i.id),
        documentIds: documentIdsRef.current,
      });
    } catch (error) {
      showErrors(
        sortErrors(emptyErrors(), error, {
          attributeKeys,
          skuKeyAt: (i) => rows[i]?.key,
          storeIdAt: (key, j) => sent[rows.findIndex((r) => r.key === key)]?.storePrices?.[j]?.storeId,
        }),
      );
      return null;
    }
  };

  /** Saves the content (when editable), the documents and every changed SKU; true when all went through. */
  const saveExisting = async (detail: ProductDetail): Promise<boolean> => {
    const out = emptyErrors();
    const input = productInput();
    const rows = rowsRef.current;
    const axes = axesRef.current;
    const documentIds = documentIdsRef.current;
    let held = 0;
    if (canWrite && detail.saleState !== 'archived' && detail.reviewState !== 'pending') {
      try {
        await updateProduct(detail.id, input);
      } catch (error) {
        showErrors(sortErrors(out, error, { attributeKeys }));
        return false;
      }
      const before = [...detail.documentIds].sort().join();
      if ([...documentIds].sort().join() !== before) {
        try {
          await setProductDocuments(detail.id, documentIds);
        } catch (error) {
          sortErrors(out, error, { attributeKeys });
          out.documents.push(...out.general.splice(0));
        }
      }
    }
    const storeIds = input.storeIds ?? detail.storeIds;
    const keep = new Set(rows.map((r) => r.id).filter(Boolean));
    for (const sku of detail.skus.filter((s) => !keep.has(s.id))) {
      try {
        await removeSku(detail.id, sku.id);
      } catch (error) {
        sortErrors(out, error, { attributeKeys });
      }
    }
    for (const row of rows) {
      const sku = row.id ? detail.skus.find((s) => s.id === row.id) : undefined;
      try {
        if (sku) {
          const diff = rowDiff(row, sku, axes, storeCurrency, storeIds);
          if (diff) held += (await updateSku(detail.id, sku.id, diff)).held ? 1 : 0;
        } else {
          const body = rowToInput(row, currency, axes, storeCurrency, storeIds);
          const created = await addSku(detail.id, body);
          held += created.held ? 1 : 0;
          // The row is saved now: later errors must not send it again.
          row.id = created.id;
        }
      } catch (error) {
        const sent = sku
          ? rowDiff(row, sku, axes, storeCurrency, storeIds)
          : rowToInput(row, currency, axes, storeCurrency, storeIds);
        sortErrors(out, error, {
          attributeKeys,
          rowKey: row.key,
          storeIdAt: (_k, j) => sent?.storePrices?.[j]?.storeId,
        });
      }
    }
    if (held > 0) notify.error(t('holds.heldNow', { count: held }));
    const fresh = await refresh(detail.id);
    if (hasErrors(out)) {
      // Keep the seller's edits of the failed rows; reload the rest.
      if (fresh) {
        const failed = new Set(Object.keys(out.skus));
        const byId = new Map(fresh.skus.map((s) => [s.id, rowFromSku(s)]));
        setRows(rows.map((r) => (failed.has(r.key) || !r.id ? r : (byId.get(r.id) ?? r))));
      }
      showErrors(out);
      return false;
    }
    if (fresh) load(fresh);
    return true;
  };

  const onSave = async (submit: boolean) => {
    if (!categoryId) {
      form.setFields([{ name: ['categoryId'], errors: [t('editor.categoryRequired')] }]);
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    setErrors(emptyErrors());
    setBusy(submit ? 'submit' : 'save');
    try {
      let detail: ProductDetail | null = productRef.current;
      const creating = detail === null;
      if (!detail) {
        detail = await saveNew();
        if (!detail) return;
        qc.setQueryData(catalogKeys.product(detail.id), detail);
        loaded.current = detail.id;
        load(detail);
        setNewImages([]);
        navigate(`/catalog/products/${detail.id}`, { replace: true });
      } else if (canWrite && detail.saleState !== 'archived') {
        if (!(await saveExisting(detail))) return;
        detail = qc.getQueryData<ProductDetail>(catalogKeys.product(detail.id)) ?? detail;
      }
      if (!detail) return;
      if (!submit) {
        notify.success(creating ? t('editor.created') : t('editor.saved'));
        return;
      }
      try {
        const submitted = await runLifecycle(detail.id, 'submit');
        qc.setQueryData(catalogKeys.product(detail.id), submitted);
        await qc.invalidateQueries({ queryKey: catalogKeys.all });
        load(submitted);
        notify.success(t('editor.submitted'));
      } catch (error) {
        const d = detail;
        showErrors(sortErrors(emptyErrors(), error, { attributeKeys, skuKeyAt: serverOrder(d) }));
        await qc.invalidateQueries({ queryKey: catalogKeys.all });
      }
    } finally {
      setBusy(false);
    }
  };

  const onLifecycle = async (action: LifecycleAction) => {
    const current = productRef.current;
    if (!current) return;
    setBusy(action);
    try {
      const next = await runLifecycle(current.id, action);
      qc.setQueryData(catalogKeys.product(current.id), next);
      await qc.invalidateQueries({ queryKey: catalogKeys.all });
      load(next);
      setErrors(emptyErrors());
      notify.success(t(`editor.done.${action}`));
    } catch (error) {
      notify.error(error);
    } finally {
      setBusy(false);
    }
  };

  // Images: straight to the server for a saved product; kept until the first save for a new one.
  const imageAction = async (fn: () => Promise<unknown>) => {
    setImageBusy(true);
    try {
      await fn();
    } catch (error) {
      notify.error(error);
    } finally {
      setImageBusy(false);
      if (productRef.current) await qc.invalidateQueries({ queryKey: catalogKeys.all });
    }
  };
  const inOrder = (list: ProductImage[], ids: string[]) =>
    ids.map((i) => list.find((x) => x.id === i)).filter((x): x is ProductImage => Boolean(x));
  const onImageUploaded = (image: ProductImage) => {
    const saved = productRef.current;
    if (!saved) setNewImages([...newImagesRef.current, image]);
    else void qc.invalidateQueries({ queryKey: catalogKeys.all });
  };
  const onImageReorder = (ids: string[]) => {
    const saved = productRef.current;
    if (!saved) setNewImages(inOrder(newImagesRef.current, ids));
    else {
      qc.setQueryData<ProductImage[]>(catalogKeys.productImages(saved.id), (list) =>
        list ? inOrder(list, ids) : list,
      );
      void imageAction(() => reorderImages(saved.id, ids));
    }
  };
  const onImageDelete = (imageId: string) => {
    const saved = productRef.current;
    if (!saved) setNewImages(newImagesRef.current.filter((x) => x.id !== imageId));
    else void imageAction(() => deleteImage(saved.id, imageId));
  };

  const ruleAttrs = rules.data?.attributes ?? [];
  const latestReview = p?.reviews[0];
  const suspendedBy = p?.saleState === 'suspended' ? p.history.find((h) => h.to === 'suspended') : undefined;
  const title = p ? textIn(p.title, i18n.language) || t('products.untitled') : t('editor.newTitle');
  const sectionName = (s: Section) => t(`editor.sections.${s}`);
  const canSubmit =
    canWrite && !archived && (isNew || p?.reviewState === 'draft' || p?.reviewState === 'rejected');

  return (
    <div>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Link to="/catalog/products">
            <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
              {t('editor.backToList')}
            </Button>
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {p && (
            <Space style={{ marginTop: 6 }} wrap>
              <Typography.Text type="secondary">#{p.number}</Typography.Text>
              <ProductStatusTags reviewState={p.reviewState} saleState={p.saleState} />
              <Typography.Text type="secondary">
                {t('editor.updated', { date: fmt.dateTime(p.updatedAt) })}
              </Typography.Text>
            </Space>
          )}
        </div>
        {p && canWrite && (
          <Space wrap>
            {p.reviewState === 'pending' && (
              <Button loading={busy === 'withdraw'} onClick={() => onLifecycle('withdraw')}>
                {t('editor.withdraw')}
              </Button>
            )}
            {p.saleState === 'active' && (
              <Button loading={busy === 'deactivate'} onClick={() => onLifecycle('deactivate')}>
                {t('editor.deactivate')}
              </Button>
            )}
            {p.saleState === 'inactive' && (
              <Button loading={busy === 'activate'} onClick={() => onLifecycle('activate')}>
                {t('editor.activate')}
              </Button>
            )}
            {p.saleState === 'archived' ? (
              <Button loading={busy === 'restore'} onClick={() => onLifecycle('restore')}>
                {t('editor.restore')}
              </Button>
            ) : (
              <ConfirmButton
                title={t('editor.archiveConfirm')}
                description={t('editor.archiveHelp')}
                okText={t('editor.archive')}
                loading={busy === 'archive'}
                onConfirm={() => onLifecycle('archive')}
              >
                {t('editor.archive')}
              </ConfirmButton>
            )}
          </Space>
        )}
      </Flex>

      {p?.reviewState === 'rejected' && latestReview?.decision === 'rejected' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('editor.rejectedTitle', { date: fmt.dateTime(latestReview.decidedAt) })}
          description={
            <>
              {latestReview.reasons.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {latestReview.reasons.map((r) => (
                    <li key={r.key}>{r.text}</li>
                  ))}
                </ul>
              )}
              {latestReview.note && (
                <Typography.Paragraph style={{ marginTop: 6, marginBottom: 0 }}>
                  <Typography.Text strong>{t('reviews.note')}: </Typography.Text>
                  {latestReview.note}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary">{t('editor.rejectedHelp')}</Typography.Text>
            </>
          }
        />
      )}
      {p?.published && p.reviewState !== 'approved' && p.saleState !== 'archived' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`editor.revision.${p.reviewState}`)}
          description={t('editor.revisionHelp')}
        />
      )}
      {p && !p.published && pending && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('editor.inReview')}
          description={t('editor.inReviewHelp')}
        />
      )}
      {suspendedBy && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('editor.suspended')}
          description={suspendedBy.reason ?? undefined}
        />
      )}
      {archived && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('editor.archived')} />
      )}
      {p && <PriceHoldBanner skus={p.skus} storeName={storeName} disabled={!canWrite} />}
      {hasErrors(errors) && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setErrors(emptyErrors())}
          style={{ marginBottom: 16 }}
          title={t('editor.errorsTitle', { count: errors.all.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {errors.all.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same message may appear for two fields
                <li key={i}>
                  <Typography.Text type="secondary">{sectionName(e.section)}: </Typography.Text>
                  {e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <Form<FormValues> form={form} layout="vertical" disabled={!contentEditable} requiredMark>
        <Row gutter={16}>
          <Col xs={24} xl={17}>
            <Card title={t('editor.sections.basic')} style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="categoryId"
                    label={t('editor.category')}
                    required
                    extra={p ? t('editor.categoryHelp') : undefined}
                  >
                    <CategoryTreeSelect
                      items={categories.data}
                      leafOnly
                      allowClear={false}
                      ariaLabel={t('editor.category')}
                      placeholder={t('editor.categoryPlaceholder')}
                      disabled={!contentEditable}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="brand" label={t('editor.brand')}>
                    <Input maxLength={100} placeholder={t('editor.brandPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="storeIds" label={t('editor.stores')} extra={t('editor.storesHelp')}>
                    <Select
                      mode="multiple"
                      options={(session?.stores ?? [])
                        .filter((s) => s.status === 'active')
                        .map((s) => ({ value: s.id, label: `${s.name} · ${s.currency}` }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="videoUrl" label={t('editor.video')}>
                    <Input placeholder="https://" maxLength={2000} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card title={t('editor.sections.texts')} style={{ marginBottom: 16 }}>
              <TextsEditor
                requiredLanguages={rules.data?.requiredLanguages ?? []}
                disabled={!contentEditable}
                errorLangs={errorLanguages(errors)}
              />
            </Card>

            <Card title={t('editor.sections.attributes')} style={{ marginBottom: 16 }}>
              {rules.data ? (
                <AttributeFields attributes={ruleAttrs} disabled={!contentEditable} />
              ) : (
                <Typography.Text type="secondary">{t('rules.pickCategory')}</Typography.Text>
              )}
            </Card>

            <Card title={t('editor.sections.images')} style={{ marginBottom: 16 }}>
              <ImagesEditor
                productId={id}
                images={imageList}
                min={rules.data?.minImages ?? 1}
                max={rules.data?.maxImages ?? 30}
                disabled={!contentEditable}
                busy={imageBusy}
                errors={errors.images}
                onUploaded={onImageUploaded}
                onReorder={onImageReorder}
                onDelete={onImageDelete}
              />
            </Card>

            <Card
              title={t('editor.sections.variants')}
              extra={
                pending && skusEditable ? (
                  <Typography.Text type="secondary">{t('editor.skusEditableInReview')}</Typography.Text>
                ) : undefined
              }
              style={{ marginBottom: 16 }}
            >
              <ConfigProvider componentDisabled={!skusEditable}>
                <VariantsEditor
                  attributes={ruleAttrs}
                  rows={rows}
                  onRowsChange={setRows}
                  axes={axes}
                  onAxesChange={setAxes}
                  values={axisValues}
                  onValuesChange={setAxisValues}
                  currency={currency}
                  stores={stores}
                  rates={rates.data}
                  skus={p?.skus ?? []}
                  errors={errors.skus}
                  disabled={!skusEditable}
                />
              </ConfigProvider>
            </Card>

            <Card title={t('editor.sections.documents')} style={{ marginBottom: 16 }}>
              <DocumentsSection
                required={rules.data?.documentTypes ?? []}
                value={documentIds}
                onChange={setDocumentIds}
                linked={linkedDocs.data ?? []}
                disabled={!contentEditable}
                errors={errors.documents}
              />
            </Card>
          </Col>
          <Col xs={24} xl={7}>
            <Flex vertical gap={16}>
              <QualityCard
                score={p?.quality.score ?? null}
                hints={p?.quality.hints ?? []}
                attributes={ruleAttrs}
              />
              <CategoryRulesCard rules={rules.data} />
              {p && (
                <Card size="small" title={t('reviews.title')}>
                  <ReviewTimeline reviews={p.reviews} />
                </Card>
              )}
              {p && p.history.length > 0 && (
                <Card size="small" title={t('history.title')}>
                  <Timeline
                    items={p.history.slice(0, 20).map((h) => ({
                      content: (
                        <div>
                          <Typography.Text>
                            {t(`history.${h.field}`)}:{' '}
                            {h.from ? t(`history.states.${h.from}`, { defaultValue: h.from }) : '—'} →{' '}
                            {t(`history.states.${h.to}`, { defaultValue: h.to })}
                          </Typography.Text>
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {fmt.dateTime(h.at)} ·{' '}
                              {t(`history.actor.${h.actorKind}`, { defaultValue: h.actorKind })}
                            </Typography.Text>
                          </div>
                          {h.reason && (
                            <Typography.Text style={{ fontSize: 12 }}>
                              {(HISTORY_REASON_CODES as readonly string[]).includes(h.reason)
                                ? t(`history.reasons.${h.reason}`)
                                : h.reason}
                            </Typography.Text>
                          )}
                        </div>
                      ),
                    }))}
                  />
                </Card>
              )}
            </Flex>
          </Col>
        </Row>
      </Form>

      {canWrite && (contentEditable || skusEditable) && (
        <Affix offsetBottom={0}>
          <Card size="small" styles={{ body: { display: 'flex', justifyContent: 'flex-end', gap: 8 } }}>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 'auto', alignSelf: 'center' }}>
              {pending
                ? t('editor.pendingBar')
                : p?.published
                  ? t('editor.revisionBar')
                  : t('editor.draftBar')}
            </Typography.Text>
            <Button loading={busy === 'save'} disabled={busy !== false} onClick={() => onSave(false)}>
              {pending
                ? t('editor.saveSkus')
                : isNew || !p?.published
                  ? t('editor.saveDraft')
                  : t('editor.saveChanges')}
            </Button>
            {canSubmit && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy === 'submit'}
                disabled={busy !== false}
                onClick={() => onSave(true)}
              >
                {t('editor.submit')}
              </Button>
            )}
          </Card>
        </Affix>
      )}
    </div>
  );
}
