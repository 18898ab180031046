import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/index.js';
import { GoneError, NotFoundError, RateLimitedError } from '../errors.js';
import { isoTime, type Role } from '../kernel/index.js';
import { formatInviteCode, newInviteCode, normalizeInviteCode } from './invite-code.js';
import type { FailureLimiter } from './rate-limit.js';
import { invitations, users } from './schema.js';
import type { AcceptInvitation } from './schemas.js';
import { hashSecret } from './secrets.js';
import type { AuthUser, UserStore } from './users.js';

export type InvitationStatus = 'pending' | 'used' | 'expired';

export interface InvitationInfo {
  readonly id: string;
  readonly role: Role;
  readonly status: InvitationStatus;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** Username of the admin who created it; null once that account is removed. */
  readonly createdBy: string | null;
  readonly usedAt: string | null;
  /** Username of the account it created. */
  readonly usedBy: string | null;
}

/** A new invitation: the code is shown this once (only its hash is stored). */
export interface CreatedInvitation extends InvitationInfo {
  /** `K7MP-9QRT`: what the invitee types, and the last part of the link. */
  readonly code: string;
}

export interface Invitations {
  create(input: { role: Role; expiresInHours: number }, createdBy: string): CreatedInvitation;
  /** Newest first, used and expired ones included until revoked. */
  list(): InvitationInfo[];
  /** Deletes it, so its code stops working; returns what it was, for the audit trail. */
  revoke(id: string): InvitationInfo;
  /**
   * Creates the account and claims the invitation in one transaction: a taken username
   * claims nothing. Unknown codes (404) and used or expired ones (410) count against
   * `address`; past the limit every try is a 429, right code or not.
   */
  accept(input: AcceptInvitation, address: string): Promise<{ user: AuthUser; invitation: InvitationInfo }>;
}

const HOUR_MS = 3_600_000;
const UNKNOWN = 'no invitation has this code; check it, or ask for a new invitation';
const GONE = 'this invitation was already used or has expired; ask for a new one';

export function createInvitations(db: Db, deps: { users: UserStore; now: () => number; limiter: FailureLimiter }): Invitations {
  const { now, limiter } = deps;
  const creator = alias(users, 'creator');
  const invitee = alias(users, 'invitee');
  const select = () =>
    db
      .select({ row: invitations, createdBy: creator.username, usedBy: invitee.username })
      .from(invitations)
      .leftJoin(creator, eq(creator.id, invitations.createdBy))
      .leftJoin(invitee, eq(invitee.id, invitations.usedBy));
  type Selected = ReturnType<ReturnType<typeof select>['all']>[number];
  const info = ({ row, createdBy, usedBy }: Selected): InvitationInfo => ({
    id: row.id,
    role: row.role,
    status: row.usedAt !== null ? 'used' : row.expiresAt <= now() ? 'expired' : 'pending',
    createdAt: isoTime(row.createdAt),
    expiresAt: isoTime(row.expiresAt),
    createdBy,
    usedAt: row.usedAt === null ? null : isoTime(row.usedAt),
    usedBy,
  });
  const byId = (id: string) => {
    const found = select().where(eq(invitations.id, id)).get();
    if (!found) throw new NotFoundError(`unknown invitation '${id}'`);
    return info(found);
  };
  const refuse = (address: string, error: Error): never => {
    limiter.fail(address);
    throw error;
  };

  return {
    create({ role, expiresInHours }, createdBy) {
      const code = newInviteCode();
      const at = now();
      const id = randomUUID();
      db.insert(invitations)
        .values({ id, codeHash: hashSecret(code), role, createdBy, createdAt: at, expiresAt: at + expiresInHours * HOUR_MS })
        .run();
      return { ...byId(id), code: formatInviteCode(code) };
    },
    list: () => select().orderBy(desc(invitations.createdAt)).all().map(info),
    revoke(id) {
      const found = byId(id);
      db.delete(invitations).where(eq(invitations.id, id)).run();
      return found;
    },
    async accept({ code, username, password }, address) {
      const wait = limiter.retryAfterS(address);
      if (wait > 0) throw new RateLimitedError(`too many wrong invitation codes; try again in ${wait} s`, wait);
      const codeHash = hashSecret(normalizeInviteCode(code));
      const found = db.select().from(invitations).where(eq(invitations.codeHash, codeHash)).get() ?? refuse(address, new NotFoundError(UNKNOWN));
      if (found.usedAt !== null || found.expiresAt <= now()) refuse(address, new GoneError(GONE));
      const user = await deps.users.create({ username, password, role: found.role }, (userId) => {
        // Claimed only if still open: a second accept that raced through the hashing loses here.
        const claimed = db
          .update(invitations)
          .set({ usedAt: now(), usedBy: userId })
          .where(and(eq(invitations.id, found.id), isNull(invitations.usedAt), gt(invitations.expiresAt, now())))
          .returning({ id: invitations.id })
          .get();
        if (!claimed) refuse(address, new GoneError(GONE));
      });
      return { user, invitation: byId(found.id) };
    },
  };
}
