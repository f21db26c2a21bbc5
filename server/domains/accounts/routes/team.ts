import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { sellerCtx } from '../../../platform/http/context';
import { pageOf, pageQuery } from '../../../platform/http/pagination';
import { MEMBER_STATUSES } from '../schema';
import {
  createInvitation,
  createInvitationInput,
  INVITATION_STATUSES,
  listInvitations,
  listInvitationsQuery,
  resendInvitation,
  revokeInvitation,
} from '../service/invitations';
import { listTeamLoginLog } from '../service/login-log';
import {
  listMembers,
  removeMember,
  setMemberStatus,
  updateMember,
  updateMemberInput,
} from '../service/members';
import {
  createRole,
  createRoleInput,
  deleteRole,
  listPermissions,
  listRoles,
  updateRole,
  updateRoleInput,
} from '../service/roles';

const tags = ['team'];
const read = { auth: 'seller', permission: 'team:read' } as const;
const manage = { auth: 'seller', permission: 'team:manage' } as const;
const timestamp = z.string().describe('ISO 8601.');
const idParams = (what: string) => z.object({ id: z.uuid().describe(`${what} id.`) });

export const memberSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.string().nullable().describe('Built-in role key, or null for a custom role.'),
    customRoleId: z.string().nullable(),
    roleName: z.string().describe("The role's name in the caller's language."),
    storeIds: z.array(z.string()).nullable().describe('null = every store of the seller.'),
    status: z.enum(MEMBER_STATUSES),
    totpEnabled: z.boolean(),
    createdAt: timestamp,
  })
  .meta({ id: 'Member' });

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.string().nullable(),
    customRoleId: z.string().nullable(),
    roleName: z.string(),
    storeIds: z.array(z.string()).nullable(),
    status: z.enum(INVITATION_STATUSES).describe('Computed from the accepted, revoked and expiry times.'),
    invitedBy: z.string().describe('User id of the inviter.'),
    invitedByName: z.string().nullable(),
    expiresAt: timestamp,
    acceptedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Invitation' });

export const roleSchema = z
  .object({
    id: z.string().describe('The key of a built-in role, or the uuid of a custom role.'),
    builtIn: z.boolean(),
    name: z.string(),
    description: z.string().nullable(),
    permissions: z.array(z.string()),
    memberCount: z.number().int(),
  })
  .meta({ id: 'Role' });

const loginAttemptSchema = z
  .object({
    id: z.string(),
    createdAt: timestamp,
    email: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    success: z.boolean(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'TeamLoginAttempt' });

const ownerRules =
  'Only an owner changes owners (403 owner_only); the last active owner stays (409 last_owner); ' +
  'nobody changes their own membership (409 cannot_change_self) or manages someone holding more ' +
  'permissions than they do (403 permission_denied).';

/** Members of the seller, invitations, custom roles and the team's sign-in log. */
export async function teamRoutes(app: App) {
  const base = '/api/v1/seller';

  app.get(
    `${base}/members`,
    {
      config: read,
      schema: {
        operationId: 'listMembers',
        tags,
        summary: 'Team members',
        response: { 200: z.object({ items: z.array(memberSchema) }) },
      },
    },
    async (req) => listMembers(sellerCtx(req)),
  );

  app.patch(
    `${base}/members/:id`,
    {
      config: manage,
      schema: {
        operationId: 'updateMember',
        tags,
        summary: "Change a member's role or stores",
        description: `Send \`role\` or \`customRoleId\`, and/or \`storeIds\` (null = all stores). ${ownerRules}`,
        params: idParams('Member'),
        body: updateMemberInput,
        response: { 200: memberSchema },
      },
    },
    async (req) => updateMember(sellerCtx(req), req.params.id, req.body),
  );

  app.post(
    `${base}/members/:id/deactivate`,
    {
      config: manage,
      schema: {
        operationId: 'deactivateMember',
        tags,
        summary: 'Deactivate a member and end their sessions in this seller',
        description: ownerRules,
        params: idParams('Member'),
        response: { 200: memberSchema },
      },
    },
    async (req) => setMemberStatus(sellerCtx(req), req.params.id, 'deactivated'),
  );

  app.post(
    `${base}/members/:id/reactivate`,
    {
      config: manage,
      schema: {
        operationId: 'reactivateMember',
        tags,
        summary: 'Reactivate a deactivated member',
        description: ownerRules,
        params: idParams('Member'),
        response: { 200: memberSchema },
      },
    },
    async (req) => setMemberStatus(sellerCtx(req), req.params.id, 'active'),
  );

  app.delete(
    `${base}/members/:id`,
    {
      config: manage,
      schema: {
        operationId: 'removeMember',
        tags,
        summary: 'Remove a member and end their sessions in this seller',
        description: `The audit log keeps the membership's history. ${ownerRules}`,
        params: idParams('Member'),
        response: { 200: z.object({ removed: z.literal(true) }) },
      },
    },
    async (req) => removeMember(sellerCtx(req), req.params.id),
  );

  app.get(
    `${base}/invitations`,
    {
      config: read,
      schema: {
        operationId: 'listInvitations',
        tags,
        summary: 'Invitations, newest first',
        querystring: listInvitationsQuery,
        response: { 200: pageOf(invitationSchema) },
      },
    },
    async (req) => listInvitations(sellerCtx(req), req.query),
  );

  app.post(
    `${base}/invitations`,
    {
      config: manage,
      schema: {
        operationId: 'createInvitation',
        tags,
        summary: 'Invite someone by email (link valid 7 days)',
        description:
          'Without `role` or `customRoleId` the invitee becomes an analyst. An earlier open invitation of ' +
          'the same address stops working. 409 member_exists if already an active member; inviting an ' +
          'owner needs an owner (403 owner_only).',
        body: createInvitationInput,
        response: { 201: invitationSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createInvitation(sellerCtx(req), req.body);
    },
  );

  app.delete(
    `${base}/invitations/:id`,
    {
      config: manage,
      schema: {
        operationId: 'revokeInvitation',
        tags,
        summary: 'Revoke an open invitation',
        params: idParams('Invitation'),
        response: { 200: invitationSchema },
      },
    },
    async (req) => revokeInvitation(sellerCtx(req), req.params.id),
  );

  app.post(
    `${base}/invitations/:id/resend`,
    {
      config: manage,
      schema: {
        operationId: 'resendInvitation',
        tags,
        summary: 'Email a new link, valid 7 more days (the old link stops working)',
        params: idParams('Invitation'),
        response: { 200: invitationSchema },
      },
    },
    async (req) => resendInvitation(sellerCtx(req), req.params.id),
  );

  app.get(
    `${base}/roles`,
    {
      config: read,
      schema: {
        operationId: 'listRoles',
        tags,
        summary: 'Built-in and custom roles with their permissions',
        response: { 200: z.object({ items: z.array(roleSchema) }) },
      },
    },
    async (req) => listRoles(sellerCtx(req)),
  );

  app.get(
    `${base}/permissions`,
    {
      config: read,
      schema: {
        operationId: 'listPermissions',
        tags,
        summary: 'Permissions a custom role can be built from',
        response: {
          200: z.object({
            items: z.array(z.object({ key: z.string(), resource: z.string(), action: z.string() })),
          }),
        },
      },
    },
    async () => listPermissions(),
  );

  app.post(
    `${base}/roles`,
    {
      config: manage,
      schema: {
        operationId: 'createRole',
        tags,
        summary: 'Create a custom role',
        description: 'Unknown permissions: 400 unknown_permission. You can only grant permissions you hold.',
        body: createRoleInput,
        response: { 201: roleSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createRole(sellerCtx(req), req.body);
    },
  );

  app.patch(
    `${base}/roles/:id`,
    {
      config: manage,
      schema: {
        operationId: 'updateRole',
        tags,
        summary: 'Change a custom role',
        params: idParams('Custom role'),
        body: updateRoleInput,
        response: { 200: roleSchema },
      },
    },
    async (req) => updateRole(sellerCtx(req), req.params.id, req.body),
  );

  app.delete(
    `${base}/roles/:id`,
    {
      config: manage,
      schema: {
        operationId: 'deleteRole',
        tags,
        summary: 'Delete a custom role nobody uses',
        description: '409 role_in_use (with the count) while members or open invitations have it.',
        params: idParams('Custom role'),
        response: { 200: z.object({ deleted: z.literal(true) }) },
      },
    },
    async (req) => deleteRole(sellerCtx(req), req.params.id),
  );

  app.get(
    `${base}/login-log`,
    {
      config: read,
      schema: {
        operationId: 'listTeamLoginLog',
        tags,
        summary: "The team's sign-in attempts, newest first",
        querystring: pageQuery,
        response: { 200: pageOf(loginAttemptSchema) },
      },
    },
    async (req) => {
      const page = await listTeamLoginLog(sellerCtx(req), req.query);
      return { ...page, items: page.items.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },
  );
}
