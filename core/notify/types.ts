/** What the alerts engine (and the `notify` action) hands to the notifier; the contract between core/alerts and core/notify. */
export interface Notification { title: string; message: string; severity: 'info' | 'warning' | 'critical'; entity?: string; alertId?: number; url?: string; silent?: boolean }
export interface Notifier { send(channels: readonly string[] | undefined, n: Notification): void } // undefined = default channels; never throws, never blocks
