// Demo catalog configuration: a realistic category tree, attributes, compliance document types,
// rejection reasons and today's exchange rates. Idempotent: what already exists (by slug or key) is
// left as the operators have it; only what is missing is created.
import { and, eq } from 'drizzle-orm';
import type { PlatformCtx } from '../../platform/db/tenant';
import {
  type AttributeType,
  attributes,
  categories,
  categoryAttributes,
  categoryDocumentTypes,
  documentTypes,
  exchangeRates,
  rejectionReasons,
  type Translated,
} from './schema';
import { createAttribute } from './service/attributes';
import { createCategory } from './service/categories';
import { setCategoryAttribute, setCategoryDocumentType } from './service/category-links';
import { createDocumentType } from './service/document-types';
import { setExchangeRate } from './service/exchange-rates';
import { createRejectionReason } from './service/rejection-reasons';
import { isoDay } from './service/shared';

type Lang3 = Required<Translated>;
const t3 = (en: string, zh: string, ru: string): Lang3 => ({ 'zh-CN': zh, 'en-US': en, 'ru-RU': ru });

interface AttributeSeed {
  key: string;
  type: AttributeType;
  unit?: string;
  names: Lang3;
  options?: { value: string; names?: Translated }[];
}

const plain = (values: string[]) => values.map((value) => ({ value }));

const ATTRIBUTES: AttributeSeed[] = [
  {
    key: 'size',
    type: 'enum',
    names: t3('Size', '尺码', 'Размер'),
    options: plain(['XS', 'S', 'M', 'L', 'XL', 'XXL']),
  },
  {
    key: 'colour',
    type: 'enum',
    names: t3('Colour', '颜色', 'Цвет'),
    options: [
      { value: 'black', names: t3('Black', '黑色', 'Чёрный') },
      { value: 'white', names: t3('White', '白色', 'Белый') },
      { value: 'grey', names: t3('Grey', '灰色', 'Серый') },
      { value: 'red', names: t3('Red', '红色', 'Красный') },
      { value: 'pink', names: t3('Pink', '粉色', 'Розовый') },
      { value: 'blue', names: t3('Blue', '蓝色', 'Синий') },
      { value: 'navy', names: t3('Navy', '藏青色', 'Тёмно-синий') },
      { value: 'green', names: t3('Green', '绿色', 'Зелёный') },
      { value: 'beige', names: t3('Beige', '米色', 'Бежевый') },
      { value: 'silver', names: t3('Silver', '银色', 'Серебристый') },
    ],
  },
  { key: 'material', type: 'text', names: t3('Material', '材质', 'Материал') },
  {
    key: 'waist_size',
    type: 'enum',
    names: t3('Waist (inches)', '腰围（英寸）', 'Обхват талии (дюймы)'),
    options: plain(['26', '27', '28', '29', '30', '31', '32', '33', '34', '36', '38']),
  },
  {
    key: 'sleeve_length',
    type: 'enum',
    names: t3('Sleeve length', '袖长', 'Длина рукава'),
    options: [
      { value: 'short', names: t3('Short', '短袖', 'Короткий') },
      { value: 'long', names: t3('Long', '长袖', 'Длинный') },
      { value: 'sleeveless', names: t3('Sleeveless', '无袖', 'Без рукавов') },
    ],
  },
  { key: 'volume', type: 'number', unit: 'ml', names: t3('Volume', '容量', 'Объём') },
  { key: 'shelf_life', type: 'number', unit: 'months', names: t3('Shelf life', '保质期', 'Срок годности') },
  {
    key: 'skin_type',
    type: 'multi_enum',
    names: t3('Skin type', '适用肤质', 'Тип кожи'),
    options: [
      { value: 'normal', names: t3('Normal', '中性', 'Нормальная') },
      { value: 'dry', names: t3('Dry', '干性', 'Сухая') },
      { value: 'oily', names: t3('Oily', '油性', 'Жирная') },
      { value: 'combination', names: t3('Combination', '混合性', 'Комбинированная') },
      { value: 'sensitive', names: t3('Sensitive', '敏感性', 'Чувствительная') },
    ],
  },
  { key: 'shade', type: 'text', names: t3('Shade', '色号', 'Оттенок') },
  {
    key: 'screen_size',
    type: 'number',
    unit: 'in',
    names: t3('Screen size', '屏幕尺寸', 'Диагональ экрана'),
  },
  {
    key: 'battery_capacity',
    type: 'number',
    unit: 'mAh',
    names: t3('Battery capacity', '电池容量', 'Ёмкость аккумулятора'),
  },
  {
    key: 'storage',
    type: 'enum',
    names: t3('Storage', '存储容量', 'Встроенная память'),
    options: plain(['64 GB', '128 GB', '256 GB', '512 GB', '1 TB']),
  },
  {
    key: 'connector',
    type: 'enum',
    names: t3('Connector', '接口', 'Разъём'),
    options: plain(['USB-C', 'Lightning', 'Micro-USB', '3.5 mm']),
  },
  {
    key: 'power_output',
    type: 'number',
    unit: 'W',
    names: t3('Power output', '输出功率', 'Выходная мощность'),
  },
  { key: 'wireless', type: 'boolean', names: t3('Wireless', '无线', 'Беспроводные') },
  { key: 'warranty', type: 'number', unit: 'months', names: t3('Warranty', '保修期', 'Гарантия') },
  {
    key: 'dishwasher_safe',
    type: 'boolean',
    names: t3('Dishwasher safe', '可用洗碗机清洗', 'Можно мыть в посудомоечной машине'),
  },
  {
    key: 'device_class',
    type: 'enum',
    names: t3('Risk class', '风险等级', 'Класс потенциального риска'),
    options: plain(['1', '2a', '2b', '3']),
  },
];

interface DocumentTypeSeed {
  key: string;
  names: Lang3;
  numberPattern: string;
  numberExample: string;
  expires: boolean;
}

const DOCUMENT_TYPES: DocumentTypeSeed[] = [
  {
    key: 'eac_declaration',
    names: t3(
      'EAEU declaration of conformity (TR CU)',
      '欧亚经济联盟符合性声明（EAC）',
      'Декларация о соответствии ЕАЭС (ТР ТС)',
    ),
    numberPattern: 'ЕАЭС N RU Д-[A-Z]{2}\\.[А-ЯA-Z0-9]{4}\\.[А-ЯA-Z]\\.[0-9]{5}/[0-9]{2}',
    numberExample: 'ЕАЭС N RU Д-CN.РА01.В.12345/24',
    expires: true,
  },
  {
    key: 'rzn_registration',
    names: t3(
      'Roszdravnadzor registration certificate',
      '俄罗斯联邦卫生监督局医疗器械注册证（RZN）',
      'Регистрационное удостоверение Росздравнадзора',
    ),
    numberPattern: 'РЗН [0-9]{4}/[0-9]{3,6}',
    numberExample: 'РЗН 2024/12345',
    expires: false,
  },
  {
    key: 'cosmetics_safety_certificate',
    names: t3(
      'Cosmetics safety certificate',
      '化妆品安全认证证书',
      'Сертификат безопасности косметической продукции',
    ),
    numberPattern: 'ЕАЭС RU С-[A-Z]{2}\\.[А-ЯA-Z0-9]{4}\\.[А-ЯA-Z]\\.[0-9]{5}/[0-9]{2}',
    numberExample: 'ЕАЭС RU С-CN.АЖ49.В.01234/24',
    expires: true,
  },
  {
    key: 'food_safety_certificate',
    names: t3(
      'Food contact safety certificate (state registration)',
      '食品接触材料安全证书（国家注册）',
      'Свидетельство о государственной регистрации (контакт с пищевыми продуктами)',
    ),
    numberPattern:
      '(RU|KZ|BY)\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{3}\\.[A-ZА-Я]\\.[0-9]{6}\\.[0-9]{2}\\.[0-9]{2}',
    numberExample: 'RU.77.99.88.003.Е.001234.05.24',
    expires: false,
  },
];

interface LinkSeed {
  key: string;
  required?: boolean;
  variant?: boolean;
  excluded?: boolean;
}

interface CategorySeed {
  slug: string;
  names: Lang3;
  commissionBps?: number;
  minImages?: number;
  maxImages?: number;
  requiredLanguages?: ('zh-CN' | 'en-US' | 'ru-RU')[];
  attributes?: LinkSeed[];
  documents?: string[];
  children?: CategorySeed[];
}

const TREE: CategorySeed[] = [
  {
    slug: 'clothing',
    names: t3('Clothing', '服装', 'Одежда'),
    commissionBps: 1500,
    minImages: 3,
    maxImages: 8,
    attributes: [
      { key: 'colour', required: true, variant: true },
      { key: 'size', required: true, variant: true },
      { key: 'material', required: true },
    ],
    children: [
      {
        slug: 'women',
        names: t3('Women', '女装', 'Женская одежда'),
        children: [
          {
            slug: 'women-t-shirts',
            names: t3('T-shirts', 'T恤', 'Футболки'),
            attributes: [{ key: 'sleeve_length' }],
          },
          {
            slug: 'women-dresses',
            names: t3('Dresses', '连衣裙', 'Платья'),
            commissionBps: 1700,
            maxImages: 10,
          },
          {
            slug: 'women-jeans',
            names: t3('Jeans', '牛仔裤', 'Джинсы'),
            attributes: [
              { key: 'size', excluded: true },
              { key: 'waist_size', required: true, variant: true },
            ],
          },
        ],
      },
      {
        slug: 'men',
        names: t3('Men', '男装', 'Мужская одежда'),
        children: [
          {
            slug: 'men-t-shirts',
            names: t3('T-shirts', 'T恤', 'Футболки'),
            attributes: [{ key: 'sleeve_length' }],
          },
          {
            slug: 'men-jeans',
            names: t3('Jeans', '牛仔裤', 'Джинсы'),
            attributes: [
              { key: 'size', excluded: true },
              { key: 'waist_size', required: true, variant: true },
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'beauty',
    names: t3('Beauty', '美妆个护', 'Красота'),
    commissionBps: 1200,
    minImages: 2,
    maxImages: 9,
    requiredLanguages: ['en-US', 'ru-RU'],
    attributes: [
      { key: 'volume', required: true },
      { key: 'shelf_life', required: true },
    ],
    documents: ['cosmetics_safety_certificate'],
    children: [
      {
        slug: 'skin-care',
        names: t3('Skin care', '护肤', 'Уход за кожей'),
        attributes: [{ key: 'skin_type', required: true }],
      },
      {
        slug: 'makeup',
        names: t3('Makeup', '彩妆', 'Макияж'),
        attributes: [{ key: 'shade', required: true, variant: true }],
      },
    ],
  },
  {
    slug: 'electronics',
    names: t3('Electronics', '数码电子', 'Электроника'),
    commissionBps: 800,
    minImages: 2,
    maxImages: 10,
    attributes: [
      { key: 'warranty', required: true },
      { key: 'colour', variant: true },
    ],
    documents: ['eac_declaration'],
    children: [
      {
        slug: 'phones',
        names: t3('Phones', '手机', 'Смартфоны'),
        commissionBps: 500,
        attributes: [
          { key: 'screen_size', required: true },
          { key: 'battery_capacity', required: true },
          { key: 'storage', required: true, variant: true },
        ],
      },
      {
        slug: 'headphones',
        names: t3('Headphones', '耳机', 'Наушники'),
        attributes: [{ key: 'wireless', required: true }, { key: 'connector' }, { key: 'battery_capacity' }],
      },
      {
        slug: 'chargers',
        names: t3('Chargers', '充电器', 'Зарядные устройства'),
        attributes: [
          { key: 'power_output', required: true },
          { key: 'connector', required: true, variant: true },
        ],
      },
    ],
  },
  {
    slug: 'home',
    names: t3('Home', '家居', 'Дом'),
    commissionBps: 1000,
    minImages: 1,
    maxImages: 10,
    children: [
      {
        slug: 'kitchen',
        names: t3('Kitchen', '厨房用品', 'Кухня'),
        attributes: [
          { key: 'material', required: true },
          { key: 'volume' },
          { key: 'dishwasher_safe' },
          { key: 'colour', variant: true },
        ],
        documents: ['food_safety_certificate'],
      },
    ],
  },
  {
    slug: 'health',
    names: t3('Health', '医疗保健', 'Здоровье'),
    commissionBps: 1000,
    minImages: 2,
    maxImages: 8,
    requiredLanguages: ['en-US', 'ru-RU'],
    children: [
      {
        slug: 'medical-devices',
        names: t3('Medical devices', '医疗器械', 'Медицинские изделия'),
        attributes: [{ key: 'device_class', required: true }, { key: 'warranty' }],
        documents: ['rzn_registration'],
      },
    ],
  },
];

const REJECTION_REASONS: { key: string; names: Lang3 }[] = [
  {
    key: 'wrong_category',
    names: t3(
      'The product is in the wrong category. Choose the category that matches the product.',
      '商品类目选择错误，请选择与商品相符的类目。',
      'Товар размещён не в той категории. Выберите категорию, соответствующую товару.',
    ),
  },
  {
    key: 'image_watermark',
    names: t3(
      'Images carry watermarks, logos of other shops or promotional text.',
      '图片含有水印、其他店铺标志或促销文字。',
      'На изображениях есть водяные знаки, логотипы других магазинов или рекламный текст.',
    ),
  },
  {
    key: 'poor_image_quality',
    names: t3(
      'Images are blurry, too small or do not show the product clearly.',
      '图片模糊、尺寸过小或未清晰展示商品。',
      'Изображения размытые, слишком маленькие или плохо показывают товар.',
    ),
  },
  {
    key: 'missing_certificate',
    names: t3(
      'A required compliance document is missing, invalid or expired.',
      '缺少必需的资质文件，或文件无效、已过期。',
      'Нет обязательного разрешительного документа, либо он недействителен или просрочен.',
    ),
  },
  {
    key: 'prohibited_item',
    names: t3(
      'The product may not be sold on the platform.',
      '该商品属于平台禁售商品。',
      'Этот товар запрещён к продаже на площадке.',
    ),
  },
  {
    key: 'misleading_title',
    names: t3(
      'The title or description is misleading or does not match the product.',
      '标题或描述存在误导，或与商品不符。',
      'Название или описание вводит в заблуждение или не соответствует товару.',
    ),
  },
  {
    key: 'missing_translations',
    names: t3(
      'Titles or descriptions are missing in a required language.',
      '缺少必需语言的标题或描述。',
      'Нет названия или описания на обязательном языке.',
    ),
  },
  {
    key: 'incomplete_attributes',
    names: t3(
      'Required attributes are missing or filled in incorrectly.',
      '必填属性缺失或填写错误。',
      'Обязательные характеристики не заполнены или заполнены неверно.',
    ),
  },
  {
    key: 'counterfeit_suspected',
    names: t3(
      'The product appears to infringe a trademark. Provide proof of authenticity.',
      '商品疑似侵犯商标权，请提供正品证明。',
      'Товар, вероятно, нарушает права на товарный знак. Предоставьте подтверждение подлинности.',
    ),
  },
];

/** Today's demo rates (units of quote per 1 base). */
const EXCHANGE_RATES: [string, string, string][] = [
  ['USD', 'CNY', '7.185'],
  ['EUR', 'CNY', '7.802'],
  ['EUR', 'USD', '1.086'],
  ['CNY', 'RUB', '12.45'],
  ['USD', 'RUB', '89.45'],
  ['EUR', 'RUB', '97.12'],
  ['CNY', 'KZT', '66.3'],
  ['USD', 'KZT', '476.2'],
  ['EUR', 'KZT', '517.9'],
  ['RUB', 'KZT', '5.33'],
];

export interface PlatformCatalogSeed {
  /** Category ids by slug. */
  categories: Record<string, string>;
  /** Attribute ids by key. */
  attributes: Record<string, string>;
  /** Document type ids by key. */
  documentTypes: Record<string, string>;
  /** What this run created (0 everywhere on a second run). */
  created: {
    categories: number;
    attributes: number;
    documentTypes: number;
    links: number;
    rejectionReasons: number;
    exchangeRates: number;
  };
}

/** Creates the demo catalog configuration; safe to run again (existing entries are kept as they are). */
export async function seedPlatformCatalog(ctx: PlatformCtx): Promise<PlatformCatalogSeed> {
  const out: PlatformCatalogSeed = {
    categories: {},
    attributes: {},
    documentTypes: {},
    created: {
      categories: 0,
      attributes: 0,
      documentTypes: 0,
      links: 0,
      rejectionReasons: 0,
      exchangeRates: 0,
    },
  };

  for (const a of ATTRIBUTES) {
    const [existing] = await ctx.tx
      .select({ id: attributes.id })
      .from(attributes)
      .where(eq(attributes.key, a.key));
    if (existing) {
      out.attributes[a.key] = existing.id;
      continue;
    }
    const made = await createAttribute(ctx, {
      key: a.key,
      type: a.type,
      unit: a.unit ?? null,
      names: a.names,
      ...(a.options ? { options: a.options } : {}),
    });
    out.attributes[a.key] = made.id;
    out.created.attributes++;
  }

  for (const d of DOCUMENT_TYPES) {
    const [existing] = await ctx.tx
      .select({ id: documentTypes.id })
      .from(documentTypes)
      .where(eq(documentTypes.key, d.key));
    if (existing) {
      out.documentTypes[d.key] = existing.id;
      continue;
    }
    const made = await createDocumentType(ctx, d);
    out.documentTypes[d.key] = made.id;
    out.created.documentTypes++;
  }

  const visit = async (seed: CategorySeed, parentId: string | null, position: number) => {
    const [existing] = await ctx.tx
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.slug, seed.slug));
    let id = existing?.id;
    if (!id) {
      const made = await createCategory(ctx, {
        parentId,
        slug: seed.slug,
        names: seed.names,
        position,
        commissionBps: seed.commissionBps ?? null,
        minImages: seed.minImages ?? null,
        maxImages: seed.maxImages ?? null,
        requiredLanguages: seed.requiredLanguages ?? null,
      });
      id = made.id;
      out.created.categories++;
    }
    out.categories[seed.slug] = id;
    for (const [i, link] of (seed.attributes ?? []).entries()) {
      const attributeId = out.attributes[link.key] as string;
      const [has] = await ctx.tx
        .select({ id: categoryAttributes.attributeId })
        .from(categoryAttributes)
        .where(and(eq(categoryAttributes.categoryId, id), eq(categoryAttributes.attributeId, attributeId)));
      if (has) continue;
      await setCategoryAttribute(ctx, id, attributeId, {
        required: link.required ?? false,
        variant: link.variant ?? false,
        excluded: link.excluded ?? false,
        position: (parentId ? 10 : 0) + i,
      });
      out.created.links++;
    }
    for (const key of seed.documents ?? []) {
      const documentTypeId = out.documentTypes[key] as string;
      const [has] = await ctx.tx
        .select({ id: categoryDocumentTypes.documentTypeId })
        .from(categoryDocumentTypes)
        .where(
          and(
            eq(categoryDocumentTypes.categoryId, id),
            eq(categoryDocumentTypes.documentTypeId, documentTypeId),
          ),
        );
      if (has) continue;
      await setCategoryDocumentType(ctx, id, documentTypeId, {});
      out.created.links++;
    }
    for (const [i, child] of (seed.children ?? []).entries()) await visit(child, id, i);
  };
  for (const [i, root] of TREE.entries()) await visit(root, null, i);

  for (const [i, reason] of REJECTION_REASONS.entries()) {
    const [existing] = await ctx.tx
      .select({ id: rejectionReasons.id })
      .from(rejectionReasons)
      .where(eq(rejectionReasons.key, reason.key));
    if (existing) continue;
    await createRejectionReason(ctx, { key: reason.key, names: reason.names, position: i });
    out.created.rejectionReasons++;
  }

  const day = isoDay(ctx.now);
  for (const [base, quote, rate] of EXCHANGE_RATES) {
    const [existing] = await ctx.tx
      .select({ rate: exchangeRates.rate })
      .from(exchangeRates)
      .where(and(eq(exchangeRates.base, base), eq(exchangeRates.quote, quote), eq(exchangeRates.day, day)));
    if (existing) continue;
    await setExchangeRate(ctx, { base, quote, rate, day });
    out.created.exchangeRates++;
  }
  return out;
}
