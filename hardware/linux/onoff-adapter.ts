/**
 * A typed view of the `onoff` module. Its declaration lacks the
 * `new Gpio(n, direction, options)` form and we need only a few members, so the
 * backend talks to this interface and tests inject a fake of it.
 */
export type OnoffDirection = 'in' | 'high' | 'low';
export type OnoffEdge = 'none' | 'rising' | 'falling' | 'both';

export interface OnoffOptions {
  activeLow?: boolean;
  reconfigureDirection?: boolean;
}

export interface OnoffGpio {
  readSync(): 0 | 1;
  read(): Promise<0 | 1>;
  write(value: 0 | 1): Promise<void>;
  writeSync(value: 0 | 1): void;
  watch(cb: (err: Error | null | undefined, value: 0 | 1) => void): void;
  unwatchAll(): void;
  unexport(): void;
}

export interface OnoffModule {
  /** Exports and configures sysfs line `gpio`; throws the sysfs error synchronously. */
  open(gpio: number, direction: OnoffDirection, edge: OnoffEdge, options: OnoffOptions): OnoffGpio;
}

export async function loadOnoff(): Promise<OnoffModule> {
  const mod = await import('onoff');
  const Ctor = mod.Gpio as unknown as new (gpio: number, direction: OnoffDirection, edge: OnoffEdge, options: OnoffOptions) => OnoffGpio;
  return { open: (gpio, direction, edge, options) => new Ctor(gpio, direction, edge, options) };
}
