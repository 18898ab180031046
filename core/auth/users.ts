import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Role } from '../kernel/index.js';
import { hashPassword, type PasswordCost } from './password.js';
import { authTokens, users } from './schema.js';

export interface AuthUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  /** Set by the user; absent means the username is shown. */
  readonly displayName?: string;
}

type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): AuthUser {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    createdAt: new Date(row.createdAt).toISOString(),
    ...(row.displayName !== null && { displayName: row.displayName }),
  };
}

/** The name to show for a user: their display name, else their username. */
export const shownName = (user: Pick<AuthUser, 'username' | 'displayName'>): string => user.displayName ?? user.username;

export interface UserStore {
  count(): number;
  list(): AuthUser[];
  get(id: string): AuthUser;
  /** Like `get`, but an unknown id is `undefined` (a logbook entry of a removed user). */
  find(id: string): AuthUser | undefined;
  /** The stored row, hash included, for password checks. */
  findByName(username: string): UserRow | undefined;
  /**
   * `guard` runs after hashing, in the transaction that inserts the user, with its id: it
   * throws to refuse (onboarding once a user exists) or claims what the user is created
   * from (an invitation), so a refused insert claims nothing.
   */
  create(input: { username: string; password: string; role: Role }, guard?: (userId: string) => void): Promise<AuthUser>;
  /** A new password ends the user's sessions, all but `keepSession` (the one that changed it). */
  update(id: string, patch: { role?: Role; password?: string }, keepSession?: string): Promise<AuthUser>;
  /** `null` clears it (the username is shown again). */
  setDisplayName(id: string, displayName: string | null): AuthUser;
  /** The name the logbook and header show for a user id; undefined for a removed user. */
  nameOf(id: string): string | undefined;
  remove(id: string): void;
}

/** Users in SQLite. Keeps at least one owner, so the hub can never be left without one. */
export function createUserStore(db: Db, options: { cost?: PasswordCost; now: () => number }): UserStore {
  const total = () => db.select({ n: count() }).from(users).get()?.n ?? 0;
  const owners = () => db.select({ n: count() }).from(users).where(eq(users.role, 'owner')).get()?.n ?? 0;
  const lookup = (id: string) => db.select().from(users).where(eq(users.id, id)).get();
  const row = (id: string) => {
    const found = lookup(id);
    if (!found) throw new NotFoundError(`unknown user '${id}'`);
    return found;
  };

  return {
    count: total,
    list: () => db.select().from(users).orderBy(asc(users.username)).all().map(toUser),
    get: (id) => toUser(row(id)),
    find: (id) => {
      const found = lookup(id);
      return found && toUser(found);
    },
    findByName: (username) => db.select().from(users).where(eq(users.username, username.trim().toLowerCase())).get(),
    async create({ username, password, role }, guard) {
      const passwordHash = await hashPassword(password, options.cost);
      const values = { id: randomUUID(), username, passwordHash, role, createdAt: options.now() };
      return db.transaction((tx) => {
        const inserted = tx.insert(users).values(values).onConflictDoNothing().returning().get();
        if (!inserted) throw new ConflictError(`a user named '${username}' already exists`);
        guard?.(inserted.id);
        return toUser(inserted);
      });
    },
    async update(id, patch, keepSession) {
      const current = row(id);
      if (patch.role && patch.role !== 'owner' && current.role === 'owner' && owners() <= 1) {
        throw new ConflictError('this is the only owner; make someone else owner first');
      }
      const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password, options.cost);
      return db.transaction((tx) => {
        const updated = tx
          .update(users)
          .set({ ...(patch.role && { role: patch.role }), ...(passwordHash && { passwordHash }) })
          .where(eq(users.id, id))
          .returning()
          .get();
        if (!updated) throw new NotFoundError(`unknown user '${id}'`);
        // A new password ends every session, so a stolen cookie dies with the old password.
        if (passwordHash) {
          const sessions = and(eq(authTokens.userId, id), eq(authTokens.kind, 'session'));
          tx.delete(authTokens).where(keepSession === undefined ? sessions : and(sessions, ne(authTokens.id, keepSession))).run();
        }
        return toUser(updated);
      });
    },
    setDisplayName(id, displayName) {
      const updated = db.update(users).set({ displayName }).where(eq(users.id, id)).returning().get();
      if (!updated) throw new NotFoundError(`unknown user '${id}'`);
      return toUser(updated);
    },
    nameOf(id) {
      const found = lookup(id);
      return found && (found.displayName ?? found.username);
    },
    remove(id) {
      const current = row(id);
      if (current.role === 'owner' && owners() <= 1) throw new ConflictError('this is the only owner; make someone else owner first');
      db.delete(users).where(eq(users.id, id)).run();
    },
  };
}
