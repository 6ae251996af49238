export { AuthService, hashPassword, assertPassword, SESSION_COOKIE, TOKEN_PREFIX, type AuthOptions } from './auth.service.ts';
export { registerAuthRoutes, presentMe } from './auth.routes.ts';
export { AuthErrors } from './auth.errors.ts';
export { passwordProblems } from './password.rules.ts';
export { insertAccount, type NewAccount } from './accounts.ts';
