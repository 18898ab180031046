import { describe, expect, it } from 'vitest';
import * as sdk from '../../../hardware/index.js';
import * as hub from '../../../hardware/hub.js';

const HUB_ONLY = ['openHardware', 'releaseDeclaredOutputs', 'testStandInsFromEnv', 'TEST_SYSFS_ENV', 'TEST_I2C_DIR_ENV'];

describe('hearth/hardware', () => {
  it('publishes what a plugin author needs and none of the hub-only side of the HAL', () => {
    expect(Object.keys(sdk)).toEqual(expect.arrayContaining(['HardwareError', 'lineSpecSchema', 'calibrationSchema', 'openBme280', 'readDs18b20', 'createSimBoard']));
    expect(Object.keys(sdk).filter((name) => HUB_ONLY.includes(name))).toEqual([]);
    expect(Object.keys(hub)).toEqual(expect.arrayContaining(HUB_ONLY));
  });
});
