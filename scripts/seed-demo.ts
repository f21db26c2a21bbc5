import {
  addMember,
  type CreateStoreInput,
  changeSellerStatus,
  createOperator,
  createSellerUser,
  createStore,
  findUserByEmail,
  markEmailVerified,
  signUp,
} from '../server/domains/accounts';
import type { SellerRoleKey } from '../server/platform/auth/permissions';
import type { Database } from '../server/platform/db/engine';
import { backgroundBase, withSystem, withTenant } from '../server/platform/db/tenant';
import type { Locale } from '../server/platform/i18n/locale';
import { type DemoCatalogRest, demoProductCount, seedDemoCatalog } from './seed-catalog';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

export const DEMO_PASSWORD = 'Demo-Pass-2026!';
export { demoProductCount };

const OPERATOR = 'operator@demo.sellercenter.dev';

interface DemoSeller {
  key: string;
  legalName: string;
  displayName: string;
  country: string;
  currency: string;
  locale: Locale;
  owner: { name: string; email: string };
  members: { name: string; email: string; role: SellerRoleKey; label: string; storeIndexes?: number[] }[];
  stores: CreateStoreInput[];
  status: 'active' | 'pending_review';
}

const address = (country: string, city: string, line1: string, name: string, postalCode: string) => ({
  name,
  country,
  city,
  line1,
  postalCode,
});

const SELLERS: DemoSeller[] = [
  {
    key: 'demo-shop-1',
    legalName: '杭州丝路贸易有限公司 (Hangzhou Silk Road Trading Co., Ltd.)',
    displayName: 'Silk Road Home',
    country: 'CN',
    currency: 'CNY',
    locale: 'zh-CN',
    owner: { name: '王丽 Wang Li', email: 'owner@demo-shop-1.sellercenter.dev' },
    members: [
      {
        name: '陈晨 Chen Chen',
        email: 'catalog@demo-shop-1.sellercenter.dev',
        role: 'catalog_manager',
        label: 'catalog manager',
        storeIndexes: [0],
      },
      {
        name: '刘洋 Liu Yang',
        email: 'analyst@demo-shop-1.sellercenter.dev',
        role: 'analyst',
        label: 'analyst',
      },
    ],
    stores: [
      {
        name: '丝路家居旗舰店',
        description: '真丝家纺与家居用品',
        marketCountry: 'CN',
        currency: 'CNY',
        defaultLanguage: 'zh-CN',
        shipFromAddress: address('CN', '杭州', '西湖区文三路 90 号', '丝路贸易仓库', '310012'),
        returnAddress: address('CN', '杭州', '西湖区文三路 90 号', '丝路贸易售后', '310012'),
      },
      {
        name: 'Silk Road Home RU',
        description: 'Шёлковый текстиль для дома с доставкой по России',
        marketCountry: 'RU',
        currency: 'RUB',
        defaultLanguage: 'ru-RU',
        shipFromAddress: address(
          'CN',
          'Hangzhou',
          '90 Wensan Road, Xihu District',
          'Silk Road warehouse',
          '310012',
        ),
        returnAddress: address(
          'RU',
          'Москва',
          'ул. Складочная, 1, стр. 3',
          'Silk Road Home (возвраты)',
          '127018',
        ),
      },
    ],
    status: 'active',
  },
  {
    key: 'demo-shop-2',
    legalName: 'ООО «Северный ветер»',
    displayName: 'Северный ветер',
    country: 'RU',
    currency: 'RUB',
    locale: 'ru-RU',
    owner: { name: 'Анна Смирнова', email: 'owner@demo-shop-2.sellercenter.dev' },
    members: [
      {
        name: 'Игорь Волков',
        email: 'fulfillment@demo-shop-2.sellercenter.dev',
        role: 'fulfillment',
        label: 'fulfillment',
      },
      {
        name: 'Мария Кузнецова',
        email: 'finance@demo-shop-2.sellercenter.dev',
        role: 'finance',
        label: 'finance',
      },
    ],
    stores: [
      {
        name: 'Северный ветер',
        description: 'Тёплая одежда и аксессуары',
        marketCountry: 'RU',
        currency: 'RUB',
        defaultLanguage: 'ru-RU',
        shipFromAddress: address(
          'RU',
          'Санкт-Петербург',
          'Выборгское шоссе, 212',
          'Склад «Северный ветер»',
          '194355',
        ),
        returnAddress: address(
          'RU',
          'Санкт-Петербург',
          'Выборгское шоссе, 212',
          'Возвраты «Северный ветер»',
          '194355',
        ),
      },
    ],
    status: 'active',
  },
  {
    key: 'demo-applicant',
    legalName: 'Shenzhen Bright Electronics Co., Ltd.',
    displayName: 'Bright Electronics',
    country: 'CN',
    currency: 'USD',
    locale: 'en-US',
    owner: { name: 'Zhang Wei', email: 'owner@demo-applicant.sellercenter.dev' },
    members: [],
    stores: [],
    status: 'pending_review',
  },
];

/**
 * Demo data, built through the domains' own services. Idempotent: each account is created only if
 * its email is not there yet, so a restart (or a half-finished earlier run) completes the set; the
 * catalogue (scripts/seed-catalog.ts) likewise creates only what is missing. `products`: products per
 * demo seller (default: SEED_PRODUCTS, else 300).
 */
export async function seedDemo(database: Database, opts: { products?: number } = {}): Promise<DemoLogin[]> {
  const { logins, catalog } = await startDemo(database, opts);
  await catalog.run();
  return logins;
}

/**
 * The demo data in two parts, for the server's start: the accounts, the platform configuration and
 * the first `firstPart` products per demo seller (with the special ones) now; the rest of the
 * catalogue by `catalog.run()`, which the server runs in the background after it starts listening.
 */
export async function startDemo(
  database: Database,
  opts: { products?: number; firstPart?: number } = {},
): Promise<{ logins: DemoLogin[]; catalog: DemoCatalogRest }> {
  const logins = await seedDemoAccounts(database);
  const products = opts.products ?? demoProductCount();
  const catalog = await seedDemoCatalog(database, {
    products,
    ...(opts.firstPart !== undefined ? { firstPart: opts.firstPart } : {}),
  });
  return { logins, catalog };
}

async function seedDemoAccounts(database: Database): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [{ role: 'Platform operator', email: OPERATOR, password: DEMO_PASSWORD }];
  await withSystem(database, backgroundBase(), async (ctx) => {
    if (!(await findUserByEmail(ctx, OPERATOR))) {
      await createOperator(ctx, {
        email: OPERATOR,
        name: 'Olga Operator',
        password: DEMO_PASSWORD,
        platformRole: 'platform_admin',
      });
    }
  });
  for (const demo of SELLERS) {
    await seedSeller(database, demo);
    if (demo.status !== 'active') continue;
    logins.push({ role: `${demo.displayName}: owner`, email: demo.owner.email, password: DEMO_PASSWORD });
    for (const m of demo.members)
      logins.push({ role: `${demo.displayName}: ${m.label}`, email: m.email, password: DEMO_PASSWORD });
  }
  return logins;
}

/** One seller in three transactions, one at a time (PGlite has a single connection). */
async function seedSeller(database: Database, demo: DemoSeller) {
  const system = () => backgroundBase(demo.locale);
  const sellerId = await withSystem(database, system(), async (ctx) => {
    if (await findUserByEmail(ctx, demo.owner.email)) return null;
    const created = await signUp(ctx, {
      legalName: demo.legalName,
      displayName: demo.displayName,
      country: demo.country,
      defaultCurrency: demo.currency,
      name: demo.owner.name,
      email: demo.owner.email,
      password: DEMO_PASSWORD,
      locale: demo.locale,
    });
    await markEmailVerified(ctx, created.userId);
    const operator = await findUserByEmail(ctx, OPERATOR);
    const asOperator = {
      ...ctx,
      actor: {
        kind: 'operator' as const,
        id: operator?.id ?? null,
        label: OPERATOR,
        permissions: new Set<string>(),
      },
    };
    if (demo.status === 'active')
      await changeSellerStatus(asOperator, { sellerId: created.sellerId, to: 'active' });
    return created.sellerId;
  });
  if (!sellerId) return;

  // Stores are created inside the seller's own tenant transaction, as the console would.
  const storeIds = await withTenant(
    database,
    { ...system(), sellerId, storeIds: null, currentStoreId: null },
    async (tenant) => {
      const ids: string[] = [];
      for (const store of demo.stores) ids.push((await createStore(tenant, store)).id);
      return ids;
    },
  );

  await withSystem(database, system(), async (ctx) => {
    for (const m of demo.members) {
      const { userId } = await createSellerUser(ctx, {
        email: m.email,
        name: m.name,
        password: DEMO_PASSWORD,
        locale: demo.locale,
        lastSellerId: sellerId,
      });
      const limited = m.storeIndexes?.map((i) => storeIds[i]).filter((id): id is string => Boolean(id));
      await addMember(ctx, { sellerId, userId, role: m.role, storeIds: limited ?? null });
    }
  });
}
