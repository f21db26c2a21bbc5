import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CSRF_HEADER, type Principal } from '../../../platform/auth/principal';
import type { App } from '../../../platform/http/app';
import { failAfterCommit, systemCtx } from '../../../platform/http/context';
import { isAppError } from '../../../platform/http/errors';
import {
  acceptInvitation,
  acceptInvitationInput,
  getInvitationByToken,
  invitationTokenParams,
} from '../service/invitations';

const tags = ['auth'];

/** The signed-in seller user, counted only with a valid CSRF token (these routes are public). */
function signedInUser(req: FastifyRequest): Principal | null {
  const p = req.principal;
  if (!p || p.mfaPending || p.kind !== 'seller') return null;
  return req.headers[CSRF_HEADER] === p.csrfToken ? p : null;
}

/** The invitation link: what it offers, and accepting it (with a new or an existing account). */
export async function invitationPublicRoutes(app: App) {
  app.get(
    '/api/auth/invitations/:token',
    {
      config: { auth: 'public', rateLimit: app.authRateLimit },
      schema: {
        operationId: 'getInvitation',
        tags,
        summary: 'What an invitation link offers',
        description: 'Invalid, expired, revoked or used links: 400 invitation_invalid.',
        params: invitationTokenParams,
        response: {
          200: z.object({
            sellerName: z.string(),
            email: z.string(),
            role: z.string().describe("The role's name in the caller's language."),
            hasAccount: z
              .boolean()
              .describe('Whether an account with this email exists (sign in, or set a name and password).'),
            expiresAt: z.string().describe('ISO 8601.'),
          }),
        },
      },
    },
    async (req) => getInvitationByToken(systemCtx(req), req.params.token),
  );

  app.post(
    '/api/auth/invitations/accept',
    {
      config: { auth: 'public', rateLimit: app.authRateLimit },
      schema: {
        operationId: 'acceptInvitation',
        tags,
        summary: 'Accept an invitation (single use)',
        description:
          'No account yet: send `name` and `password` (a verified account is created). An existing ' +
          'account: be signed in as it (403 invitation_wrong_email otherwise) or send its `password`.',
        body: acceptInvitationInput,
        response: { 200: z.object({ sellerId: z.string() }) },
      },
    },
    async (req) => {
      const result = await acceptInvitation(systemCtx(req), signedInUser(req), req.body);
      return isAppError(result) ? failAfterCommit(req, result) : { sellerId: result.sellerId };
    },
  );
}
