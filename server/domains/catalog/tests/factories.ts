// Test-only factories of the image and document tests: products with chosen documents, built on the
// catalog's makeProduct and its HTTP API (documents linked, then submitted and approved).
import type { TestApp } from '../../../../tests/helpers/test-app';
import { sellerRolePermissions } from '../../../platform/auth/permissions';
import { backgroundBase } from '../../../platform/db/tenant';
import type { TestSeller } from '../../accounts/factories';
import { platformAdmin } from '../../platform/factories';
import { makeProduct } from '../factories';

/** A seller context base acting as the seller's owner (for calling service functions directly). */
export const ownerBase = (seller: TestSeller, now = new Date()) => ({
  ...backgroundBase(),
  now,
  actor: {
    kind: 'user' as const,
    id: seller.ownerId,
    label: seller.ownerEmail,
    permissions: sellerRolePermissions('owner'),
  },
  sellerId: seller.sellerId,
  storeIds: null,
  currentStoreId: null,
});

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what} failed: ${r.statusCode} ${r.body}`);
  return r.json() as Record<string, unknown>;
}

export interface ProductOptions {
  categoryId: string;
  /** Uploads this many images (default: one when approving, none for a draft). */
  images?: number;
  /** Exactly these documents are linked (none of makeProduct's own). */
  documentIds?: string[];
  /** Submitted and approved by a reviewer: on sale (active). */
  approve?: boolean;
}

/** A product (a draft, or approved and on sale) with exactly the given documents. */
export async function product(t: TestApp, seller: TestSeller, opts: ProductOptions) {
  const made = await makeProduct(t, seller, {
    categoryId: opts.categoryId,
    skus: 1,
    images: opts.images ?? (opts.approve ? 1 : 0),
  });
  if (opts.documentIds?.length)
    await ok(
      seller.owner.put(`/api/v1/seller/products/${made.id}/documents`, { documentIds: opts.documentIds }),
      'link documents',
    );
  if (opts.approve) {
    const submitted = await ok(seller.owner.post(`/api/v1/seller/products/${made.id}/submit`), 'submit');
    const reviewId = (submitted.reviews as { id: string }[])[0]?.id;
    const op = await platformAdmin(t);
    await ok(op.post(`/api/v1/platform/listings/${reviewId}/approve`, {}), 'approve');
  }
  const images = await ok(seller.owner.get(`/api/v1/seller/products/${made.id}/images`), 'images');
  return { id: made.id, imageIds: (images.items as { id: string }[]).map((i) => i.id) };
}

export const productState = async (t: TestApp, id: string) =>
  (await t.database.raw('select review_state, sale_state from products where id = $1', [id])).rows[0] as {
    review_state: string;
    sale_state: string;
  };
