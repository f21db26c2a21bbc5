// The accounts domain's door: what other domains and the app composition may use.
export { authRoutes, setSecureCookies } from './routes/auth';
export { createOperator } from './service/operators';
export { sessionAuthenticator, sessionPolicy } from './service/sessions';
export { findUserByEmail } from './service/users';
