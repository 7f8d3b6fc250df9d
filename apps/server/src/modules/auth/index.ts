export { createAuthRepository } from './auth.repository.js';
export { createAuthService, type AuthService, type Identity } from './auth.service.js';
export { registerAuthRoutes, credentialsOf, SESSION_COOKIE } from './auth.routes.js';
export { totpCode } from './totp.js';
