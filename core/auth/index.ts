export { createAuth, type Auth, type AuthOptions, type Session } from './auth.js';
export { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword, type PasswordCost } from './password.js';
export { assertMayManage, roleAtLeast } from './policy.js';
export { createFailureLimiter, type FailureLimiter, type RateLimitOptions } from './rate-limit.js';
export * from './schemas.js';
export type { Authenticated, IssuedToken, TokenInfo, TokenKind, TokenStore } from './tokens.js';
export type { AuthUser, UserStore } from './users.js';
export { alarmCodeSchema, type AlarmCodeInput, type AlarmCodeMatch, type AlarmCodes } from './alarm-codes.js';
