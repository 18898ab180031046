import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
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
}

type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): AuthUser {
  return { id: row.id, username: row.username, role: row.role, createdAt: new Date(row.createdAt).toISOString() };
}

export interface UserStore {
  count(): number;
  list(): AuthUser[];
  get(id: string): AuthUser;
  /** Like `get`, but an unknown id is `undefined` (a logbook entry of a removed user). */
  find(id: string): AuthUser | undefined;
  /** The stored row, hash included, for password checks. */
  findByName(username: string): UserRow | undefined;
  /** `onlyIfNone`: fail with a ConflictError when any user exists (checked after hashing, atomically). */
  create(input: { username: string; password: string; role: Role }, onlyIfNone?: boolean): Promise<AuthUser>;
  update(id: string, patch: { role?: Role; password?: string }): Promise<AuthUser>;
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
    async create({ username, password, role }, onlyIfNone = false) {
      const passwordHash = await hashPassword(password, options.cost);
      if (onlyIfNone && total() > 0) throw new ConflictError('onboarding is done: an owner exists; sign in instead');
      const values = { id: randomUUID(), username, passwordHash, role, createdAt: options.now() };
      const inserted = db.insert(users).values(values).onConflictDoNothing().returning().get();
      if (!inserted) throw new ConflictError(`a user named '${username}' already exists`);
      return toUser(inserted);
    },
    async update(id, patch) {
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
        if (passwordHash) tx.delete(authTokens).where(and(eq(authTokens.userId, id), eq(authTokens.kind, 'session'))).run();
        return toUser(updated);
      });
    },
    remove(id) {
      const current = row(id);
      if (current.role === 'owner' && owners() <= 1) throw new ConflictError('this is the only owner; make someone else owner first');
      db.delete(users).where(eq(users.id, id)).run();
    },
  };
}
