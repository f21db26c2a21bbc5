import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/lib/format';
import { minorDigits, toMinor } from '../../../shared/lib/money';
import type { ExchangeRate, RuleAttribute, Sku } from '../api';
import { textIn } from '../api';
import { barcodeProblem } from '../barcode';
import { blankRow, generateRows, type SkuRow, type StorePriceRow } from '../skuRows';

export interface StoreInfo {
  id: string;
  name: string;
  currency: string;
}

/** Errors of one row by field (code, barcode, listPrice, options.size …). */
export type RowErrors = Record<string, Record<string, string[]>>;

/** Converts base-currency minor units to another currency with the latest platform rate (a preview). */
export function convertPreview(
  minor: number,
  from: string,
  to: string,
  rates: ExchangeRate[] | undefined,
): number | null {
  if (from === to) return minor;
  const direct = rates?.find((r) => r.base === from && r.quote === to);
  const inverse = rates?.find((r) => r.base === to && r.quote === from);
  const rate = direct ? Number(direct.rate) : inverse ? 1 / Number(inverse.rate) : null;
  if (!rate || !Number.isFinite(rate)) return null;
  const major = (minor / 10 ** minorDigits(from)) * rate;
  return Math.round(major * 10 ** minorDigits(to));
}

function FieldError({ errors }: { errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div role="alert">
      {errors.map((e) => (
        <Typography.Text key={e} type="danger" style={{ fontSize: 12, display: 'block', lineHeight: 1.3 }}>
          {e}
        </Typography.Text>
      ))}
    </div>
  );
}

/**
 * Variants: pick option axes among the category's variant attributes and their values, generate a SKU
 * per combination, then edit every SKU in the table (codes, barcodes with a check-digit hint, prices,
 * weight, dimensions, status, backorder) and its price in each store (follow the base price or override).
 */
export function VariantsEditor({
  attributes,
  rows,
  onRowsChange,
  axes: axesIn,
  onAxesChange,
  values,
  onValuesChange,
  currency,
  stores,
  rates,
  skus,
  errors,
  disabled,
}: {
  attributes: RuleAttribute[];
  rows: SkuRow[];
  onRowsChange: (rows: SkuRow[]) => void;
  axes: string[];
  onAxesChange: (axes: string[]) => void;
  values: Record<string, string[]>;
  onValuesChange: (values: Record<string, string[]>) => void;
  currency: string;
  stores: StoreInfo[];
  rates: ExchangeRate[] | undefined;
  skus: Sku[];
  errors: RowErrors;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation('catalog');
  const fmt = useFormat();
  const [prefix, setPrefix] = useState('');
  const variantAttrs = attributes.filter((a) => a.variant).sort((a, b) => a.position - b.position);
  // Axes in the category's order (SKU options come back from the server in key order).
  const rank = (key: string) => {
    const i = variantAttrs.findIndex((a) => a.key === key);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const axes = [...axesIn].sort((a, b) => rank(a) - rank(b));
  const attrOf = (key: string) => variantAttrs.find((a) => a.key === key);
  const axisName = (key: string) => {
    const a = attrOf(key);
    return a ? textIn(a.names, i18n.language) || key : key;
  };
  const optionLabel = (key: string, value: string) => {
    const o = attrOf(key)?.options.find((x) => x.value === value);
    return o ? textIn(o.names, i18n.language) || value : value;
  };
  const digits = minorDigits(currency);
  const serverSku = (id?: string) => (id ? skus.find((s) => s.id === id) : undefined);

  const update = (key: string, patch: Partial<SkuRow>) =>
    onRowsChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const updateStore = (row: SkuRow, storeId: string, patch: Partial<StorePriceRow>) => {
    const current = row.storePrices[storeId] ?? { mode: 'follow', listPrice: null, salePrice: null };
    update(row.key, { storePrices: { ...row.storePrices, [storeId]: { ...current, ...patch } } });
  };

  const canGenerate = axes.length > 0 && axes.every((a) => (values[a] ?? []).length > 0);
  const combos = axes.reduce((n, a) => n * (values[a]?.length ?? 0), axes.length ? 1 : 0);

  return (
    <div>
      {variantAttrs.length > 0 ? (
        <div style={{ marginBottom: 16 }}>
          <Row gutter={[16, 12]}>
            <Col xs={24} md={8}>
              <Typography.Text strong>{t('variants.axes')}</Typography.Text>
              <Select
                mode="multiple"
                aria-label={t('variants.axes')}
                style={{ width: '100%', marginTop: 4 }}
                disabled={disabled}
                placeholder={t('variants.axesPlaceholder')}
                value={axes}
                onChange={(next: string[]) => onAxesChange(next)}
                options={variantAttrs.map((a) => ({
                  value: a.key,
                  label: `${textIn(a.names, i18n.language) || a.key}${a.required ? ' *' : ''}`,
                }))}
              />
            </Col>
            {axes.map((axis) => {
              const a = attrOf(axis);
              const isEnum = a?.type === 'enum' && a.options.length > 0;
              return (
                <Col xs={24} md={8} key={axis}>
                  <Typography.Text strong>{axisName(axis)}</Typography.Text>
                  <Select
                    mode={isEnum ? 'multiple' : 'tags'}
                    aria-label={t('variants.valuesOf', { name: axisName(axis) })}
                    style={{ width: '100%', marginTop: 4 }}
                    disabled={disabled}
                    placeholder={isEnum ? t('variants.pickValues') : t('variants.typeValues')}
                    value={values[axis] ?? []}
                    onChange={(next: string[]) => onValuesChange({ ...values, [axis]: next })}
                    optionFilterProp="label"
                    options={
                      isEnum
                        ? a.options.map((o) => ({
                            value: o.value,
                            label: textIn(o.names, i18n.language) || o.value,
                          }))
                        : []
                    }
                  />
                </Col>
              );
            })}
          </Row>
          {axes.length > 0 && (
            <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
              <Input
                aria-label={t('variants.codePrefix')}
                placeholder={t('variants.codePrefix')}
                style={{ width: 200 }}
                value={prefix}
                disabled={disabled}
                onChange={(e) => setPrefix(e.target.value)}
              />
              <Button
                icon={<ThunderboltOutlined />}
                disabled={disabled || !canGenerate}
                onClick={() => onRowsChange(generateRows(rows, axes, values, prefix))}
              >
                {t('variants.generate', { count: combos })}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('variants.generateHelp')}
              </Typography.Text>
            </Flex>
          )}
        </div>
      ) : (
        <Typography.Paragraph type="secondary">{t('variants.noAxes')}</Typography.Paragraph>
      )}
      <FieldError errors={errors._table?._} />
      <Table<SkuRow>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t('variants.empty') }}
        expandable={
          stores.length > 0
            ? {
                expandRowByClick: false,
                columnWidth: 72,
                columnTitle: (
                  <Tooltip title={t('variants.storePricesHelp')}>
                    <span style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t('variants.storePrices')}</span>
                  </Tooltip>
                ),
                expandedRowRender: (row) => (
                  <StorePrices
                    row={row}
                    sku={serverSku(row.id)}
                    currency={currency}
                    stores={stores}
                    rates={rates}
                    disabled={disabled}
                    errors={errors[row.key]}
                    onChange={(storeId, patch) => updateStore(row, storeId, patch)}
                  />
                ),
              }
            : undefined
        }
        columns={[
          ...axes.map((axis) => {
            const a = attrOf(axis);
            const isEnum = a?.type === 'enum' && a.options.length > 0;
            return {
              title: axisName(axis),
              key: `axis-${axis}`,
              width: 110,
              render: (_: unknown, row: SkuRow) => (
                <>
                  {isEnum ? (
                    <Select
                      size="small"
                      style={{ width: '100%' }}
                      aria-label={axisName(axis)}
                      disabled={disabled}
                      status={errors[row.key]?.[`options.${axis}`] ? 'error' : undefined}
                      value={row.options[axis] || undefined}
                      onChange={(v: string) => update(row.key, { options: { ...row.options, [axis]: v } })}
                      options={a.options.map((o) => ({ value: o.value, label: optionLabel(axis, o.value) }))}
                    />
                  ) : (
                    <Input
                      size="small"
                      aria-label={axisName(axis)}
                      disabled={disabled}
                      status={errors[row.key]?.[`options.${axis}`] ? 'error' : undefined}
                      value={row.options[axis] ?? ''}
                      onChange={(e) =>
                        update(row.key, { options: { ...row.options, [axis]: e.target.value } })
                      }
                    />
                  )}
                  <FieldError errors={errors[row.key]?.[`options.${axis}`]} />
                </>
              ),
            };
          }),
          {
            title: (
              <span>
                {t('variants.code')} <Typography.Text type="danger">*</Typography.Text>
              </span>
            ),
            key: 'code',
            width: 160,
            render: (_, row) => (
              <>
                <Input
                  size="small"
                  aria-label={t('variants.code')}
                  disabled={disabled}
                  maxLength={64}
                  status={errors[row.key]?.code ? 'error' : undefined}
                  value={row.code}
                  onChange={(e) => update(row.key, { code: e.target.value })}
                />
                <FieldError errors={errors[row.key]?.code} />
              </>
            ),
          },
          {
            title: (
              <span>
                {t('variants.listPrice', { currency })} <Typography.Text type="danger">*</Typography.Text>
              </span>
            ),
            key: 'listPrice',
            width: 130,
            render: (_, row) => {
              const hold = serverSku(row.id)?.priceHold;
              return (
                <>
                  <InputNumber
                    size="small"
                    aria-label={t('variants.listPrice', { currency })}
                    style={{ width: '100%' }}
                    min={0}
                    precision={digits}
                    disabled={disabled}
                    status={errors[row.key]?.listPrice ? 'error' : undefined}
                    value={row.listPrice}
                    onChange={(v) => update(row.key, { listPrice: v ?? null })}
                  />
                  {hold && (
                    <Tooltip title={t('variants.heldHelp')}>
                      <Tag color="gold" style={{ marginTop: 2 }}>
                        {t('variants.held', { price: fmt.money(hold.listPrice, currency) })}
                      </Tag>
                    </Tooltip>
                  )}
                  <FieldError errors={errors[row.key]?.listPrice} />
                </>
              );
            },
          },
          {
            title: t('variants.salePrice', { currency }),
            key: 'salePrice',
            width: 130,
            render: (_, row) => {
              const tooHigh =
                row.salePrice !== null && row.listPrice !== null && row.salePrice >= row.listPrice
                  ? [t('variants.saleNotBelow')]
                  : undefined;
              return (
                <>
                  <InputNumber
                    size="small"
                    aria-label={t('variants.salePrice', { currency })}
                    style={{ width: '100%' }}
                    min={0}
                    precision={digits}
                    disabled={disabled}
                    status={errors[row.key]?.salePrice || tooHigh ? 'error' : undefined}
                    value={row.salePrice}
                    onChange={(v) => update(row.key, { salePrice: v ?? null })}
                  />
                  <FieldError errors={errors[row.key]?.salePrice ?? tooHigh} />
                </>
              );
            },
          },
          {
            title: t('variants.barcode'),
            key: 'barcode',
            width: 160,
            render: (_, row) => {
              const problem = barcodeProblem(row.barcode);
              const hint = problem
                ? problem.code === 'check_digit'
                  ? t('variants.barcodeCheckDigit', { digit: problem.expected })
                  : t(`variants.barcode_${problem.code}`)
                : null;
              const server = errors[row.key]?.barcode;
              return (
                <>
                  <Input
                    size="small"
                    aria-label={t('variants.barcode')}
                    disabled={disabled}
                    maxLength={20}
                    inputMode="numeric"
                    status={hint || server ? 'error' : undefined}
                    value={row.barcode}
                    onChange={(e) => update(row.key, { barcode: e.target.value })}
                  />
                  <FieldError errors={server ?? (hint ? [hint] : undefined)} />
                </>
              );
            },
          },
          {
            title: t('variants.weight'),
            key: 'weight',
            width: 100,
            render: (_, row) => (
              <>
                <InputNumber
                  size="small"
                  aria-label={t('variants.weight')}
                  style={{ width: '100%' }}
                  min={1}
                  precision={0}
                  disabled={disabled}
                  value={row.weightGrams}
                  onChange={(v) => update(row.key, { weightGrams: v ?? null })}
                />
                <FieldError errors={errors[row.key]?.weightGrams} />
              </>
            ),
          },
          {
            title: t('variants.dimensions'),
            key: 'dims',
            width: 210,
            render: (_, row) => (
              <>
                <Space.Compact size="small">
                  {(['lengthMm', 'widthMm', 'heightMm'] as const).map((f) => (
                    <InputNumber
                      key={f}
                      size="small"
                      aria-label={t(`variants.${f}`)}
                      placeholder={t(`variants.${f}Short`)}
                      style={{ width: 66 }}
                      min={1}
                      precision={0}
                      disabled={disabled}
                      value={row[f]}
                      onChange={(v) => update(row.key, { [f]: v ?? null })}
                    />
                  ))}
                </Space.Compact>
                <FieldError
                  errors={[
                    ...(errors[row.key]?.lengthMm ?? []),
                    ...(errors[row.key]?.widthMm ?? []),
                    ...(errors[row.key]?.heightMm ?? []),
                  ]}
                />
              </>
            ),
          },
          {
            title: t('variants.status'),
            key: 'status',
            width: 90,
            render: (_, row) => (
              <Switch
                size="small"
                aria-label={t('variants.status')}
                checked={row.status === 'active'}
                disabled={disabled}
                checkedChildren={t('variants.on')}
                unCheckedChildren={t('variants.off')}
                onChange={(on) => update(row.key, { status: on ? 'active' : 'inactive' })}
              />
            ),
          },
          {
            title: <Tooltip title={t('variants.backorderHelp')}>{t('variants.backorder')}</Tooltip>,
            key: 'backorder',
            width: 90,
            align: 'center',
            render: (_, row) => (
              <Checkbox
                aria-label={t('variants.backorder')}
                checked={row.backorder}
                disabled={disabled}
                onChange={(e) => update(row.key, { backorder: e.target.checked })}
              />
            ),
          },
          {
            key: 'remove',
            width: 50,
            fixed: 'right',
            render: (_, row) =>
              disabled ? null : row.id ? (
                <Popconfirm
                  title={t('variants.removeConfirm')}
                  description={t('variants.removeHelp')}
                  okText={t('common:actions.delete')}
                  cancelText={t('common:actions.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => onRowsChange(rows.filter((r) => r.key !== row.key))}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('variants.remove')}
                  />
                </Popconfirm>
              ) : (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('variants.remove')}
                  onClick={() => onRowsChange(rows.filter((r) => r.key !== row.key))}
                />
              ),
          },
        ]}
      />
      {!disabled && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => onRowsChange([...rows, blankRow()])}
        >
          {t('variants.add')}
        </Button>
      )}
    </div>
  );
}

/** A SKU's price in each store of the product: follow the base price (converted) or override it. */
function StorePrices({
  row,
  sku,
  currency,
  stores,
  rates,
  disabled,
  errors,
  onChange,
}: {
  row: SkuRow;
  sku: Sku | undefined;
  currency: string;
  stores: StoreInfo[];
  rates: ExchangeRate[] | undefined;
  disabled: boolean;
  errors: Record<string, string[]> | undefined;
  onChange: (storeId: string, patch: Partial<StorePriceRow>) => void;
}) {
  const { t } = useTranslation('catalog');
  const fmt = useFormat();
  const baseMinor = toMinor(row.listPrice, currency);
  const baseSaleMinor = toMinor(row.salePrice, currency);
  const baseUnchanged = sku && baseMinor === sku.listPrice && baseSaleMinor === sku.salePrice;
  return (
    <div style={{ paddingBlock: 4 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('variants.storePricesHelp')}
      </Typography.Text>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        style={{ marginTop: 8, maxWidth: 900 }}
        dataSource={stores}
        columns={[
          { title: t('variants.store'), key: 'store', render: (_, s) => `${s.name} (${s.currency})` },
          {
            title: t('variants.priceMode'),
            key: 'mode',
            width: 220,
            render: (_, s) => (
              <Segmented
                size="small"
                disabled={disabled}
                value={row.storePrices[s.id]?.mode ?? 'follow'}
                onChange={(mode) => onChange(s.id, { mode: mode as StorePriceRow['mode'] })}
                options={[
                  { value: 'follow', label: t('variants.follow') },
                  { value: 'override', label: t('variants.override') },
                ]}
              />
            ),
          },
          {
            title: t('variants.storePrice'),
            key: 'price',
            render: (_, s) => {
              const p = row.storePrices[s.id];
              const saved = sku?.storePrices.find((x) => x.storeId === s.id);
              const storeErrors = errors?.[`storePrices.${s.id}`];
              if (p?.mode === 'override')
                return (
                  <>
                    <Space>
                      <InputNumber
                        size="small"
                        aria-label={t('variants.overrideList', { store: s.name })}
                        placeholder={t('variants.list')}
                        min={0}
                        precision={minorDigits(s.currency)}
                        addonAfter={s.currency}
                        disabled={disabled}
                        value={p.listPrice}
                        onChange={(v) => onChange(s.id, { listPrice: v ?? null })}
                      />
                      <InputNumber
                        size="small"
                        aria-label={t('variants.overrideSale', { store: s.name })}
                        placeholder={t('variants.sale')}
                        min={0}
                        precision={minorDigits(s.currency)}
                        addonAfter={s.currency}
                        disabled={disabled}
                        value={p.salePrice}
                        onChange={(v) => onChange(s.id, { salePrice: v ?? null })}
                      />
                    </Space>
                    {saved?.priceHold && (
                      <div>
                        <Tag color="gold">
                          {t('variants.held', { price: fmt.money(saved.priceHold.listPrice, s.currency) })}
                        </Tag>
                      </div>
                    )}
                    <FieldError errors={storeErrors} />
                  </>
                );
              if (saved && saved.mode === 'follow' && baseUnchanged)
                return (
                  <span>
                    {fmt.money(saved.salePrice ?? saved.listPrice, s.currency)}
                    {saved.salePrice !== null && (
                      <Typography.Text delete type="secondary" style={{ marginInlineStart: 6 }}>
                        {fmt.money(saved.listPrice, s.currency)}
                      </Typography.Text>
                    )}
                  </span>
                );
              if (baseMinor === null) return <Typography.Text type="secondary">—</Typography.Text>;
              const preview = convertPreview(baseSaleMinor ?? baseMinor, currency, s.currency, rates);
              return preview === null ? (
                <Typography.Text type="warning">
                  {t('variants.noRate', { from: currency, to: s.currency })}
                </Typography.Text>
              ) : (
                <Tooltip title={t('variants.previewHelp')}>
                  <Typography.Text type="secondary">≈ {fmt.money(preview, s.currency)}</Typography.Text>
                </Tooltip>
              );
            },
          },
        ]}
      />
      {stores.length === 0 && <Alert type="info" title={t('variants.noStores')} />}
    </div>
  );
}
