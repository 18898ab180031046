import { Hono } from 'hono';
import { z } from 'zod';
import { currentUser, requireRole, type ApiEnv } from '../api/env.js';
import type { RouteDoc, RouteModule } from '../api/route-module.js';
import { validate } from '../api/validate.js';
import type { NotifyService } from './notifier.js';
import { userTargetsSchema, type UserTargetStore } from './user-targets.js';

const channelStatus = z
  .object({
    id: z.string(),
    type: z.enum(['dashboard', 'ntfy', 'webhook', 'email', 'mqtt']),
    default: z.boolean(),
    users: z.union([z.literal('all'), z.array(z.string())]).optional(),
    state: z.enum(['ok', 'failing']),
    failingSince: z.string().optional(),
    lastError: z.string().optional(),
    lastSuccessAt: z.string().optional(),
    nextRetryAt: z.string().optional(),
    pending: z.number().int(),
    held: z.number().int(),
    delivered: z.number().int(),
    dropped: z.number().int(),
  })
  .describe('a channel and its health: failingSince and lastError while it fails, pending / held (quiet hours) counts');

const myTargets = userTargetsSchema.describe('your own ntfy topic, e-mail address and quiet hours, used by per-user channels');
const myInfo = z.object({ targets: userTargetsSchema, channels: z.array(z.object({ id: z.string(), type: z.string() })).describe('the per-user channels that reach you') });

const DOCS: RouteDoc[] = [
  { method: 'get', path: '/notify/channels', summary: 'Notification channels and their delivery status', access: 'admin', response: { status: 200, body: z.object({ channels: z.array(channelStatus) }) } },
  { method: 'get', path: '/notify/me', summary: 'Your own notification targets', access: 'member', response: { status: 200, body: myInfo } },
  { method: 'put', path: '/notify/me', summary: 'Set your own notification targets (replaces them)', access: 'member', body: myTargets, response: { status: 200, body: myInfo } },
];

export interface NotifyRouteDeps {
  notifier: Pick<NotifyService, 'channels'>;
  targets: UserTargetStore;
}

export function createNotifyRoutes({ notifier, targets }: NotifyRouteDeps): RouteModule {
  const reaching = (username: string) =>
    notifier
      .channels()
      .filter((c) => c.users === 'all' || c.users?.includes(username))
      .map(({ id, type }) => ({ id, type }));
  const routes = new Hono<ApiEnv>()
    .get('/notify/channels', requireRole('admin'), (c) => c.json({ channels: notifier.channels() }))
    .get('/notify/me', requireRole('member'), (c) => {
      const user = currentUser(c);
      return c.json({ targets: targets.get(user.id), channels: reaching(user.username) });
    })
    .put('/notify/me', requireRole('member'), validate('json', myTargets), (c) => {
      const user = currentUser(c);
      targets.set(user.id, c.req.valid('json'));
      return c.json({ targets: targets.get(user.id), channels: reaching(user.username) });
    });
  return { routes, docs: DOCS };
}
