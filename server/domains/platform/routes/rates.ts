import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { platformCtx } from '../../../platform/http/context';
import { pageOf } from '../../../platform/http/pagination';
import { isCurrency } from '../../../platform/money/currencies';
import {
  deleteExchangeRate,
  exchangeRateListQuery,
  latestExchangeRates,
  latestRatesQuery,
  listExchangeRates,
  setExchangeRate,
  setExchangeRateInput,
} from '../service/exchange-rates';
import { getPlatformSettings, updatePlatformSettings, updateSettingsInput } from '../service/settings';
import { exchangeRateSchema, platformSettingsSchema } from './schemas';

const rateTags = ['platform-exchange-rates'];

const rateKeyParams = z.object({
  base: z.string().refine(isCurrency, 'unknown currency').describe('Base currency (ISO 4217).'),
  quote: z.string().refine(isCurrency, 'unknown currency').describe('Quote currency (ISO 4217).'),
  day: z.iso.date().describe('YYYY-MM-DD.'),
});

/** Operators: exchange rates (one per pair and day) and platform-wide settings. */
export async function platformRateRoutes(app: App) {
  app.get(
    '/api/v1/platform/exchange-rates',
    {
      config: { auth: 'platform' },
      schema: {
        operationId: 'listExchangeRates',
        tags: rateTags,
        summary: 'Exchange rates, newest day first',
        description: 'Any operator may read the rates.',
        querystring: exchangeRateListQuery,
        response: { 200: pageOf(exchangeRateSchema) },
      },
    },
    async (req) => listExchangeRates(platformCtx(req), req.query),
  );

  app.get(
    '/api/v1/platform/exchange-rates/latest',
    {
      config: { auth: 'platform' },
      schema: {
        operationId: 'latestPlatformExchangeRates',
        tags: rateTags,
        summary: 'The latest rate of every pair',
        querystring: latestRatesQuery,
        response: { 200: z.object({ items: z.array(exchangeRateSchema) }) },
      },
    },
    async (req) => ({ items: await latestExchangeRates(platformCtx(req), req.query) }),
  );

  app.post(
    '/api/v1/platform/exchange-rates',
    {
      config: { auth: 'platform', permission: 'rates:manage' },
      schema: {
        operationId: 'setExchangeRate',
        tags: rateTags,
        summary: 'Set the rate of a pair for a day',
        description:
          'Replaces the pair’s rate for that day if one is set. Conversions use the latest rate on or before a day; the inverse pair is used (exactly inverted) when only it is set.',
        body: setExchangeRateInput,
        response: { 200: exchangeRateSchema },
      },
    },
    async (req) => setExchangeRate(platformCtx(req), req.body),
  );

  app.delete(
    '/api/v1/platform/exchange-rates/:base/:quote/:day',
    {
      config: { auth: 'platform', permission: 'rates:manage' },
      schema: {
        operationId: 'deleteExchangeRate',
        tags: rateTags,
        summary: 'Delete a rate set by mistake',
        params: rateKeyParams,
        response: { 204: z.null().describe('Deleted.') },
      },
    },
    async (req, reply) => {
      await deleteExchangeRate(platformCtx(req), req.params);
      reply.code(204);
      return null;
    },
  );

  const settingsTags = ['platform-settings'];
  app.get(
    '/api/v1/platform/settings',
    {
      config: { auth: 'platform' },
      schema: {
        operationId: 'getPlatformSettings',
        tags: settingsTags,
        summary: 'Platform-wide settings',
        response: { 200: platformSettingsSchema },
      },
    },
    async (req) => getPlatformSettings(platformCtx(req)),
  );

  app.patch(
    '/api/v1/platform/settings',
    {
      config: { auth: 'platform', permission: 'catalog_config:manage' },
      schema: {
        operationId: 'updatePlatformSettings',
        tags: settingsTags,
        summary: 'Change platform-wide settings',
        body: updateSettingsInput,
        response: { 200: platformSettingsSchema },
      },
    },
    async (req) => updatePlatformSettings(platformCtx(req), req.body),
  );
}
