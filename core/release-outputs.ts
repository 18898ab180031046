/**
 * `hearth release-outputs`: every output the config declares to its safe level, from
 * the config alone — no plugin runs, no database opens. The service runs it after any
 * exit of the hub (`ExecStopPost=`), so a `kill -9`, an OOM kill, a V8 fatal error or
 * the watchdog killing a hung hub still ends with relays released and dimmers dark.
 */
import type { DeclaredOutput, HardwareBackend } from '../hardware/index.js';
import { openHardware, releaseDeclaredOutputs, testStandInsFromEnv, type ReleaseReport } from '../hardware/hub.js';
import type { LoadedConfig } from './config/index.js';
import { errorMessage } from './errors.js';
import { loadPlugins } from './plugins/index.js';

export interface DeclaredOutputs {
  outputs: DeclaredOutput[];
  /** Plugins whose `outputs()` threw: their outputs are unknown. */
  problems: string[];
}

/** Asks each configured plugin which outputs its config drives; plugins without `outputs` drive none. */
export async function declaredOutputs(loaded: LoadedConfig): Promise<DeclaredOutputs> {
  const result: DeclaredOutputs = { outputs: [], problems: [] };
  for (const { id, plugin, config } of await loadPlugins(loaded)) {
    try {
      result.outputs.push(...(plugin.outputs?.(config) ?? []));
    } catch (err) {
      result.problems.push(`plugin '${id}': cannot list its outputs: ${errorMessage(err)}`);
    }
  }
  return result;
}

export async function releaseConfiguredOutputs(loaded: LoadedConfig): Promise<ReleaseReport & { backend: HardwareBackend }> {
  const { outputs, problems } = await declaredOutputs(loaded);
  const hardware = await openHardware({ backend: loaded.config.hardware.backend, ...testStandInsFromEnv() });
  // A simulated board dies with the hub that drew it: there is nothing left to release.
  if (hardware.backend === 'sim') {
    await hardware.close();
    return { backend: 'sim', released: [], failed: [] };
  }
  const report = await releaseDeclaredOutputs(hardware, outputs);
  return { backend: hardware.backend, ...report, failed: [...problems.map((p) => ({ output: 'config', error: p })), ...report.failed] };
}
