import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { NotFoundError } from '../errors.js';
import { authTokens, users } from './schema.js';
import { hashSecret, newSecret } from './secrets.js';
import { toUser, type AuthUser } from './users.js';
import { isoTime } from '../kernel/index.js';

export type TokenKind = 'session' | 'api';

export interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastUsedAt: string | null;
}

export interface IssuedToken {
  /** The secret, shown once; only its hash is stored. */
  readonly token: string;
  readonly id: string;
  readonly expiresAt: string;
}

/** A signed-in browser or client (a `session` token), for the sessions list. */
export interface SessionInfo {
  readonly id: string;
  readonly user: { readonly id: string; readonly username: string; readonly displayName?: string };
  readonly createdAt: string;
  /** The last request, to the minute (see TOUCH_EVERY_MS); the sign-in time before any. */
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly userAgent: string | null;
}

/** What a token is for: an API token's name, the client that opened a session. */
export interface TokenLabel {
  name?: string;
  userAgent?: string;
}

export interface Authenticated {
  readonly user: AuthUser;
  readonly tokenId: string;
  readonly kind: TokenKind;
}

export interface TokenStore {
  issue(userId: string, kind: TokenKind, ttlMs: number, label?: TokenLabel): IssuedToken;
  authenticate(secret: string): Authenticated | undefined;
  revoke(id: string): void;
  /** Whether a session or token still authenticates (not revoked, not expired). */
  isLive(id: string): boolean;
  /** Unexpired sessions, newest first: one user's, or everyone's without `userId`. */
  listSessions(userId?: string): SessionInfo[];
  /** The user a live session belongs to; undefined for an unknown, expired or non-session id. */
  sessionOwner(id: string): AuthUser | undefined;
  listApi(userId: string): TokenInfo[];
  /** Revokes one of the user's API tokens; someone else's id is "unknown", not "forbidden". */
  revokeApi(userId: string, id: string): void;
  purgeExpired(): void;
}

/** Refresh `lastUsedAt` at most this often: an SD card should not see a write per request. */
const TOUCH_EVERY_MS = 60_000;
/** A User-Agent is the client's to choose: keep a stored one to a sane length. */
const MAX_USER_AGENT = 300;

export function createTokenStore(db: Db, now: () => number): TokenStore {
  return {
    issue(userId, kind, ttlMs, label = {}) {
      const token = newSecret(kind);
      const at = now();
      const id = randomUUID();
      const userAgent = label.userAgent?.slice(0, MAX_USER_AGENT) ?? null;
      db.insert(authTokens)
        .values({ id, userId, kind, name: label.name ?? null, userAgent, hash: hashSecret(token), createdAt: at, expiresAt: at + ttlMs })
        .run();
      return { token, id, expiresAt: isoTime(at + ttlMs) };
    },
    authenticate(secret) {
      const at = now();
      const found = db
        .select({ token: authTokens, user: users })
        .from(authTokens)
        .innerJoin(users, eq(users.id, authTokens.userId))
        .where(and(eq(authTokens.hash, hashSecret(secret)), gt(authTokens.expiresAt, at)))
        .get();
      if (!found) return undefined;
      if ((found.token.lastUsedAt ?? 0) < at - TOUCH_EVERY_MS) {
        db.update(authTokens).set({ lastUsedAt: at }).where(eq(authTokens.id, found.token.id)).run();
      }
      return { user: toUser(found.user), tokenId: found.token.id, kind: found.token.kind };
    },
    revoke(id) {
      db.delete(authTokens).where(eq(authTokens.id, id)).run();
    },
    isLive: (id) => db.select({ id: authTokens.id }).from(authTokens).where(and(eq(authTokens.id, id), gt(authTokens.expiresAt, now()))).get() !== undefined,
    listSessions(userId) {
      const live = and(eq(authTokens.kind, 'session'), gt(authTokens.expiresAt, now()));
      return db
        .select({ token: authTokens, user: users })
        .from(authTokens)
        .innerJoin(users, eq(users.id, authTokens.userId))
        .where(userId === undefined ? live : and(live, eq(authTokens.userId, userId)))
        .orderBy(desc(authTokens.createdAt))
        .all()
        .map(({ token: t, user }) => {
          const { id, username, displayName } = toUser(user);
          return {
            id: t.id,
            user: { id, username, ...(displayName !== undefined && { displayName }) },
            createdAt: isoTime(t.createdAt),
            lastSeenAt: isoTime(t.lastUsedAt ?? t.createdAt),
            expiresAt: isoTime(t.expiresAt),
            userAgent: t.userAgent,
          };
        });
    },
    sessionOwner(id) {
      const found = db
        .select({ user: users })
        .from(authTokens)
        .innerJoin(users, eq(users.id, authTokens.userId))
        .where(and(eq(authTokens.id, id), eq(authTokens.kind, 'session'), gt(authTokens.expiresAt, now())))
        .get();
      return found && toUser(found.user);
    },
    listApi(userId) {
      return db
        .select()
        .from(authTokens)
        .where(and(eq(authTokens.userId, userId), eq(authTokens.kind, 'api'), gt(authTokens.expiresAt, now())))
        .orderBy(desc(authTokens.createdAt))
        .all()
        .map((t) => ({
          id: t.id,
          name: t.name ?? '',
          createdAt: isoTime(t.createdAt),
          expiresAt: isoTime(t.expiresAt),
          lastUsedAt: t.lastUsedAt === null ? null : isoTime(t.lastUsedAt),
        }));
    },
    revokeApi(userId, id) {
      const deleted = db
        .delete(authTokens)
        .where(and(eq(authTokens.id, id), eq(authTokens.userId, userId), eq(authTokens.kind, 'api')))
        .returning({ id: authTokens.id })
        .all();
      if (!deleted.length) throw new NotFoundError(`unknown token '${id}'`);
    },
    purgeExpired() {
      db.delete(authTokens).where(lte(authTokens.expiresAt, now())).run();
    },
  };
}
