// Demo catalogue: the platform's catalog configuration and warehouses, and for each demo seller an
// own warehouse, compliance documents and a few hundred products with SKUs, images, prices and stock,
// reviewed by the demo operator (most approved, some pending, some rejected with reasons).
//
// Everything goes through the domains' services, one transaction per step and never nested (PGlite
// has a single connection). Idempotent: a product is created only when its first SKU code is not
// there yet, documents and warehouses only when their number / code is missing.
import sharp from 'sharp';
import { findUserByEmail, listStores } from '../server/domains/accounts';
import {
  approveListing,
  changeSaleState,
  createDocument,
  createProduct,
  rejectListing,
  runDocumentExpiry,
  type SkuInput,
  skuRefsByCode,
  submitProduct,
  updateProduct,
  uploadImage,
} from '../server/domains/catalog';
import { adjustStock, createWarehouse, listWarehouses } from '../server/domains/inventory';
import { categoryIdBySlug, categoryRules, seedPlatformCatalog } from '../server/domains/platform';
import type { Database } from '../server/platform/db/engine';
import {
  type Actor,
  backgroundBase,
  type PlatformCtx,
  type SellerCtx,
  withPlatform,
  withSystem,
  withTenant,
} from '../server/platform/db/tenant';
import type { Locale } from '../server/platform/i18n/locale';
import {
  between,
  type CategorySpec,
  categorySpec,
  ean13,
  pick,
  productTexts,
  rng,
  type Variant,
} from './demo-catalog-data';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

interface WarehouseSeed {
  code: string;
  name: string;
  address: {
    country: string;
    region?: string;
    city: string;
    line1: string;
    postalCode?: string;
    phone?: string;
  };
  handlingDays: number;
}

const PLATFORM_WAREHOUSES: WarehouseSeed[] = [
  {
    code: 'MSK-KOLEDINO',
    name: 'Москва, Коледино (FBO)',
    address: {
      country: 'RU',
      region: 'Московская область',
      city: 'Подольск',
      line1: 'деревня Коледино, Троицкая ул., 20',
      postalCode: '142181',
    },
    handlingDays: 0,
  },
  {
    code: 'KZN-FC',
    name: 'Казань (FBO)',
    address: {
      country: 'RU',
      region: 'Татарстан',
      city: 'Зеленодольск',
      line1: 'промзона Зелёный Дол, 1',
      postalCode: '422546',
    },
    handlingDays: 1,
  },
  {
    code: 'HGH-FC',
    name: '杭州萧山仓 Hangzhou Xiaoshan FC',
    address: {
      country: 'CN',
      region: '浙江省',
      city: '杭州',
      line1: '萧山区空港大道 188 号',
      postalCode: '311225',
    },
    handlingDays: 1,
  },
];

interface DocumentSeed {
  type: 'cosmetics_safety_certificate' | 'eac_declaration' | 'food_safety_certificate' | 'rzn_registration';
  number: string;
  issuer: string;
  issuedDaysAgo: number;
  /** Days from today; null: does not expire. */
  expiresInDays: number | null;
  /** Which products link it: the category's regular products, or one special product. */
  use: 'regular' | 'expiring' | 'expired';
}

/** A demo seller's catalogue: what it sells and where it keeps stock. */
interface CatalogSellerSeed {
  key: string;
  ownerEmail: string;
  locale: Locale;
  currency: 'CNY' | 'RUB';
  /** SKU code prefix. */
  prefix: string;
  /** GS1 company prefix (7 digits) for its EAN-13 barcodes: 69… China, 46… Russia. */
  gs1: string;
  /** Category slugs with their weights in the assortment. */
  mix: [string, number][];
  warehouse: WarehouseSeed;
  /** Platform warehouses (FBO) that also hold some of its stock. */
  fulfilment: string[];
  documents: DocumentSeed[];
  /** Brand for most products (others come from the category's list). */
  brand: string;
  rejectNote: string;
}

const SELLER_SEEDS: CatalogSellerSeed[] = [
  {
    key: 'demo-shop-1',
    ownerEmail: 'owner@demo-shop-1.sellercenter.dev',
    locale: 'zh-CN',
    currency: 'CNY',
    prefix: 'SR',
    gs1: '6971234',
    mix: [
      ['women-dresses', 20],
      ['women-t-shirts', 14],
      ['kitchen', 20],
      ['skin-care', 14],
      ['makeup', 10],
      ['headphones', 11],
      ['chargers', 11],
    ],
    warehouse: {
      code: 'HZ-MAIN',
      name: '杭州自营仓',
      address: {
        country: 'CN',
        region: '浙江省',
        city: '杭州',
        line1: '西湖区文三路 90 号',
        postalCode: '310012',
      },
      handlingDays: 1,
    },
    fulfilment: ['HGH-FC', 'MSK-KOLEDINO'],
    documents: [
      {
        type: 'cosmetics_safety_certificate',
        number: 'ЕАЭС RU С-CN.АЖ49.В.01234/24',
        issuer: 'ООО «Сертификация косметики»',
        issuedDaysAgo: 300,
        expiresInDays: 700,
        use: 'regular',
      },
      {
        type: 'cosmetics_safety_certificate',
        number: 'ЕАЭС RU С-CN.АЖ49.В.05678/23',
        issuer: 'ООО «Сертификация косметики»',
        issuedDaysAgo: 360,
        expiresInDays: 5,
        use: 'expiring',
      },
      {
        type: 'cosmetics_safety_certificate',
        number: 'ЕАЭС RU С-CN.АЖ49.В.09012/23',
        issuer: 'ООО «Сертификация косметики»',
        issuedDaysAgo: 400,
        expiresInDays: -3,
        use: 'expired',
      },
      {
        type: 'eac_declaration',
        number: 'ЕАЭС N RU Д-CN.РА01.В.12345/24',
        issuer: 'ООО «ЕвроТест»',
        issuedDaysAgo: 200,
        expiresInDays: 900,
        use: 'regular',
      },
      {
        type: 'food_safety_certificate',
        number: 'RU.77.99.88.003.Е.001234.05.24',
        issuer: 'Роспотребнадзор',
        issuedDaysAgo: 180,
        expiresInDays: null,
        use: 'regular',
      },
    ],
    brand: 'Silk Road Home',
    rejectNote: '请上传清晰的商品实拍图，并补全俄语描述。',
  },
  {
    key: 'demo-shop-2',
    ownerEmail: 'owner@demo-shop-2.sellercenter.dev',
    locale: 'ru-RU',
    currency: 'RUB',
    prefix: 'SV',
    gs1: '4607012',
    mix: [
      ['men-t-shirts', 18],
      ['men-jeans', 14],
      ['women-jeans', 14],
      ['women-t-shirts', 10],
      ['chargers', 10],
      ['phones', 10],
      ['kitchen', 12],
      ['medical-devices', 12],
    ],
    warehouse: {
      code: 'SPB-MAIN',
      name: 'Склад «Северный ветер», Санкт-Петербург',
      address: {
        country: 'RU',
        city: 'Санкт-Петербург',
        line1: 'Выборгское шоссе, 212',
        postalCode: '194355',
      },
      handlingDays: 1,
    },
    fulfilment: ['MSK-KOLEDINO', 'KZN-FC'],
    documents: [
      {
        type: 'eac_declaration',
        number: 'ЕАЭС N RU Д-RU.РА02.В.54321/24',
        issuer: 'ООО «Ростест-Северо-Запад»',
        issuedDaysAgo: 150,
        expiresInDays: 1000,
        use: 'regular',
      },
      {
        type: 'food_safety_certificate',
        number: 'RU.78.01.05.003.Е.004321.02.24',
        issuer: 'Роспотребнадзор',
        issuedDaysAgo: 220,
        expiresInDays: null,
        use: 'regular',
      },
      {
        type: 'rzn_registration',
        number: 'РЗН 2023/19876',
        issuer: 'Росздравнадзор',
        issuedDaysAgo: 500,
        expiresInDays: null,
        use: 'regular',
      },
    ],
    brand: 'Nordwind',
    rejectNote: 'Замените фото на снимки без водяных знаков и заполните характеристики.',
  },
];

const OPERATOR_EMAIL = 'operator@demo.sellercenter.dev';

/** Products per demo seller: SEED_PRODUCTS, default 300. */
export function demoProductCount(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SEED_PRODUCTS;
  if (raw === undefined || raw === '') return 300;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10_000)
    throw new Error(`SEED_PRODUCTS must be 0–10000, got ${raw}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Images: a small palette per category (coloured background, a simple shape), generated once.

const IMAGE_SIDE = 500;
const palettes = new Map<string, Promise<Buffer[]>>();

function shapeSvg(hue: number, variant: number): string {
  const s = IMAGE_SIDE;
  const fg = `hsl(${hue},55%,42%)`;
  const accent = `hsl(${(hue + 40) % 360},65%,60%)`;
  const shapes = [
    `<circle cx="${s / 2}" cy="${s / 2}" r="${s * 0.3}" fill="${fg}"/>`,
    `<rect x="${s * 0.22}" y="${s * 0.22}" width="${s * 0.56}" height="${s * 0.56}" rx="${s * 0.08}" fill="${fg}"/>`,
    `<polygon points="${s / 2},${s * 0.18} ${s * 0.82},${s * 0.8} ${s * 0.18},${s * 0.8}" fill="${fg}"/>`,
    `<ellipse cx="${s / 2}" cy="${s / 2}" rx="${s * 0.36}" ry="${s * 0.22}" fill="${fg}"/><circle cx="${s / 2}" cy="${s / 2}" r="${s * 0.1}" fill="${accent}"/>`,
    `<circle cx="${s / 2}" cy="${s / 2}" r="${s * 0.32}" fill="none" stroke="${fg}" stroke-width="${s * 0.07}"/><circle cx="${s / 2}" cy="${s / 2}" r="${s * 0.12}" fill="${accent}"/>`,
    `<rect x="${s * 0.15}" y="${s * 0.4}" width="${s * 0.7}" height="${s * 0.2}" rx="${s * 0.1}" fill="${fg}"/><rect x="${s * 0.4}" y="${s * 0.15}" width="${s * 0.2}" height="${s * 0.7}" rx="${s * 0.1}" fill="${accent}"/>`,
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}"><rect width="${s}" height="${s}" fill="hsl(${hue},45%,${88 - variant}%)"/>${shapes[variant % shapes.length]}</svg>`;
}

/** Six distinct JPEGs for a category (its hue), generated once per process. */
function palette(spec: CategorySpec): Promise<Buffer[]> {
  let p = palettes.get(spec.slug);
  if (!p) {
    const hue = [...spec.slug].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
    p = Promise.all(
      Array.from({ length: 6 }, (_, v) =>
        sharp(Buffer.from(shapeSvg(hue, v)))
          .jpeg({ quality: 85 })
          .toBuffer(),
      ),
    );
    palettes.set(spec.slug, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Contexts

interface SellerRef {
  seed: CatalogSellerSeed;
  sellerId: string;
  owner: Actor;
  stores: { id: string; currency: string }[];
  warehouseId: string;
  fulfilment: string[];
  documents: Map<string, string>;
}

const sellerTx = <T>(db: Database, s: SellerRef, fn: (ctx: SellerCtx) => Promise<T>, now = new Date()) =>
  withTenant(
    db,
    {
      ...backgroundBase(s.seed.locale),
      now,
      actor: s.owner,
      sellerId: s.sellerId,
      storeIds: null,
      currentStoreId: null,
    },
    fn,
  );

const platformTx = <T>(
  db: Database,
  operator: Actor,
  fn: (ctx: PlatformCtx) => Promise<T>,
  now = new Date(),
) => withPlatform(db, { ...backgroundBase(), now, actor: operator }, fn);

async function userActor(db: Database, email: string, kind: Actor['kind']): Promise<Actor | null> {
  const user = await withSystem(db, backgroundBase(), (ctx) => findUserByEmail(ctx, email));
  return user ? { kind, id: user.id, label: email, permissions: new Set() } : null;
}

async function sellerIdOf(db: Database, ownerEmail: string): Promise<string | null> {
  const { rows } = await db.raw(
    `select m.seller_id from members m join users u on u.id = m.user_id
     where lower(u.email) = lower($1) order by m.created_at limit 1`,
    [ownerEmail],
  );
  return (rows[0] as { seller_id: string } | undefined)?.seller_id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Platform

async function seedPlatform(db: Database, operator: Actor) {
  await platformTx(db, operator, (ctx) => seedPlatformCatalog(ctx));
  await platformTx(db, operator, async (ctx) => {
    const have = new Set((await listWarehouses(ctx, { kind: 'platform' })).map((w) => w.code));
    for (const w of PLATFORM_WAREHOUSES)
      if (!have.has(w.code)) await createWarehouse(ctx, { ...w, active: true });
  });
}

// ---------------------------------------------------------------------------------------------
// One seller

async function prepareSeller(db: Database, seed: CatalogSellerSeed): Promise<SellerRef | null> {
  const sellerId = await sellerIdOf(db, seed.ownerEmail);
  const owner = await userActor(db, seed.ownerEmail, 'user');
  if (!sellerId || !owner) return null;
  const ref: SellerRef = {
    seed,
    sellerId,
    owner,
    stores: [],
    warehouseId: '',
    fulfilment: [],
    documents: new Map(),
  };
  await sellerTx(db, ref, async (ctx) => {
    ref.stores = (await listStores(ctx, { status: 'active' })).map((s) => ({
      id: s.id,
      currency: s.currency,
    }));
    const all = await listWarehouses(ctx);
    let own = all.find((w) => w.kind === 'own' && w.code === seed.warehouse.code);
    if (!own) own = await createWarehouse(ctx, { ...seed.warehouse, active: true });
    ref.warehouseId = own.id;
    ref.fulfilment = seed.fulfilment
      .map((code) => all.find((w) => w.kind === 'platform' && w.code === code)?.id)
      .filter((id): id is string => !!id);
  });
  // Documents: the existing ones by number; the missing ones created, each as of its issue date, so
  // that an already expired certificate could be registered back when it was valid.
  const { rows } = await db.raw('select id, number from compliance_documents where seller_id = $1', [
    sellerId,
  ]);
  const existing = new Map((rows as { id: string; number: string }[]).map((r) => [r.number, r.id]));
  const today = new Date();
  for (const d of seed.documents) {
    let id = existing.get(d.number);
    if (!id) {
      const issued = addDays(today, -d.issuedDaysAgo);
      id = await sellerTx(
        db,
        ref,
        async (ctx) => {
          const typeId = await documentTypeId(ctx, d.type);
          const doc = await createDocument(ctx, {
            documentTypeId: typeId,
            number: d.number,
            issuer: d.issuer,
            issuedOn: isoDay(issued),
            ...(d.expiresInDays !== null ? { expiresOn: isoDay(addDays(today, d.expiresInDays)) } : {}),
          });
          return doc.id;
        },
        addDays(issued, 1),
      );
    }
    ref.documents.set(d.use === 'regular' ? d.type : d.use, id);
  }
  return ref;
}

const documentTypeIds = new Map<string, string>();

/** A document type's id by key, from the categories that require it (platform rules). */
async function documentTypeId(ctx: SellerCtx, key: string): Promise<string> {
  const known = documentTypeIds.get(key);
  if (known) return known;
  for (const slug of ['skin-care', 'phones', 'kitchen', 'medical-devices']) {
    const rules = await categoryRules(ctx, await categoryIdOf(ctx, slug));
    for (const t of rules?.documentTypes ?? []) documentTypeIds.set(t.key, t.id);
  }
  const id = documentTypeIds.get(key);
  if (!id) throw new Error(`demo seed: document type ${key} is not configured`);
  return id;
}

const categoryIds = new Map<string, string>();
async function categoryIdOf(ctx: SellerCtx | PlatformCtx, slug: string): Promise<string> {
  const known = categoryIds.get(slug);
  if (known) return known;
  const id = await categoryIdBySlug(ctx, slug);
  if (!id) throw new Error(`demo seed: category ${slug} is missing`);
  categoryIds.set(slug, id);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Products

type Fate = 'draft' | 'pending' | 'rejected' | 'approved' | 'inactive' | 'revision';

interface ProductPlan {
  key: string;
  spec: CategorySpec;
  fate: Fate;
  /** Where its documents come from (the special cosmetics products). */
  documents: 'regular' | 'expiring' | 'expired';
  /** Store ids it is sold in. */
  storeIds: string[];
  body: {
    brand: string | null;
    title: Record<'zh-CN' | 'en-US' | 'ru-RU', string>;
    description: Record<'zh-CN' | 'en-US' | 'ru-RU', string>;
    keywords: Record<'zh-CN' | 'en-US' | 'ru-RU', string>;
    attributes: Record<string, string | number | boolean | string[]>;
  };
  skus: SkuInput[];
  /** Units per SKU in the own warehouse and in a fulfilment centre (0: none). */
  stock: { own: number; fbo: number }[];
  fboIndex: number;
  images: number[];
}

/** A price in the seller's currency (minor units) from a CNY amount, with a shop-like ending. */
function priceIn(currency: 'CNY' | 'RUB', cny: number): number {
  if (currency === 'RUB') return Math.max(99, Math.round((cny * 12.45) / 10) * 10 - 1) * 100;
  return cny * 100 - 10;
}

function planProduct(
  s: SellerRef,
  index: number,
  special?: { fate: Fate; slug: string; documents: ProductPlan['documents'] },
): ProductPlan {
  const seed = s.seed;
  const r = rng(index * 7919 + (seed.key === 'demo-shop-1' ? 17 : 29) + (special ? 100_003 : 0));
  let slug = special?.slug;
  if (!slug) {
    const total = seed.mix.reduce((n, [, w]) => n + w, 0);
    let x = r() * total;
    slug = seed.mix[seed.mix.length - 1]?.[0] as string;
    for (const [cat, w] of seed.mix) {
      if (x < w) {
        slug = cat;
        break;
      }
      x -= w;
    }
  }
  const spec = categorySpec(slug);
  const texts = productTexts(spec, r);
  const f = r();
  const fate: Fate =
    special?.fate ??
    (f < 0.04 ? 'draft' : f < 0.1 ? 'pending' : f < 0.14 ? 'rejected' : f < 0.17 ? 'inactive' : 'approved');
  const key = special ? `X${index}` : String(index).padStart(4, '0');
  const variants: Variant[] = spec.variants(r).slice(0, 6);
  const baseCny = between(r, spec.priceCny[0], spec.priceCny[1]);
  const onSale = r() < 0.25;
  const backorder = r() < 0.03;
  const soldOut = !backorder && r() < 0.05;
  const skus: SkuInput[] = variants.map((v, i) => {
    const cny = Math.round(baseCny * (1 + 0.12 * (spec.slug === 'phones' ? i : 0)));
    const listPrice = priceIn(seed.currency, cny);
    const salePrice = onSale ? priceIn(seed.currency, Math.max(1, Math.round(cny * 0.8))) : null;
    const skuNo = (special ? 90_000 : 0) + index * 6 + i;
    return {
      code: `${seed.prefix}-${spec.code}-${key}-${v.code}`.replace(/\s+/g, ''),
      barcode: ean13(`${seed.gs1}${String(skuNo).padStart(5, '0')}`),
      options: v.options,
      listPrice,
      ...(salePrice !== null && salePrice < listPrice ? { salePrice } : {}),
      weightGrams: between(r, spec.weightGrams[0], spec.weightGrams[1]),
      lengthMm: spec.box[0],
      widthMm: spec.box[1],
      heightMm: spec.box[2],
      ...(backorder ? { backorder: true } : {}),
    };
  });
  const stock = skus.map(() => {
    if (soldOut || backorder) return { own: 0, fbo: 0 };
    const u = r();
    const own = u < 0.06 ? 0 : u < 0.15 ? between(r, 1, 4) : between(r, 6, 180);
    return { own, fbo: r() < 0.3 ? between(r, 10, 300) : 0 };
  });
  // Chinese seller: most products in both stores (the RU store follows the CNY price); some only at home.
  const home = s.stores.find((x) => x.currency === seed.currency) ?? s.stores[0];
  const storeIds = s.stores
    .filter((x) => x === home || (special?.documents !== 'expired' && r() < 0.8))
    .map((x) => x.id);
  const start = between(r, 0, 5);
  return {
    key,
    spec,
    fate,
    documents: special?.documents ?? 'regular',
    storeIds,
    body: {
      brand: r() < 0.6 ? seed.brand : pick(r, spec.brands),
      ...texts,
      attributes: spec.attributes(r),
    },
    skus,
    stock,
    fboIndex: between(r, 0, Math.max(0, s.fulfilment.length - 1)),
    images: [0, 1, 2, 3, 4, 5].map((k) => (start + k) % 6),
  };
}

interface Created {
  plan: ProductPlan;
  productId: string;
  reviewId: string | null;
}

const minImages = new Map<string, number>();

/** Uploads the product's images (as many as its category needs). */
async function uploadPlanned(ctx: SellerCtx, plan: ProductPlan): Promise<string[]> {
  let min = minImages.get(plan.spec.slug);
  if (min === undefined) {
    min = (await categoryRules(ctx, await categoryIdOf(ctx, plan.spec.slug)))?.minImages ?? 1;
    minImages.set(plan.spec.slug, min);
  }
  const pictures = await palette(plan.spec);
  const chosen = plan.images.slice(0, Math.max(1, min));
  const ids: string[] = [];
  for (const i of chosen) {
    const image = await uploadImage(ctx, {
      data: pictures[i] as Buffer,
      filename: `${plan.spec.code}-${plan.key}-${i + 1}.jpg`,
    });
    ids.push(image.id);
  }
  return ids;
}

/** Creates the product (SKUs, images, documents), stocks it and submits it, in the seller's transaction. */
async function createPlanned(
  ctx: SellerCtx,
  s: SellerRef,
  plan: ProductPlan,
  imageIds: string[],
): Promise<Created> {
  const categoryId = await categoryIdOf(ctx, plan.spec.slug);
  const documentIds: string[] = [];
  if (plan.spec.document) {
    const doc = s.documents.get(plan.documents === 'regular' ? plan.spec.document : plan.documents);
    if (doc) documentIds.push(doc);
  }
  const product = await createProduct(ctx, {
    categoryId,
    ...plan.body,
    storeIds: plan.storeIds,
    skus: plan.skus,
    imageIds,
    documentIds,
  });
  for (const [i, sku] of product.skus.entries()) {
    const units = plan.stock[i];
    if (!units) continue;
    if (units.own > 0)
      await adjustStock(ctx, {
        skuId: sku.id,
        productId: product.id,
        warehouseId: s.warehouseId,
        delta: units.own,
        reason: 'received',
        note: 'Opening stock from the supplier',
      });
    const fbo = s.fulfilment[plan.fboIndex];
    if (units.fbo > 0 && fbo)
      await adjustStock(ctx, {
        skuId: sku.id,
        productId: product.id,
        warehouseId: fbo,
        delta: units.fbo,
        reason: 'received',
        note: 'Inbound shipment accepted at the fulfilment centre',
      });
  }
  if (plan.fate === 'draft') return { plan, productId: product.id, reviewId: null };
  const submitted = await submitProduct(ctx, product.id);
  return { plan, productId: product.id, reviewId: submitted.reviews[0]?.id ?? null };
}

const REJECTION_KEYS = [
  'poor_image_quality',
  'missing_translations',
  'incomplete_attributes',
  'image_watermark',
  'misleading_title',
];

/** The operator decides the batch's submissions: approve, or reject with reasons and a note. */
async function review(ctx: PlatformCtx, s: SellerRef, batch: Created[]) {
  for (const c of batch) {
    if (!c.reviewId || c.plan.fate === 'pending') continue;
    if (c.plan.fate === 'rejected') {
      const r = rng(c.plan.key.length * 31 + c.plan.skus.length);
      const first = pick(r, REJECTION_KEYS);
      const keys = [
        first,
        ...(r() < 0.4
          ? [
              pick(
                r,
                REJECTION_KEYS.filter((k) => k !== first),
              ),
            ]
          : []),
      ];
      await rejectListing(ctx, c.reviewId, { reasonKeys: keys, note: s.seed.rejectNote });
    } else await approveListing(ctx, c.reviewId, {});
  }
}

/** After approval: some products taken off sale by the seller, one revision waiting for review. */
async function afterReview(ctx: SellerCtx, batch: Created[]) {
  for (const c of batch) {
    if (c.plan.fate === 'inactive')
      await changeSaleState(ctx, c.productId, 'deactivate', 'Seasonal: back next month');
    if (c.plan.fate === 'revision') {
      const title = c.plan.body.title;
      await updateProduct(ctx, c.productId, {
        title: {
          'zh-CN': `${title['zh-CN']} 2026新款`,
          'en-US': `${title['en-US']} (2026 edition)`,
          'ru-RU': `${title['ru-RU']} (новинка 2026)`,
        },
      });
      await submitProduct(ctx, c.productId);
    }
  }
}

interface SeedRun {
  now?: Date;
  /** Products per transaction (smaller in the background, to keep requests flowing on PGlite). */
  batch?: number;
  signal?: AbortSignal;
  /** Called after each batch with the number of products it created. */
  created?: (n: number) => void;
}

const firstCode = (p: ProductPlan) => (p.skus[0]?.code ?? '').toLowerCase();

/** The plans whose product is not there yet (by its first SKU code). */
async function missing(db: Database, s: SellerRef, plans: ProductPlan[]): Promise<ProductPlan[]> {
  if (plans.length === 0) return [];
  const existing = new Set(
    (await sellerTx(db, s, (ctx) => skuRefsByCode(ctx, plans.map(firstCode)))).map((r) =>
      r.code.toLowerCase(),
    ),
  );
  return plans.filter((p) => !existing.has(firstCode(p)));
}

async function seedProducts(
  db: Database,
  s: SellerRef,
  operator: Actor,
  plans: ProductPlan[],
  run: SeedRun = {},
) {
  const todo = await missing(db, s, plans);
  const BATCH = run.batch ?? 10;
  for (let i = 0; i < todo.length; i += BATCH) {
    if (run.signal?.aborted) return;
    const slice = todo.slice(i, i + BATCH);
    const now = run.now;
    const created = await sellerTx(
      db,
      s,
      async (ctx) => {
        const out: Created[] = [];
        for (const plan of slice) out.push(await createPlanned(ctx, s, plan, await uploadPlanned(ctx, plan)));
        return out;
      },
      now,
    );
    await platformTx(db, operator, (ctx) => review(ctx, s, created), now && addDays(now, 1));
    if (created.some((c) => c.plan.fate === 'inactive' || c.plan.fate === 'revision'))
      await sellerTx(db, s, (ctx) => afterReview(ctx, created));
    run.created?.(created.length);
  }
}

/** What is left of the demo catalogue after its first part: the remaining regular products. */
export interface DemoCatalogRest {
  /** Regular products of all demo sellers once complete, and how many exist now. */
  total: number;
  done: number;
  /**
   * Creates the missing products, a few per transaction; stops between batches when `signal` aborts
   * (a later start picks up where it stopped). `progress` gets the running count after each batch.
   */
  run(opts?: { signal?: AbortSignal; progress?: (done: number, total: number) => void }): Promise<void>;
}

/**
 * The demo catalogue: the platform's catalog configuration, each demo seller's warehouse and
 * documents, `products` regular products per demo seller plus a few special ones (a revision under
 * review, and for the Chinese seller cosmetics whose certificate expires in 5 days or has expired).
 *
 * Only the first `firstPart` regular products per seller (default: all) and the special ones are
 * created before this returns; the rest is left to the returned continuation, so that the server can
 * start serving while the catalogue fills in.
 */
export async function seedDemoCatalog(
  database: Database,
  opts: { products: number; firstPart?: number },
): Promise<DemoCatalogRest> {
  // Ids differ between databases: the lookups cached during a run start empty.
  categoryIds.clear();
  documentTypeIds.clear();
  minImages.clear();
  const operator = await userActor(database, OPERATOR_EMAIL, 'operator');
  if (!operator) throw new Error('demo seed: the demo operator is missing');
  await seedPlatform(database, operator);
  const first = Math.min(opts.firstPart ?? opts.products, opts.products);
  const later: { s: SellerRef; plans: ProductPlan[] }[] = [];
  for (const seed of SELLER_SEEDS) {
    const s = await prepareSeller(database, seed);
    if (!s || s.stores.length === 0) continue;
    const plans = Array.from({ length: opts.products }, (_, i) => planProduct(s, i));
    await seedProducts(database, s, operator, plans.slice(0, first));
    later.push({ s, plans: plans.slice(first) });
    const specials: ProductPlan[] = [
      planProduct(s, 1, { fate: 'revision', slug: seed.mix[0]?.[0] as string, documents: 'regular' }),
    ];
    if (s.documents.has('expiring'))
      specials.push(planProduct(s, 2, { fate: 'approved', slug: 'skin-care', documents: 'expiring' }));
    await seedProducts(database, s, operator, specials);
    // The one with the expired certificate went on sale weeks ago, while the certificate was valid.
    if (s.documents.has('expired'))
      await seedProducts(
        database,
        s,
        operator,
        [planProduct(s, 3, { fate: 'approved', slug: 'skin-care', documents: 'expired' })],
        { now: addDays(new Date(), -40) },
      );
  }
  // Today's compliance pass (the daily job does the same): expires the lapsed certificate, takes its
  // product off sale, and reminds the seller of the one expiring soon.
  await runDocumentExpiry(database, isoDay(new Date()));

  let left = 0;
  for (const l of later) {
    l.plans = await missing(database, l.s, l.plans);
    left += l.plans.length;
  }
  const total = later.length * opts.products;
  let done = total - left;
  return {
    total,
    done,
    async run({ signal, progress } = {}) {
      for (const { s, plans } of later)
        await seedProducts(database, s, operator, plans, {
          batch: 3,
          ...(signal ? { signal } : {}),
          created: (n) => {
            done += n;
            progress?.(done, total);
          },
        });
    },
  };
}
