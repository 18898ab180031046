import { afterEach, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createContext } from '../../../core/kernel/index.js';
import { definePlugin, type PluginContext } from '../../../core/plugin-api.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

/** A plugin whose button switches a relay another plugin owns. */
function relayDriver(seen: { ctx?: PluginContext }) {
  return definePlugin({
    manifest: { id: 'driver', name: 'Driver', version: '1.0.0', apiVersion: 1, configSchema: { type: 'object' } },
    setup(ctx) {
      seen.ctx = ctx;
      ctx.entities.add({ id: 'button.heat', commands: { press: async () => void (await ctx.commands.run('switch.relay', 'turn_on')) } });
    },
  });
}

const config = {
  plugins: [
    { use: 'driver' },
    { use: 'gpio', entities: [{ id: 'switch.relay', line: 23, allowedRoles: ['admin'] }] },
  ],
};

describe('ctx.commands.run', () => {
  it("commands another plugin's entity as the hub, in a child of the caller's context", async () => {
    const seen: { ctx?: PluginContext } = {};
    hub = await createTestHub({ plugins: { driver: relayDriver(seen) }, config });
    const caller = createContext({ userId: 'u1', role: 'member' });
    await hub.command('button.heat', 'press', {}, caller);
    const relay = hub.state('switch.relay');
    expect(relay.state).toBe('on');
    expect(hub.sim.level(23)).toBe(1);
    // A member may not command the admin-only relay, but the plugin acting for the hub may; the logbook still sees who.
    expect(relay.context).toMatchObject({ userId: 'u1', parentId: caller.id });
    expect(relay.context.role).toBeUndefined();
  });

  it('rejects bad params and unknown entities as the API would', async () => {
    const seen: { ctx?: PluginContext } = {};
    hub = await createTestHub({ plugins: { driver: relayDriver(seen) }, config });
    await expect(seen.ctx!.commands.run('switch.relay', 'turn_on', { brightness: 3 })).rejects.toThrow(/invalid params/);
    await expect(seen.ctx!.commands.run('switch.nope', 'turn_on')).rejects.toThrow(/nope/);
    expect(hub.state('switch.relay').state).toBe('off');
  });
});
