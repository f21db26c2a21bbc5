// The accounts domain's door: what other domains and the app composition may use.

export { auditRoutes } from './routes/audit';
export { authRoutes, setSecureCookies } from './routes/auth';
export { invitationPublicRoutes } from './routes/invitations-public';
export { meRoutes } from './routes/me';
export { platformSellerRoutes } from './routes/platform-sellers';
export { sellerCompanyRoutes } from './routes/seller-company';
export { storeRoutes } from './routes/stores';
export { teamRoutes } from './routes/team';
export { signUp } from './service/auth';
export { type Company, getCompany } from './service/company';
export { type AddMemberInput, addMember, createSellerUser } from './service/members';
export { createOperator } from './service/operators';
export {
  operatorsWith,
  type Recipient,
  sellerManagers,
  sellerMembersWith,
  userContact,
} from './service/recipients';
export { changeSellerStatus } from './service/seller-status';
export { type SellerSummary, sellerIdsByName, sellerSummaries } from './service/seller-summaries';
export { sessionAuthenticator, sessionPolicy } from './service/sessions';
export {
  archivedStoreIds,
  type CreateStoreInput,
  createStore,
  createStoreInput,
  listStores,
  type Store,
} from './service/stores';
export { findUserByEmail, markEmailVerified } from './service/users';
