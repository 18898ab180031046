export interface OneWire {
  /** Device ids present on the bus, e.g. `28-0316a2794aff`. */
  list(): Promise<string[]>;
  /** The text of a device's sysfs file (`w1_slave` by default, or `temperature`). */
  readFile(deviceId: string, file?: 'w1_slave' | 'temperature'): Promise<string>;
}
