// What the catalog core uses from other domains and from the image/document services of its own
// domain, in one place: each name is the other side's contract (see the issue brief).

export { archivedStoreIds, getCompany, listStores, sellerIdsByName, sellerSummaries } from '../../accounts';
export { availableBySku, setLowThresholds, stockStateFilter } from '../../inventory';
export {
  type CategoryRules,
  categoryRules,
  categorySubtreeIds,
  convertMinor,
  priceQuarantineFactor,
  rejectionReasonsByKeys,
} from '../../platform';
export { productDocumentIds, validDocumentTypeIdsOf } from './documents';
export { productImageIds } from './images';
