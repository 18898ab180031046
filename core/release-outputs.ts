/**
 * `hearth release-outputs`: every output the config declares to its safe level, from
 * the config alone — no plugin runs, no database opens. The service runs it after any
 * exit of the hub (`ExecStopPost=`), so a `kill -9`, an OOM kill, a V8 fatal error or
 * the watchdog killing a hung hub still ends with relays released and dimmers dark.
 */
import type { HardwareBackend } from '../hardware/index.js';
import { openHardware, releaseDeclaredOutputs, testStandInsFromEnv, type ReleaseReport } from '../hardware/hub.js';
import type { LoadedConfig } from './config/index.js';
import { loadPlugins } from './plugins/index.js';
import { declaredHardware, wantsBias } from './declared-hardware.js';

export async function releaseConfiguredOutputs(loaded: LoadedConfig): Promise<ReleaseReport & { backend: HardwareBackend }> {
  const { outputs, inputs, problems } = declaredHardware(await loadPlugins(loaded));
  // The same backend the hub picked: `auto` weighs the inputs' bias the same way.
  const hardware = await openHardware({ backend: loaded.config.hardware.backend, wantsBias: wantsBias(inputs), ...testStandInsFromEnv() });
  // A simulated board dies with the hub that drew it: there is nothing left to release.
  if (hardware.backend === 'sim') {
    await hardware.close();
    return { backend: 'sim', released: [], failed: [] };
  }
  const report = await releaseDeclaredOutputs(hardware, outputs);
  return { backend: hardware.backend, ...report, failed: [...problems.map((p) => ({ output: 'config', error: p })), ...report.failed] };
}
