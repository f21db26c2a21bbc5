// Test-only: platform catalog configuration built through the operator HTTP API.
import { randomBytes } from 'node:crypto';
import { Agent } from '../../../tests/helpers/http';
import type { TestApp } from '../../../tests/helpers/test-app';
import { backgroundBase, withSystem } from '../../platform/db/tenant';
import { createOperator } from '../accounts';
import type { AttributeType, Translated } from './schema';

const operators = new WeakMap<TestApp, Promise<Agent>>();

const PASSWORD = 'Platform-Factory-2026!';

/** One platform admin per test app (created through the accounts door), signed in once and reused. */
export function platformAdmin(t: TestApp): Promise<Agent> {
  let agent = operators.get(t);
  if (!agent) {
    const email = `op-catalog-${randomBytes(5).toString('hex')}@test.local`;
    agent = withSystem(t.database, backgroundBase(), (ctx) =>
      createOperator(ctx, {
        email,
        name: 'Catalog Admin',
        password: PASSWORD,
        platformRole: 'platform_admin',
      }),
    ).then(() => new Agent(t.app).signIn(email, PASSWORD));
    operators.set(t, agent);
  }
  return agent;
}

const suffix = () => randomBytes(3).toString('hex');
const names = (en: string, zh: string, ru: string): Required<Translated> => ({
  'zh-CN': zh,
  'en-US': en,
  'ru-RU': ru,
});

async function ok<T>(
  res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  expected = [200, 201],
) {
  const r = await res;
  if (!expected.includes(r.statusCode)) throw new Error(`factory request failed: ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

export interface MadeAttribute {
  id: string;
  key: string;
  type: AttributeType;
  unit: string | null;
  options: { value: string; names: Translated }[];
}

export interface MadeDocumentType {
  id: string;
  key: string;
  numberPattern: string | null;
  numberExample: string | null;
  expires: boolean;
}

export interface AttributeSpec {
  key?: string;
  type: AttributeType;
  unit?: string;
  names?: Translated;
  options?: { value: string; names?: Translated }[];
  required?: boolean;
  variant?: boolean;
  position?: number;
}

export interface DocumentTypeSpec {
  key?: string;
  names?: Translated;
  numberPattern?: string | null;
  numberExample?: string | null;
  expires?: boolean;
}

export interface CategoryOptions {
  parentId?: string | null;
  slug?: string;
  names?: Translated;
  commissionBps?: number | null;
  minImages?: number | null;
  maxImages?: number | null;
  requiredLanguages?: ('zh-CN' | 'en-US' | 'ru-RU')[] | null;
  /** Attributes created and linked to the category. */
  attributes?: AttributeSpec[];
  /** Document types created and required in the category. */
  documentTypes?: DocumentTypeSpec[];
}

export interface MadeCategory {
  id: string;
  slug: string;
  path: string[];
  /** By the attribute's key as given in the spec (without the random suffix), e.g. attributes.size. */
  attributes: Record<string, MadeAttribute>;
  documentTypes: Record<string, MadeDocumentType>;
}

/** An attribute definition (key gets a random suffix so that files can make many). */
export async function makeAttribute(t: TestApp, spec: AttributeSpec): Promise<MadeAttribute> {
  const op = await platformAdmin(t);
  const base = spec.key ?? `attr_${spec.type}`;
  const optionTypes: AttributeType[] = ['enum', 'multi_enum'];
  return ok<MadeAttribute>(
    op.post('/api/v1/platform/attributes', {
      key: `${base}_${suffix()}`,
      type: spec.type,
      ...(spec.unit ? { unit: spec.unit } : {}),
      names: { ...names(base, base, base), ...spec.names },
      ...(optionTypes.includes(spec.type)
        ? { options: spec.options ?? [{ value: 'a' }, { value: 'b' }, { value: 'c' }] }
        : {}),
    }),
  );
}

export async function makeDocumentType(t: TestApp, spec: DocumentTypeSpec = {}): Promise<MadeDocumentType> {
  const op = await platformAdmin(t);
  const base = spec.key ?? 'certificate';
  return ok<MadeDocumentType>(
    op.post('/api/v1/platform/document-types', {
      key: `${base}_${suffix()}`,
      names: { ...names(base, base, base), ...spec.names },
      numberPattern: spec.numberPattern === undefined ? 'CERT-[0-9]{6}' : spec.numberPattern,
      numberExample: spec.numberExample === undefined ? 'CERT-123456' : spec.numberExample,
      expires: spec.expires ?? true,
    }),
  );
}

/** A category (top-level unless parentId), with attributes and document types created and linked. */
export async function makeCategory(t: TestApp, opts: CategoryOptions = {}): Promise<MadeCategory> {
  const op = await platformAdmin(t);
  const slug = opts.slug ?? `category-${suffix()}`;
  const { attributes = [], documentTypes = [], names: given, slug: _s, ...rules } = opts;
  const category = await ok<{ id: string; slug: string; path: string[] }>(
    op.post('/api/v1/platform/categories', {
      slug,
      names: given ?? names(`Category ${slug}`, `类目 ${slug}`, `Категория ${slug}`),
      ...rules,
    }),
  );
  const made: MadeCategory = {
    id: category.id,
    slug: category.slug,
    path: category.path,
    attributes: {},
    documentTypes: {},
  };
  for (const [i, spec] of attributes.entries()) {
    const attribute = await makeAttribute(t, spec);
    await ok(
      op.put(`/api/v1/platform/categories/${category.id}/attributes/${attribute.id}`, {
        required: spec.required ?? false,
        variant: spec.variant ?? false,
        position: spec.position ?? i,
      }),
    );
    made.attributes[spec.key ?? attribute.key] = attribute;
  }
  for (const spec of documentTypes) {
    const documentType = await makeDocumentType(t, spec);
    await ok(op.put(`/api/v1/platform/categories/${category.id}/document-types/${documentType.id}`, {}));
    made.documentTypes[spec.key ?? documentType.key] = documentType;
  }
  return made;
}

export interface CategoryTree {
  /** Clothing (commission 12 %, 3–8 images, zh-CN + en-US required) with material (text). */
  clothing: MadeCategory;
  /** Clothing › T-shirts (leaf): size (enum S–XL, variant, required), colour (enum, variant). */
  tshirts: MadeCategory;
  /** Cosmetics (leaf, 15 %): requires a safety certificate that expires; volume (number, ml). */
  cosmetics: MadeCategory;
  /** Electronics (leaf, 8 %): battery capacity (number with unit mAh, required). */
  electronics: MadeCategory;
  attributes: {
    size: MadeAttribute;
    colour: MadeAttribute;
    material: MadeAttribute;
    volume: MadeAttribute;
    battery: MadeAttribute;
  };
  documentTypes: { cosmeticsCertificate: MadeDocumentType };
}

/** A small realistic tree for catalog tests; slugs and keys carry a random suffix. */
export async function makeCategoryTree(t: TestApp): Promise<CategoryTree> {
  const clothing = await makeCategory(t, {
    slug: `clothing-${suffix()}`,
    names: names('Clothing', '服装', 'Одежда'),
    commissionBps: 1200,
    minImages: 3,
    maxImages: 8,
    requiredLanguages: ['zh-CN', 'en-US'],
    attributes: [
      { key: 'material', type: 'text', names: names('Material', '材质', 'Материал'), position: 10 },
    ],
  });
  const tshirts = await makeCategory(t, {
    parentId: clothing.id,
    slug: `t-shirts-${suffix()}`,
    names: names('T-shirts', 'T恤', 'Футболки'),
    attributes: [
      {
        key: 'size',
        type: 'enum',
        names: names('Size', '尺码', 'Размер'),
        options: ['S', 'M', 'L', 'XL'].map((value) => ({ value })),
        required: true,
        variant: true,
        position: 0,
      },
      {
        key: 'colour',
        type: 'enum',
        names: names('Colour', '颜色', 'Цвет'),
        options: [
          { value: 'black', names: names('Black', '黑色', 'Чёрный') },
          { value: 'white', names: names('White', '白色', 'Белый') },
          { value: 'red', names: names('Red', '红色', 'Красный') },
        ],
        variant: true,
        position: 1,
      },
    ],
  });
  const cosmetics = await makeCategory(t, {
    slug: `cosmetics-${suffix()}`,
    names: names('Cosmetics', '化妆品', 'Косметика'),
    commissionBps: 1500,
    attributes: [{ key: 'volume', type: 'number', unit: 'ml', names: names('Volume', '容量', 'Объём') }],
    documentTypes: [
      {
        key: 'cosmetics_certificate',
        names: names('Cosmetics safety certificate', '化妆品安全证书', 'Сертификат безопасности косметики'),
        numberPattern: 'COS-[0-9]{4}-[0-9]{6}',
        numberExample: 'COS-2024-123456',
        expires: true,
      },
    ],
  });
  const electronics = await makeCategory(t, {
    slug: `electronics-${suffix()}`,
    names: names('Electronics', '电子产品', 'Электроника'),
    commissionBps: 800,
    attributes: [
      {
        key: 'battery',
        type: 'number',
        unit: 'mAh',
        names: names('Battery capacity', '电池容量', 'Ёмкость аккумулятора'),
        required: true,
      },
    ],
  });
  return {
    clothing,
    tshirts,
    cosmetics,
    electronics,
    attributes: {
      size: tshirts.attributes.size as MadeAttribute,
      colour: tshirts.attributes.colour as MadeAttribute,
      material: clothing.attributes.material as MadeAttribute,
      volume: cosmetics.attributes.volume as MadeAttribute,
      battery: electronics.attributes.battery as MadeAttribute,
    },
    documentTypes: {
      cosmeticsCertificate: cosmetics.documentTypes.cosmetics_certificate as MadeDocumentType,
    },
  };
}

/** Sets an exchange rate (as a platform admin) for a day (today when omitted). */
export async function setRate(t: TestApp, base: string, quote: string, rate: string, day?: string) {
  const op = await platformAdmin(t);
  return ok(op.post('/api/v1/platform/exchange-rates', { base, quote, rate, ...(day ? { day } : {}) }));
}
