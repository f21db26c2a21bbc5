import { readFileSync } from 'node:fs';
import type { Config } from './config';
import {
  auditRoutes,
  authRoutes,
  invitationPublicRoutes,
  meRoutes,
  platformSellerRoutes,
  sellerCompanyRoutes,
  sessionAuthenticator,
  sessionPolicy,
  setSecureCookies,
  storeRoutes,
  teamRoutes,
} from './domains/accounts';
import {
  documentRoutes,
  exportRoutes,
  imageRoutes,
  importRoutes,
  listingReviewRoutes,
  priceHoldRoutes,
  productRoutes,
} from './domains/catalog';
import {
  inboundRoutes,
  platformInboundRoutes,
  platformWarehouseRoutes,
  stockRoutes,
  warehouseRoutes,
} from './domains/inventory';
import { notificationRoutes } from './domains/notifications';
import {
  platformCatalogConfigRoutes,
  platformCategoryRoutes,
  platformRateRoutes,
  sellerCatalogConfigRoutes,
} from './domains/platform';
import { storefrontRoutes } from './domains/storefront';
import type { Database } from './platform/db/engine';
import { type App, createHttpApp } from './platform/http/app';
import { registerHealth } from './platform/http/health';
import { devMailboxRoutes } from './platform/mail/dev-mailbox-routes';
import type { DevSmtp } from './platform/mail/dev-smtp';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export interface BuildOptions {
  config: Config;
  database: Database;
  /** The local development mail server, whose messages the dev mailbox shows. */
  devSmtp?: DevSmtp | null;
}

/** Composes the HTTP app from the platform and every domain's routes. */
export async function buildApp({ config, database, devSmtp = null }: BuildOptions): Promise<App> {
  sessionPolicy.idleMinutes = config.SESSION_IDLE_MINUTES;
  sessionPolicy.absoluteHours = config.SESSION_ABSOLUTE_HOURS;
  setSecureCookies(config.publicUrl.startsWith('https://'));
  const app = await createHttpApp({
    database,
    authenticate: sessionAuthenticator(database),
    bodyLimit: config.BODY_LIMIT_BYTES,
    uploadLimit: config.UPLOAD_LIMIT_BYTES,
    rateLimit: {
      authPerMinute: config.RATE_LIMIT_AUTH_PER_MINUTE,
      apiPerMinute: config.RATE_LIMIT_API_PER_MINUTE,
    },
    logLevel: config.LOG_LEVEL,
    webDist: config.WEB_DIST,
    version: pkg.version,
    routes: async (app) => {
      registerHealth(app, database);
      await authRoutes(app);
      await meRoutes(app);
      await notificationRoutes(app);
      await sellerCompanyRoutes(app);
      await storeRoutes(app);
      await teamRoutes(app);
      await invitationPublicRoutes(app);
      await platformSellerRoutes(app);
      await platformCategoryRoutes(app);
      await platformCatalogConfigRoutes(app);
      await platformRateRoutes(app);
      await sellerCatalogConfigRoutes(app);
      await productRoutes(app);
      await priceHoldRoutes(app);
      await listingReviewRoutes(app);
      await imageRoutes(app);
      await documentRoutes(app);
      await importRoutes(app);
      await exportRoutes(app);
      await warehouseRoutes(app);
      await stockRoutes(app);
      await inboundRoutes(app);
      await platformWarehouseRoutes(app);
      await platformInboundRoutes(app);
      await storefrontRoutes(app);
      await auditRoutes(app);
      if (config.NODE_ENV !== 'production') devMailboxRoutes(app, devSmtp);
    },
  });
  return app;
}
