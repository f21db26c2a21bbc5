import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import type { PlatformCtx } from '../../../platform/db/tenant';
import { platformSettings } from '../schema';
import type { ReadCtx } from './rules';

/** Typed platform settings with their defaults. */
export const SETTING_DEFAULTS = {
  /**
   * A price this many times above or below the product's previous price (or the category median)
   * sends the change to quarantine for a human to confirm.
   */
  price_quarantine_factor: 3,
} as const;

type SettingKey = keyof typeof SETTING_DEFAULTS;

export const updateSettingsInput = z
  .object({
    priceQuarantineFactor: z
      .number()
      .gt(1)
      .max(100)
      .multipleOf(0.01)
      .optional()
      .describe(
        'Greater than 1 (at most 100, two decimals): a price change by this factor is held for review.',
      ),
  })
  .strict();
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;

export interface PlatformSettings {
  priceQuarantineFactor: number;
}

async function readSettings(ctx: ReadCtx, keys: SettingKey[]): Promise<Map<string, unknown>> {
  const rows = await ctx.tx.select().from(platformSettings).where(inArray(platformSettings.key, keys));
  return new Map(rows.map((r) => [r.key, r.value]));
}

const asFactor = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 1
    ? value
    : SETTING_DEFAULTS.price_quarantine_factor;

export async function getPlatformSettings(ctx: ReadCtx): Promise<PlatformSettings> {
  const values = await readSettings(ctx, ['price_quarantine_factor']);
  return { priceQuarantineFactor: asFactor(values.get('price_quarantine_factor')) };
}

/** The price-quarantine factor (platform setting, default 3). */
export async function priceQuarantineFactor(ctx: ReadCtx): Promise<number> {
  return (await getPlatformSettings(ctx)).priceQuarantineFactor;
}

export async function updatePlatformSettings(
  ctx: PlatformCtx,
  input: UpdateSettingsInput,
): Promise<PlatformSettings> {
  const before = await getPlatformSettings(ctx);
  if (input.priceQuarantineFactor !== undefined) {
    await ctx.tx
      .insert(platformSettings)
      .values({ key: 'price_quarantine_factor', value: input.priceQuarantineFactor, updatedBy: ctx.actor.id })
      .onConflictDoUpdate({
        target: platformSettings.key,
        set: { value: input.priceQuarantineFactor, updatedBy: ctx.actor.id, updatedAt: ctx.now },
      });
  }
  const after = await getPlatformSettings(ctx);
  await recordAudit(ctx, {
    action: 'platform_settings.updated',
    entityType: 'platform_settings',
    entityId: null,
    before: { ...before },
    after: { ...after },
  });
  return after;
}
