import {
  isPlatformRoleKey,
  isSellerRoleKey,
  platformRolePermissions,
  SELLER_PERMISSIONS,
  sellerRolePermissions,
} from '../../../platform/auth/permissions';

/** Effective permissions of a membership: a built-in role's, or a custom role's (limited to known ones). */
export function memberPermissions(role: string | null, customPermissions: string[] | null): Set<string> {
  if (role && isSellerRoleKey(role)) return sellerRolePermissions(role);
  const known = new Set<string>(SELLER_PERMISSIONS);
  return new Set((customPermissions ?? []).filter((p) => known.has(p) && p !== 'account:owner'));
}

export function operatorPermissions(platformRole: string | null): Set<string> {
  return platformRole && isPlatformRoleKey(platformRole) ? platformRolePermissions(platformRole) : new Set();
}
