import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type MqttConfig } from '../../../core/config/index.js';
import { createKernel, type EventMap, type Kernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';
import { createMqttBridge, type MqttBridge } from '../../../core/mqtt/index.js';
import { startMosquitto, type Mosquitto } from '../../helpers/mosquitto.js';
import { openProbe, type MqttProbe } from '../../helpers/mqtt-probe.js';

let broker: Mosquitto;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => broker?.stop());

const open: { bridge: MqttBridge; probe: MqttProbe }[] = [];
afterEach(async () => {
  for (const { bridge, probe } of open.splice(0)) {
    await bridge.stop();
    await probe.close();
  }
});

/** An admin-only gate and an unrestricted lamp, owned by a fake plugin that records commands. */
function gateKernel() {
  const kernel = createKernel(silentLogger());
  const commands: string[] = [];
  for (const [id, allowedRoles] of [['switch.gate', ['admin'] as const], ['switch.lamp', undefined]] as const) {
    kernel.states.init(kernel.registry.add({ id, owner: 'fake', ...(allowedRoles && { allowedRoles }) }));
    kernel.states.update(id, { state: 'off' });
    kernel.dispatcher.register(id, {
      turn_on: () => void (commands.push(`${id} on`), kernel.states.update(id, { state: 'on' })),
      turn_off: () => void (commands.push(`${id} off`), kernel.states.update(id, { state: 'off' })),
    });
  }
  return { kernel, commands };
}

async function startBridge(kernel: Kernel, node: string, mqtt: Record<string, unknown> = {}) {
  const config: MqttConfig = configSchema.parse({ mqtt: { url: broker.url, node, discovery: false, federation: false, ...mqtt } }).mqtt!;
  const bridge = createMqttBridge({ kernel, log: silentLogger(), config });
  await bridge.start();
  await bridge.whenConnected();
  const probe = await openProbe(broker.url);
  open.push({ bridge, probe });
  return probe;
}

const nextAudit = (kernel: Kernel) => new Promise<EventMap['audit']>((resolve) => {
  const off = kernel.bus.on('audit', (e) => (off(), resolve(e)));
});

describe('MQTT /set and entity roles (real Mosquitto)', () => {
  it('acts as member by default: an admin-only entity refuses /set (audited), an unrestricted one obeys', async () => {
    const { kernel, commands } = gateKernel();
    const probe = await startBridge(kernel, 'roles-default');
    const audit = nextAudit(kernel);
    // Even a payload claiming to come from another hub carries no more than the configured role.
    await probe.publish('hearth/roles-default/switch.gate/set', JSON.stringify({ command: 'turn_on', node: 'pi-attic' }));
    expect(await audit).toMatchObject({ action: 'entity.command', outcome: 'denied', target: 'switch.gate', context: { node: 'pi-attic', role: 'member' } });

    const lampOn = new Promise<void>((resolve) => kernel.bus.on('state_changed', (e) => e.entityId === 'switch.lamp' && resolve()));
    await probe.publish('hearth/roles-default/switch.lamp/set', 'ON');
    await lampOn;
    expect(commands).toEqual(['switch.lamp on']);
    expect(kernel.states.get('switch.gate')!.state).toBe('off');
  });

  it('obeys /set on the admin-only entity once mqtt.commandRole is admin', async () => {
    const { kernel, commands } = gateKernel();
    const probe = await startBridge(kernel, 'roles-admin', { commandRole: 'admin' });
    const gateOn = new Promise<void>((resolve) => kernel.bus.on('state_changed', (e) => e.entityId === 'switch.gate' && resolve()));
    await probe.publish('hearth/roles-admin/switch.gate/set', 'ON');
    await gateOn;
    expect(commands).toEqual(['switch.gate on']);
    expect(kernel.states.get('switch.gate')!.context).toMatchObject({ node: 'mqtt', role: 'admin' });
  });

  it('refuses an unknown commandRole in the config', () => {
    const parsed = configSchema.safeParse({ mqtt: { url: broker.url, commandRole: 'root' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['mqtt', 'commandRole']);
  });
});
