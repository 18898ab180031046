/**
 * Entry of an isolated plugin's child process: runs one plugin with the same
 * runtime as in process, its entities and hardware forwarded to the hub over IPC.
 */
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import type { HardwareBackend, Level } from '../../../hardware/index.js';
import type { Context, EntityState } from '../../kernel/index.js';
import type { HearthPlugin, PluginContext } from '../../plugin-api.js';
import { createPluginRuntime, type PluginRuntime } from '../runtime.js';
import { createChildPort, type ChildPort } from './child-port.js';
import { createRemoteHardware, type RemoteHardwareError } from './remote-hardware.js';
import { createRpc, type RpcMessage } from './rpc.js';

export interface ChildInit {
  file: string;
  pluginId: string;
  config: Record<string, unknown>;
  hub: PluginContext['hub'];
  dataDir: string;
  backend: HardwareBackend;
  states: EntityState[];
  logLevel: string;
}

// The hub going away closes the pipe: `disconnect` below ends the child, so a failed send needs no handling.
const send = (message: RpcMessage) => process.connected && process.send?.(message, undefined, undefined, () => {});
let child: ChildPort | undefined;
let runtime: PluginRuntime | undefined;
let remote: ReturnType<typeof createRemoteHardware> | undefined;

const rpc = createRpc(send, {
  init: (init: ChildInit) => start(init),
  command: (entityId: string, command: string, params: Record<string, unknown>, context: Context) =>
    child!.runCommand(entityId, command, params, context),
  state: (state: EntityState) => child?.receiveState(state),
  watch: (handle: number, value: Level, atMs: number) => remote?.onWatch(handle, value, atMs),
  'serial.data': (handle: number, bytes: Uint8Array) => remote?.onSerialData(handle, bytes),
  'serial.closed': (handle: number, error?: RemoteHardwareError) => remote?.onSerialClosed(handle, error),
  stop: async () => {
    await runtime?.teardown(2000);
    setImmediate(() => process.exit(0));
  },
  ping: () => 'pong',
});

/** Reports the failure to the hub, releases what the plugin held, and exits so the supervisor restarts it. */
function fail(err: unknown, where = 'plugin'): void {
  const message = err instanceof Error ? err.message : String(err);
  rpc.notify('failed', where, message);
  void Promise.resolve(runtime?.teardown(1000)).finally(() => setImmediate(() => process.exit(1)));
}

async function start(init: ChildInit): Promise<void> {
  const log = pino({ level: init.logLevel, base: undefined }, { write: (line: string) => rpc.notify('log', line) });
  remote = createRemoteHardware(rpc, init.backend, (err) => fail(err, 'opening a line'));
  child = createChildPort(rpc, init.states, log, (err) => fail(err, 'adding an entity'));
  const module = (await import(pathToFileURL(init.file).href)) as { default: HearthPlugin };
  runtime = createPluginRuntime(
    { id: init.pluginId, config: init.config },
    { entities: child.port, hardware: remote.hardware, log, dataDir: init.dataDir, hub: init.hub },
    fail,
  );
  try {
    await runtime.setup((ctx) => module.default.setup(ctx));
  } catch (err) {
    fail(err, 'setup');
    throw err;
  }
}

process.on('message', (message) => rpc.receive(message));
process.on('disconnect', () => process.exit(0));
process.on('uncaughtException', (err) => fail(err, 'uncaught exception'));
process.on('unhandledRejection', (err) => fail(err, 'unhandled rejection'));
