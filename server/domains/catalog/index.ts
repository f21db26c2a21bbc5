// The catalog domain's door: what other domains and the app composition may use.

export { documentRoutes } from './routes/documents';
export { exportRoutes } from './routes/exports';
export { imageRoutes } from './routes/images';
export { importRoutes } from './routes/imports';
export { listingReviewRoutes } from './routes/listings';
export { priceHoldRoutes } from './routes/price-holds';
export { productRoutes } from './routes/products';
export type { AttributeValues, Lang, PerLang, ProductContent, ReviewState, SaleState } from './schema';
export { type BarcodeKind, barcodeKind, checkBarcode, isValidBarcode } from './service/barcodes';
export { runDocumentExpiry } from './service/compliance';
export { createDocument, productDocumentIds, validDocumentTypeIdsOf } from './service/documents';
export { attachImages, IMAGE_LIMITS, productImageIds, publicImageUrl, uploadImage } from './service/images';
export {
  changeSaleState,
  sellerLanguage,
  submitProduct,
  suspendProducts,
  suspendProducts as suspend,
  unsuspendProducts,
  unsuspendProducts as unsuspend,
} from './service/lifecycle';
export { applyPriceEnding, PRICE_ENDINGS } from './service/price-rules';
export { recomputeFollowPrices } from './service/pricing';
export {
  type CreateProductInput,
  createProduct,
  createProductInput,
  getProduct,
  type ProductDetail,
  type UpdateProductInput,
  updateProduct,
  updateProductInput,
  workingCopyChanged,
} from './service/products';
export { recomputeFollowPricesEverywhere } from './service/rates';
export { type SkuRef, skuRefs, skuRefsByCode } from './service/refs';
export { approveListing, rejectListing } from './service/review';
export {
  addSku,
  type SkuInput,
  skuInput,
  type UpdateSkuInput,
  updateSku,
  updateSkuInput,
} from './service/skus';
export {
  LISTING_SORTS,
  type ListingSort,
  refreshStoreListings,
  type StoreListingDetail,
  type StoreListingItem,
  type StoreListingQuery,
  type StoreListingSku,
  searchStoreListings,
  storeListingDetail,
} from './service/store-listings';
