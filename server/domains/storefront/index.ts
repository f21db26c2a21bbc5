// The storefront domain's door: the buyers' public API (catalogue reads for now).

export { storefrontRoutes } from './routes/products';
export {
  getStoreProduct,
  type StoreProductDetail,
  type StoreProductItem,
  searchProducts,
  storeCategories,
} from './service';
