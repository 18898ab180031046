import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/config/index.js';
import { entityBaseSchema } from '../../../core/plugin-api.js';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createBh1750Emulator, createPca9685Emulator, createSimBoard } from '../../../hardware/index.js';
import mqttPlugin from '../../../plugins/mqtt/index.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

const base = { allowedRoles: ['admin'], hidden: true, icon: 'mdi:lamp' };

describe('the shared entity base (allowedRoles, hidden, icon)', () => {
  it('every built-in plugin with entities takes it and hands it to the registry and the state', async () => {
    const hardware = createSimBoard();
    hardware.sim.attachI2c(1, 0x40, createPca9685Emulator());
    hardware.sim.attachI2c(1, 0x23, createBh1750Emulator({ lux: () => 120 }));
    hardware.sim.attachDs18b20('28-000000000001', { temperatureC: () => 20 });
    hub = await createTestHub({
      hardware,
      config: {
        areas: ['hall'],
        plugins: [
          { use: 'gpio', entities: [{ id: 'switch.gate', line: 27, area: 'hall', ...base }, { id: 'binary_sensor.door', line: 4, icon: 'mdi:door' }] },
          { use: 'shutter', entities: [{ id: 'cover.garage', upLine: 5, downLine: 6, travelUpS: 20, travelDownS: 20, ...base }] },
          { use: 'pwm-light', lights: [{ id: 'light.porch', channel: 0, ...base }] },
          { use: 'onewire', discover: false, sensors: [{ device: '28-000000000001', id: 'sensor.boiler', hidden: true }] },
          { use: 'climate-i2c', devices: [{ chip: 'bh1750', prefix: 'garden', icon: 'mdi:weather-sunny' }] },
        ],
      },
    });
    for (const id of ['switch.gate', 'cover.garage', 'light.porch']) {
      expect(hub.kernel.registry.get(id)?.allowedRoles, id).toEqual(['admin']);
      expect(hub.state(id).attributes, id).toMatchObject({ hidden: true, icon: 'mdi:lamp' });
    }
    expect(hub.state('switch.gate').area).toBe('hall');
    expect(hub.state('binary_sensor.door').attributes).toEqual({ icon: 'mdi:door' });
    expect(hub.state('sensor.boiler').attributes).toMatchObject({ hidden: true, unit: '°C' });
    expect(hub.state('sensor.garden_illuminance').attributes).toMatchObject({ icon: 'mdi:weather-sunny', unit: 'lx' });
    expect(hub.kernel.registry.get('binary_sensor.door')?.allowedRoles).toBeUndefined();
    // A plugin's later readings keep the icon: attributes are merged.
    hub.sim.drive(4, 1);
    expect((await hub.waitFor('binary_sensor.door', (s) => s.state === 'on')).attributes).toEqual({ icon: 'mdi:door' });
  });

  it('the MQTT plugin (whose devices need a broker) declares the same keys', async () => {
    const validate = async (entry: unknown) => (await mqttPlugin.config!['~standard'].validate(entry)).issues;
    expect(await validate({ entities: [{ id: 'switch.plug', commandTopic: 'plug/set', ...base }] })).toBeUndefined();
    expect(await validate({ entities: [{ id: 'switch.plug', commandTopic: 'plug/set', allowedRoles: ['root'] }] })).toMatchObject([{ path: ['entities', 0, 'allowedRoles', 0] }]);
  });

  it('refuses an unknown role, an empty list, a malformed icon and a non-boolean hidden, each with its key path', async () => {
    const refused = async (entity: Record<string, unknown>) => {
      const error = await createTestHub({ config: { plugins: [{ use: 'gpio', entities: [{ id: 'light.x', line: 27, ...entity }] }] } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message;
    };
    expect(await refused({ allowedRoles: ['superuser'] })).toMatch(/plugins\[0\]\.entities\[0\]\.allowedRoles\[0\].*(admin|member|owner)/);
    expect(await refused({ allowedRoles: [] })).toMatch(/plugins\[0\]\.entities\[0\]\.allowedRoles/);
    expect(await refused({ icon: 'a lamp' })).toMatch(/plugins\[0\]\.entities\[0\]\.icon/);
    expect(await refused({ hidden: 'yes' })).toMatch(/plugins\[0\]\.entities\[0\]\.hidden/);
  });

  it('is one zod object whose keys a plugin spreads into its entry', () => {
    expect(Object.keys(entityBaseSchema.shape).sort()).toEqual(['allowedRoles', 'area', 'hidden', 'icon', 'name']);
    expect(entityBaseSchema.safeParse({ allowedRoles: ['owner', 'admin'] }).success).toBe(true);
  });
});
