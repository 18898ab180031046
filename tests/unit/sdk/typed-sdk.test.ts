import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseConfig } from '../../../core/config/index.js';
import { definePlugin, entityIdSchema, type HearthPlugin } from '../../../core/plugin-api.js';
import { loadPlugins } from '../../../core/plugins/index.js';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/plugins/', import.meta.url));
const fixture = async (name: string) => ((await import(pathToFileURL(join(FIXTURES, name, 'index.js')).href)) as { default: HearthPlugin<unknown> }).default;

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

const valveConfig = z
  .strictObject({
    entity: entityIdSchema('valve').default('valve.garden'),
    minPosition: z.number().min(0).max(100).default(10),
    maxPosition: z.number().min(0).max(100).default(90),
  })
  // Not expressible in JSON Schema: only the schema itself can hold the host to it.
  .refine((c) => c.minPosition < c.maxPosition, { message: 'minPosition must be below maxPosition', path: ['minPosition'] });

const seen: unknown[] = [];
const valve = definePlugin({
  manifest: { id: 'valve', name: 'Valve', version: '1.0.0', apiVersion: 1 },
  config: valveConfig,
  setup(ctx) {
    seen.push(ctx.config);
    const entity = ctx.entities.add({
      id: ctx.config.entity,
      commands: {
        // Typed from the domain: `position` is a number here, no cast.
        set_position: ({ position }) => entity.setState(position > ctx.config.minPosition ? 'open' : 'closed', { position: Math.max(position, ctx.config.minPosition) }),
      },
    });
    entity.setState('closed', { position: ctx.config.minPosition });
  },
});

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).issues.map((i) => i.message);
}

describe('typed plugin SDK', () => {
  it('hands setup the config as its schema parsed it, and publishes that schema as the manifest JSON Schema', async () => {
    seen.length = 0;
    hub = await createTestHub({ plugins: { valve }, config: { plugins: [{ use: 'valve', maxPosition: 80 }] } });
    expect(seen).toEqual([{ entity: 'valve.garden', minPosition: 10, maxPosition: 80 }]);
    expect(hub.plugins()[0]!.configSchema).toMatchObject({ type: 'object', properties: { minPosition: { default: 10 } }, additionalProperties: false });
    expect(await hub.command('valve.garden', 'set_position', { position: 5 })).toMatchObject({ state: 'closed', attributes: { position: 10 } });
    expect(await hub.command('valve.garden', 'set_position', { position: 60 })).toMatchObject({ state: 'open', attributes: { position: 60 } });
  });

  it('validates the entry once with the plugin schema, refinements included, located in the file', async () => {
    const messages = await refusal(createTestHub({ plugins: { valve }, config: { plugins: [{ use: 'valve', id: 'garden', minPosition: 50, maxPosition: 40 }] } }));
    expect(messages).toEqual(["plugin 'garden': minPosition must be below maxPosition"]);
    const typo = await refusal(createTestHub({ plugins: { valve }, config: { plugins: [{ use: 'valve', maxPositon: 40 }] } }));
    expect(typo).toContain("plugin 'valve': unknown key 'maxPositon' (did you mean 'maxPosition'?)");
  });

  it('refuses, when the entity is added, a handler for a command its domain does not have, naming the valid ones', async () => {
    const typo = definePlugin({
      manifest: { id: 'typo', name: 'Typo', version: '1.0.0', apiVersion: 1 },
      config: z.strictObject({}),
      setup(ctx) {
        ctx.entities.add({
          id: 'switch.pump',
          // @ts-expect-error -- `open` is not a switch command: the types refuse it too
          commands: { turn_on: () => undefined, open: () => undefined },
        });
      },
    });
    hub = await createTestHub({ plugins: { typo }, config: { plugins: [{ use: 'typo' }] } });
    const [info] = hub.plugins();
    // Failed in setup: the host may be waiting to restart it, which fails the same way.
    expect(info!.status).toMatch(/^(failed|restarting)$/);
    expect(info!.lastFailure?.error).toContain("entity 'switch.pump' has a handler for 'open', which switch entities do not take; their commands are turn_on, turn_off, toggle");
    expect(() => hub!.state('switch.pump')).toThrow(/no entity/);
  });
});

describe('the test harness refuses what the hub refuses', () => {
  const hubRefusal = (yaml: string) => refusal(loadPlugins(parseConfig(`plugins:\n${yaml}`, join(FIXTURES, 'hearth.yaml'))));

  it('a plugin written for another API version', async () => {
    const fromHub = await hubRefusal('  - use: ./wrong-api\n');
    expect(fromHub[0]).toMatch(/written for plugin API 2, this hub provides API 1/);
    expect(await refusal(createTestHub({ plugins: { 'wrong-api': await fixture('wrong-api') }, config: { plugins: [{ use: 'wrong-api' }] } }))).toEqual(fromHub);
  });

  it('a malformed manifest', async () => {
    const bad = { manifest: { id: 'Not An Id', name: 'x', version: '1', apiVersion: 1, configSchema: {} }, setup() {} } as HearthPlugin<unknown>;
    expect(await refusal(createTestHub({ plugins: { bad }, config: { plugins: [{ use: 'bad' }] } }))).toEqual([`plugin 'bad' has an invalid manifest id "Not An Id"`]);
    const shapeless = { manifest: { id: 'shapeless' } } as unknown as HearthPlugin<unknown>;
    expect(await refusal(createTestHub({ plugins: { shapeless }, config: { plugins: [{ use: 'shapeless' }] } }))).toEqual([
      "'shapeless' is not a Hearth plugin: its default export must be { manifest, setup(ctx) }",
    ]);
  });

  it('two instances with one id', async () => {
    const fromHub = await hubRefusal('  - use: ./healthy\n  - use: ./healthy\n');
    const healthy = await fixture('healthy');
    expect(await refusal(createTestHub({ plugins: { healthy }, config: { plugins: [{ use: 'healthy' }, { use: 'healthy' }] } }))).toEqual(fromHub);
    expect(fromHub).toEqual(["plugin instance 'healthy' is configured twice; give one an 'id:'"]);
  });
});
