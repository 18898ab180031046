import type { NotifyChannelConfig } from '../config/index.js';

/** A channel's secrets, wherever they came from; never logged (core/log.ts redacts these keys). */
export interface ChannelSecrets {
  token?: string;
  secret?: string;
  password?: string;
}

/** `HEARTH_NOTIFY_<ID>_<FIELD>`: the id upper-cased, `-` as `_` (channel `my-hook` → HEARTH_NOTIFY_MY_HOOK_SECRET). */
export function secretEnvName(channelId: string, field: keyof ChannelSecrets): string {
  return `HEARTH_NOTIFY_${channelId.toUpperCase().replaceAll('-', '_')}_${field.toUpperCase()}`;
}

/** The config's value (written out or `!secret`) wins; else the environment variable. */
export function channelSecrets(channel: NotifyChannelConfig, env: Readonly<Record<string, string | undefined>>): ChannelSecrets {
  const pick = (field: keyof ChannelSecrets, configured: string | undefined) => {
    const value = configured ?? env[secretEnvName(channel.id, field)];
    return value ? { [field]: value } : {};
  };
  switch (channel.type) {
    case 'ntfy':
      return pick('token', channel.token);
    case 'webhook':
      return pick('secret', channel.secret);
    case 'email':
      return pick('password', channel.smtp.password);
    case 'mqtt':
      return {};
  }
}
