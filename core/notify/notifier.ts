import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { NotifyChannelConfig } from '../config/index.js';
import type { EventBus } from '../kernel/index.js';
import type { Service } from '../service.js';
import './events.js';
import { userTopicUrl } from './messages.js';
import { quietUntil } from './quiet.js';
import { createChannelQueue, type ChannelQueue, type QueueStatus } from './queue.js';
import { channelSecrets } from './secrets.js';
import { createTransport, type Delivery, type Transport } from './transports.js';
import type { Notification, Notifier } from './types.js';
import type { UserTargets, UserTargetStore } from './user-targets.js';

export const DASHBOARD = 'dashboard';
export const USER_PREFIX = 'user:';

/** `GET /api/notify/channels`: one row per channel, the built-in dashboard first. */
export interface ChannelStatus extends QueueStatus {
  id: string;
  type: 'dashboard' | NotifyChannelConfig['type'];
  default: boolean;
  users?: 'all' | string[];
}

export interface NotifierDeps {
  channels: readonly NotifyChannelConfig[];
  bus: EventBus;
  log: Logger;
  users: { list(): readonly { id: string; username: string }[] };
  targets: UserTargetStore;
  /** Where `HEARTH_NOTIFY_<ID>_<FIELD>` secrets are read; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The hub's MQTT connection, for `mqtt` channels. */
  mqttPublish?: (topic: string, payload: string) => Promise<void>;
  /** Quiet hours are in this zone's wall time. */
  timezone?: string;
  now?: () => number;
}

export interface NotifyService extends Notifier, Service {
  channels(): ChannelStatus[];
}

interface Channel {
  config: NotifyChannelConfig;
  transport: Transport;
  queue: ChannelQueue<Delivery>;
}

/**
 * The hub's notifier: `send` sorts a notification into each channel's queue (or holds it
 * for quiet hours) and returns; the dashboard channel is a bus event every open dashboard
 * shows. Channel names: `dashboard`, a configured id, or `user:<name>` (that user, on every
 * per-user channel they set a target for).
 */
export function createNotifier(deps: NotifierDeps): NotifyService {
  const now = deps.now ?? Date.now;
  const env = deps.env ?? process.env;
  const log = deps.log.child({ component: 'notify' });
  const channels = new Map<string, Channel>();
  for (const config of deps.channels) {
    const transport = createTransport(config, { secrets: channelSecrets(config, env), now, ...(deps.mqttPublish && { mqttPublish: deps.mqttPublish }) });
    const queue = createChannelQueue<Delivery>({ deliver: (d) => transport.send(d), retry: config.retry, log: log.child({ channel: config.id }), now });
    channels.set(config.id, { config, transport, queue });
  }
  const defaults = [DASHBOARD, ...deps.channels.filter((c) => c.default).map((c) => c.id)];

  const reaches = (config: NotifyChannelConfig, username: string) => config.users === 'all' || (config.users?.includes(username) ?? false);
  const userTarget = (config: NotifyChannelConfig, username: string, targets: UserTargets): Delivery['user'] | undefined => {
    if (config.type === 'ntfy' && targets.ntfyTopic) return { name: username, ntfyTopicUrl: userTopicUrl(config.url, targets.ntfyTopic) };
    if (config.type === 'email' && targets.email) return { name: username, email: targets.email };
    return undefined;
  };
  const hasOwnTarget = (config: NotifyChannelConfig) => (config.type === 'ntfy' ? !config.users : config.type === 'email' ? config.to.length > 0 : true);

  function enqueue(channel: Channel, n: Notification, user?: { delivery: NonNullable<Delivery['user']>; targets: UserTargets }) {
    const delivery: Delivery = { notification: n, ...(user && { user: user.delivery }) };
    const quiet = user?.targets.quietHours ?? channel.config.quietHours;
    const until = n.severity === 'critical' ? undefined : quietUntil(quiet, now(), deps.timezone);
    if (until === undefined) channel.queue.push(delivery);
    else channel.queue.hold(delivery, until);
  }

  function send(names: readonly string[] | undefined, n: Notification): void {
    const wanted = new Set(names ?? defaults);
    if (wanted.has(DASHBOARD) && !n.silent) deps.bus.emit('notification', { notification: { ...n, id: randomUUID(), at: new Date(now()).toISOString() } });
    wanted.delete(DASHBOARD);
    const usersByName = new Map(deps.users.list().map((u) => [u.username, u]));
    // Each place once, however many names lead to it (`phone` and `user:alice` both reach alice's topic).
    const reached = new Set<string>();
    const reach = (channel: Channel, username?: string) => {
      const key = `${channel.config.id}\n${username ?? ''}`;
      if (reached.has(key)) return;
      if (!username) {
        reached.add(key);
        return enqueue(channel, n);
      }
      const user = usersByName.get(username);
      if (!user || !reaches(channel.config, username)) return;
      const targets = deps.targets.get(user.id);
      const delivery = userTarget(channel.config, username, targets);
      if (!delivery) return;
      reached.add(key);
      enqueue(channel, n, { delivery, targets });
    };
    for (const name of wanted) {
      if (name.startsWith(USER_PREFIX)) {
        const username = name.slice(USER_PREFIX.length);
        if (!usersByName.has(username)) log.warn({ channel: name }, 'notification for an unknown user');
        for (const channel of channels.values()) reach(channel, username);
        continue;
      }
      const channel = channels.get(name);
      if (!channel) {
        log.warn({ channel: name, known: [DASHBOARD, ...channels.keys()] }, 'notification for an unknown channel');
        continue;
      }
      if (hasOwnTarget(channel.config)) reach(channel);
      if (channel.config.users) for (const username of usersByName.keys()) reach(channel, username);
    }
  }

  return {
    name: 'notify',
    send(names, n) {
      try {
        send(names, n);
      } catch (err) {
        log.error({ err }, 'notification not sent');
      }
    },
    channels: () => [
      { id: DASHBOARD, type: 'dashboard', default: true, state: 'ok', pending: 0, held: 0, delivered: 0, dropped: 0 },
      ...[...channels.values()].map(({ config, queue }) => ({ id: config.id, type: config.type, default: config.default, ...(config.users && { users: config.users }), ...queue.status() })),
    ],
    start: async () => {},
    stop: async () => {
      for (const { queue, transport } of channels.values()) {
        queue.stop();
        transport.close();
      }
    },
  };
}
