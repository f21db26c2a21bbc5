/**
 * Permissions are `resource:action` strings. A route declares the one it needs; roles are named sets.
 * Built-in roles are patterns ("catalog:*", "*:read"), so permissions added by later modules
 * reach the right roles without editing every role.
 */
export const SELLER_PERMISSIONS = [
  'account:read',
  'account:manage',
  'account:owner',
  'stores:read',
  'stores:manage',
  'team:read',
  'team:manage',
  'audit:read',
  'catalog:read',
  'catalog:write',
  'inventory:read',
  'inventory:write',
] as const;

export const PLATFORM_PERMISSIONS = [
  'sellers:read',
  'sellers:review',
  'operators:manage',
  'platform_audit:read',
  'catalog_config:manage',
  'listings:read',
  'listings:review',
  'warehouses:manage',
  'inbound:receive',
  'rates:manage',
] as const;

export type SellerPermission = (typeof SELLER_PERMISSIONS)[number];
export type PlatformPermission = (typeof PLATFORM_PERMISSIONS)[number];
export type Permission = SellerPermission | PlatformPermission;

export const SELLER_ROLE_KEYS = [
  'owner',
  'admin',
  'catalog_manager',
  'fulfillment',
  'finance',
  'customer_service',
  'marketing',
  'analyst',
] as const;
export type SellerRoleKey = (typeof SELLER_ROLE_KEYS)[number];

const SELLER_ROLE_PATTERNS: Record<SellerRoleKey, string[]> = {
  owner: ['*'],
  admin: ['*', '!account:owner'],
  catalog_manager: ['catalog:*', 'inventory:read', 'stores:read', 'account:read'],
  fulfillment: [
    'orders:read',
    'orders:ship',
    'fulfillment:*',
    'inventory:*',
    'returns:*',
    'stores:read',
    'account:read',
  ],
  finance: ['finance:*', 'orders:read', 'stores:read', 'account:read'],
  customer_service: ['messages:*', 'reviews:*', 'returns:*', 'orders:read', 'stores:read', 'account:read'],
  marketing: ['promotions:*', 'analytics:read', 'catalog:read', 'stores:read', 'account:read'],
  analyst: ['*:read'],
};

export const PLATFORM_ROLE_KEYS = ['platform_admin', 'reviewer', 'support', 'warehouse'] as const;
export type PlatformRoleKey = (typeof PLATFORM_ROLE_KEYS)[number];

const PLATFORM_ROLE_PATTERNS: Record<PlatformRoleKey, string[]> = {
  platform_admin: ['*'],
  reviewer: ['sellers:*', 'listings:*', 'platform_audit:read'],
  support: ['sellers:read', 'listings:read'],
  warehouse: ['inbound:*', 'sellers:read'],
};

function matches(pattern: string, permission: string): boolean {
  if (pattern === '*') return true;
  const [pr, pa] = pattern.split(':');
  const [r, a] = permission.split(':');
  return (pr === '*' || pr === r) && (pa === '*' || pa === a);
}

/** Expands role patterns ("!x" removes x) against a permission list. */
export function expandPatterns(patterns: readonly string[], all: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of patterns.filter((x) => !x.startsWith('!'))) {
    for (const perm of all) if (matches(p, perm)) out.add(perm);
  }
  for (const p of patterns.filter((x) => x.startsWith('!'))) {
    for (const perm of all) if (matches(p.slice(1), perm)) out.delete(perm);
  }
  return out;
}

export const isSellerRoleKey = (v: string): v is SellerRoleKey =>
  (SELLER_ROLE_KEYS as readonly string[]).includes(v);
export const isPlatformRoleKey = (v: string): v is PlatformRoleKey =>
  (PLATFORM_ROLE_KEYS as readonly string[]).includes(v);
export const isSellerPermission = (v: string): v is SellerPermission =>
  (SELLER_PERMISSIONS as readonly string[]).includes(v);

export const sellerRolePermissions = (role: SellerRoleKey): Set<string> =>
  expandPatterns(SELLER_ROLE_PATTERNS[role], SELLER_PERMISSIONS);

export const platformRolePermissions = (role: PlatformRoleKey): Set<string> =>
  expandPatterns(PLATFORM_ROLE_PATTERNS[role], PLATFORM_PERMISSIONS);
