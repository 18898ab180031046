export { closest, unknownKeyMessage } from './did-you-mean.js';
export { ConfigError, formatIssue, formatPath, type ConfigIssue, type KeyPath } from './issues.js';
export { loadConfig, parseConfig, type LoadedConfig } from './load.js';
export { configSchema, HOST_PLUGIN_KEYS, LOG_LEVELS, type HearthConfig, type LogLevel, type MqttConfig, type PluginEntry } from './schema.js';
export { createLocator, type Locator } from './locate.js';
export { defaultConfigPath, defaultDataDir } from './defaults.js';
export { checkUniqueIds, DAYS, minutes, scheduleSchema, scheduleValueSchema, type Block, type Day, type ScheduleDefinition, type ScheduleInput, type ScheduleValue } from './schedule-schema.js';
export { notifySchema, quietHoursSchema, NTFY_PRIORITIES, type EmailChannelConfig, type MqttChannelConfig, type NotifyChannelConfig, type NtfyChannelConfig, type QuietHours, type WebhookChannelConfig } from './notify-schema.js';
export { energySchema, TARIFFS, type ElectricityConfig, type EnergyConfig, type OffPeak, type TariffName, type VolumeConfig } from './energy-schema.js';
