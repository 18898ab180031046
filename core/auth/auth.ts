import type { DatabaseHandle } from '../db/index.js';
import { createAlarmCodes, type AlarmCodes } from './alarm-codes.js';
import { ConflictError, RateLimitedError, UnauthorizedError, ValidationError } from '../errors.js';
import { createInvitations, type InvitationInfo, type Invitations } from './invitations.js';
import { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword, type PasswordCost } from './password.js';
import { createPreferenceStore, type PreferenceStore } from './preferences.js';
import { createFailureLimiter, type RateLimitOptions } from './rate-limit.js';
import type { AcceptInvitation, Credentials } from './schemas.js';
import { createTokenStore, type Authenticated, type IssuedToken, type TokenStore } from './tokens.js';
import { createUserStore, type AuthUser, type UserStore } from './users.js';

export interface AuthOptions {
  passwordCost?: PasswordCost;
  sessionTtlMs?: number;
  /** Per username; default 5 failures in 5 minutes. */
  userLimit?: RateLimitOptions;
  /** Per client address; default 20 failures in 5 minutes (a household shares one address behind NAT). */
  addressLimit?: RateLimitOptions;
  /** Wrong alarm codes per caller; default 5 in 5 minutes. */
  alarmCodeLimit?: RateLimitOptions;
  /** Wrong invitation codes per client address; default 10 in 15 minutes. */
  invitationLimit?: RateLimitOptions;
  now?: () => number;
}

export interface Session extends IssuedToken {
  readonly user: AuthUser;
}

export interface Auth {
  readonly users: UserStore;
  readonly tokens: TokenStore;
  /** Users' alarm panel codes (plugins check them through `ctx.codes`). */
  readonly alarmCodes: AlarmCodes;
  readonly invitations: Invitations;
  /** Each user's own choices (the dashboard's language). */
  readonly preferences: PreferenceStore;
  readonly sessionTtlMs: number;
  /** True until the first owner exists. */
  needsOnboarding(): boolean;
  /** Creates the first owner and signs them in; a ConflictError once any user exists. `userAgent` labels the session. */
  onboard(credentials: Credentials, userAgent?: string): Promise<Session>;
  /** The same 401 for an unknown user and a wrong password; 429 once rate limited. */
  login(username: string, password: string, address: string, userAgent?: string): Promise<Session>;
  /** Creates the invited account and signs it in (see `Invitations.accept` for the refusals). */
  acceptInvitation(input: AcceptInvitation, address: string, userAgent?: string): Promise<Session & { invitation: InvitationInfo }>;
  /**
   * Changes the user's own password after checking the current one (400 when wrong,
   * rate limited like sign-in); every other session of theirs ends, `keepSession` stays.
   */
  changePassword(userId: string, change: { current: string; new: string }, keepSession?: string): Promise<void>;
  authenticate(secret: string): Authenticated | undefined;
}

const MINUTE = 60_000;
const LOGIN_FAILED = 'wrong username or password';

export function createAuth(database: DatabaseHandle, options: AuthOptions = {}): Auth {
  const now = options.now ?? (() => Date.now());
  const cost = options.passwordCost ?? DEFAULT_PASSWORD_COST;
  const sessionTtlMs = options.sessionTtlMs ?? 30 * 24 * 60 * MINUTE;
  const users = createUserStore(database.db, { cost, now });
  const tokens = createTokenStore(database.db, now);
  const byUser = createFailureLimiter(options.userLimit ?? { maxFailures: 5, windowMs: 5 * MINUTE }, now);
  const byAddress = createFailureLimiter(options.addressLimit ?? { maxFailures: 20, windowMs: 5 * MINUTE }, now);
  const alarmCodes = createAlarmCodes(database.db, {
    cost,
    now,
    limiter: createFailureLimiter(options.alarmCodeLimit ?? { maxFailures: 5, windowMs: 5 * MINUTE }, now),
  });
  const invitations = createInvitations(database.db, {
    users,
    now,
    limiter: createFailureLimiter(options.invitationLimit ?? { maxFailures: 10, windowMs: 15 * MINUTE }, now),
  });
  // Verified against when the user does not exist, so both failures take the same time.
  const decoy = hashPassword('not a real password', cost);

  const startSession = (user: AuthUser, userAgent: string | undefined): Session => ({
    ...tokens.issue(user.id, 'session', sessionTtlMs, userAgent === undefined ? {} : { userAgent }),
    user,
  });

  return {
    users,
    tokens,
    alarmCodes,
    invitations,
    preferences: createPreferenceStore(database.sqlite),
    sessionTtlMs,
    needsOnboarding: () => users.count() === 0,
    async onboard(credentials, userAgent) {
      const refuseIfOthers = (others: number) => {
        if (users.count() > others) throw new ConflictError('onboarding is done: an owner exists; sign in instead');
      };
      refuseIfOthers(0);
      // Checked again once inserted (the new owner counts then): two first visits may race through the hashing.
      const user = await users.create({ ...credentials, role: 'owner' }, () => refuseIfOthers(1));
      return startSession(user, userAgent);
    },
    async login(username, password, address, userAgent) {
      const userKey = username.trim().toLowerCase();
      const wait = Math.max(byUser.retryAfterS(userKey), byAddress.retryAfterS(address));
      if (wait > 0) throw new RateLimitedError(`too many failed sign-ins; try again in ${wait} s`, wait);
      const row = users.findByName(userKey);
      const ok = await verifyPassword(password, row?.passwordHash ?? (await decoy));
      if (!row || !ok) {
        byUser.fail(userKey);
        byAddress.fail(address);
        throw new UnauthorizedError(LOGIN_FAILED);
      }
      byUser.reset(userKey);
      tokens.purgeExpired();
      return startSession(users.get(row.id), userAgent);
    },
    async acceptInvitation(input, address, userAgent) {
      const { user, invitation } = await invitations.accept(input, address);
      return { ...startSession(user, userAgent), invitation };
    },
    async changePassword(userId, change, keepSession) {
      const user = users.get(userId);
      const wait = byUser.retryAfterS(user.username);
      if (wait > 0) throw new RateLimitedError(`too many wrong passwords; try again in ${wait} s`, wait);
      if (!(await verifyPassword(change.current, users.findByName(user.username)!.passwordHash))) {
        byUser.fail(user.username);
        throw new ValidationError('your current password is wrong', [{ path: 'current', message: 'wrong password' }]);
      }
      byUser.reset(user.username);
      await users.update(userId, { password: change.new }, keepSession);
    },
    authenticate: (secret) => tokens.authenticate(secret),
  };
}
