// Test-only: products built through the catalog's HTTP API (as a seller's console would), optionally
// submitted and approved by a platform reviewer.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { Agent } from '../../../tests/helpers/http';
import type { TestApp } from '../../../tests/helpers/test-app';
import type { TestSeller } from '../accounts/factories';
import { makeCategory, platformAdmin } from '../platform/factories';
import type { ProductDetail } from './service/products';
import type { SkuInput } from './service/skus';

interface Rules {
  id: string;
  minImages: number;
  maxImages: number;
  requiredLanguages: string[];
  attributes: {
    key: string;
    type: string;
    required: boolean;
    variant: boolean;
    options: { value: string }[];
  }[];
  documentTypes: { id: string; key: string; numberExample: string | null; expires: boolean }[];
}

export interface MakeProductOptions {
  /** A leaf category (default: a fresh one per test app with the variant axis "size" S/M/L/XL). */
  categoryId?: string;
  /** 2–4 generated SKUs (default 3; one in a category without variant axes), or these SKU bodies. */
  skus?: number | SkuInput[];
  /** Base list price of generated SKUs, minor units (default 1990, +100 per SKU). */
  price?: number;
  storeIds?: string[];
  /** Images uploaded and attached (default: the category's minimum when submitting, else none). */
  images?: number;
  title?: Partial<Record<'zh-CN' | 'en-US' | 'ru-RU', string>>;
  brand?: string;
  /** Who creates it (default: the seller's owner). */
  agent?: Agent;
  /** Submitted for review. */
  submit?: boolean;
  /** Submitted and approved by a platform admin: on sale. */
  approve?: boolean;
}

export interface MadeProduct extends ProductDetail {
  /** The review that approved it (approve) or waits (submit). */
  reviewId: string | null;
}

const defaultCategories = new WeakMap<TestApp, Promise<string>>();

function defaultCategory(t: TestApp): Promise<string> {
  let id = defaultCategories.get(t);
  if (!id) {
    id = makeCategory(t, {
      minImages: 1,
      maxImages: 8,
      attributes: [
        {
          key: 'size',
          type: 'enum',
          options: ['S', 'M', 'L', 'XL'].map((value) => ({ value })),
          required: true,
          variant: true,
        },
        { key: 'material', type: 'text' },
      ],
    }).then((c) => c.id);
    defaultCategories.set(t, id);
  }
  return id;
}

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`makeProduct: ${what} failed: ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

let shade = 0;
/** A real JPEG, a different colour each time (images are deduplicated by content). */
export async function productPicture(): Promise<Buffer> {
  shade = (shade + 13) % 250;
  return sharp({ create: { width: 640, height: 640, channels: 3, background: { r: shade, g: 140, b: 60 } } })
    .jpeg()
    .toBuffer();
}

/** Uploads one image (unattached) through the API; returns its id. */
export async function uploadPicture(agent: Agent): Promise<string> {
  const boundary = `----MakeProduct${randomBytes(6).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    await productPicture(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await agent.request('POST', '/api/v1/seller/images', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  if (res.statusCode !== 201)
    throw new Error(`makeProduct: image upload failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

const sampleValue = (a: Rules['attributes'][number]) => {
  switch (a.type) {
    case 'number':
      return 100;
    case 'boolean':
      return true;
    case 'date':
      return '2025-01-15';
    case 'enum':
      return a.options[0]?.value ?? 'x';
    case 'multi_enum':
      return [a.options[0]?.value ?? 'x'];
    default:
      return 'Cotton';
  }
};

/** Option combinations of the variant axes (enum axes walk their options, others get numbered values). */
function combinations(rules: Rules, count: number): Record<string, string>[] {
  const axes = rules.attributes.filter((a) => a.variant);
  const out: Record<string, string>[] = [];
  for (let i = 0; out.length < count && i < 1000; i++) {
    const combo: Record<string, string> = {};
    let rest = i;
    for (const axis of axes) {
      const values = axis.options.length ? axis.options.map((o) => o.value) : [`v${i}`];
      combo[axis.key] = values[rest % values.length] as string;
      rest = Math.floor(rest / values.length);
    }
    if (!out.some((o) => JSON.stringify(o) === JSON.stringify(combo))) out.push(combo);
    if (axes.length === 0) break;
  }
  return out;
}

/** A valid EAN-13 with a random body. */
export function randomEan13(): string {
  const body = `46${Array.from({ length: 10 }, () => Math.floor(Math.random() * 10)).join('')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * A product with 2–4 SKUs created through POST /api/v1/seller/products, complete for its category's
 * rules (languages, required attributes, images, documents), optionally submitted and approved.
 */
export async function makeProduct(
  t: TestApp,
  seller: TestSeller,
  opts: MakeProductOptions = {},
): Promise<MadeProduct> {
  const agent = opts.agent ?? seller.owner;
  const categoryId = opts.categoryId ?? (await defaultCategory(t));
  const rules = await ok<Rules>(agent.get(`/api/v1/seller/categories/${categoryId}/rules`), 'category rules');
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const submit = opts.submit || opts.approve;
  const count = typeof opts.skus === 'number' ? opts.skus : 3;
  const skus: SkuInput[] = Array.isArray(opts.skus)
    ? opts.skus
    : combinations(rules, count).map((options, i) => ({
        code: `SKU-${tag}-${i + 1}`,
        barcode: randomEan13(),
        options,
        listPrice: (opts.price ?? 1990) + i * 100,
        weightGrams: 300,
        lengthMm: 300,
        widthMm: 200,
        heightMm: 50,
      }));
  const imageCount = opts.images ?? (submit ? Math.max(1, rules.minImages) : 0);
  const imageIds: string[] = [];
  for (let i = 0; i < imageCount; i++) imageIds.push(await uploadPicture(agent));
  const documentIds: string[] = [];
  if (submit) {
    for (const type of rules.documentTypes) {
      const doc = await ok<{ id: string }>(
        agent.post('/api/v1/seller/documents', {
          documentTypeId: type.id,
          number: type.numberExample ?? `DOC-${tag}`,
          ...(type.expires ? { expiresOn: `${new Date().getUTCFullYear() + 2}-01-01` } : {}),
        }),
        'document',
      );
      documentIds.push(doc.id);
    }
  }
  const attributes = Object.fromEntries(
    rules.attributes.filter((a) => !a.variant && (a.required || submit)).map((a) => [a.key, sampleValue(a)]),
  );
  const description = 'A well-made product for everyday use. '.repeat(5).trim();
  const body = {
    categoryId,
    brand: opts.brand ?? 'Acme',
    title: opts.title ?? {
      'zh-CN': `测试商品 ${tag} 纯棉`,
      'en-US': `Test product ${tag} cotton`,
      'ru-RU': `Тестовый товар ${tag} хлопок`,
    },
    description: {
      'zh-CN': `优质商品，日常使用。${description}`,
      'en-US': description,
      'ru-RU': description,
    },
    keywords: { 'en-US': 'test, sample', 'zh-CN': '测试', 'ru-RU': 'тест' },
    attributes,
    storeIds: opts.storeIds ?? [],
    skus,
    imageIds,
    documentIds,
  };
  let product = await ok<ProductDetail>(agent.post('/api/v1/seller/products', body), 'create');
  let reviewId: string | null = null;
  if (submit) {
    product = await ok<ProductDetail>(agent.post(`/api/v1/seller/products/${product.id}/submit`), 'submit');
    reviewId = product.reviews[0]?.id ?? null;
  }
  if (opts.approve && reviewId) {
    const op = await platformAdmin(t);
    await ok(op.post(`/api/v1/platform/listings/${reviewId}/approve`, {}), 'approve');
    product = await ok<ProductDetail>(agent.get(`/api/v1/seller/products/${product.id}`), 'read');
  }
  return { ...product, reviewId };
}
