// The platform domain's door: catalog configuration (categories, attributes, document types,
// rejection reasons), exchange rates and platform settings — what other domains may use.

export { type PlatformCatalogSeed, seedPlatformCatalog } from './demo-catalog';
export { platformCatalogConfigRoutes } from './routes/catalog-config';
export { platformCategoryRoutes } from './routes/categories';
export { platformRateRoutes } from './routes/rates';
export { sellerCatalogConfigRoutes } from './routes/seller';
export type { AttributeOption, AttributeType, Translated } from './schema';
export { sellerCategoryTree } from './service/categories';
export { compileNumberPattern, documentNumberMatches } from './service/document-types';
export { type ConvertInput, convertMinor, latestExchangeRates } from './service/exchange-rates';
export { optionText, type SkuOptionText, skuOptionTexts } from './service/option-text';
export { rejectionReasonsByKeys } from './service/rejection-reasons';
export {
  type CategoryRules,
  categoryIdBySlug,
  categoryRules,
  categorySubtreeIds,
  DEFAULT_CATEGORY_RULES,
  documentTypesByIds,
  type EffectiveAttribute,
  type EffectiveDocumentType,
} from './service/rules';
export { priceQuarantineFactor } from './service/settings';
