import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkPasswordStrength, hashPassword } from '../../../platform/auth/passwords';
import { PLATFORM_ROLE_KEYS } from '../../../platform/auth/permissions';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx } from '../../../platform/db/tenant';
import { invalid } from '../../../platform/http/errors';
import { LOCALES } from '../../../platform/i18n/locale';
import { users } from '../schema';
import { emailSchema } from './auth';

export const createOperatorInput = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1).max(100),
    password: z.string().max(256),
    platformRole: z.enum(PLATFORM_ROLE_KEYS),
    locale: z.enum(LOCALES).default('en-US'),
  })
  .strict();

/** A platform operator account (separate from seller accounts). Used by the seed, the CLI and admins. */
export async function createOperator(ctx: AnyCtx, input: z.input<typeof createOperatorInput>) {
  const data = createOperatorInput.parse(input);
  const weak = checkPasswordStrength(data.password, data.email);
  if (weak.length > 0) throw invalid(weak);
  const [existing] = await ctx.tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, data.email));
  if (existing) throw invalid([{ path: 'body.email', message: 'email_taken', code: 'email_taken' }]);
  const id = newId();
  await ctx.tx.insert(users).values({
    id,
    kind: 'operator',
    email: data.email,
    name: data.name,
    passwordHash: await hashPassword(data.password),
    emailVerifiedAt: ctx.now,
    platformRole: data.platformRole,
    locale: data.locale,
  });
  return { id, email: data.email };
}
