import type { DeclaredInput, DeclaredOutput } from '../hardware/index.js';
import { errorMessage } from './errors.js';
import type { LoadedPlugin } from './plugins/index.js';

export interface DeclaredHardware {
  outputs: DeclaredOutput[];
  inputs: DeclaredInput[];
  /** Plugins whose `outputs()` or `inputs()` threw: what they drive or read is unknown. */
  problems: string[];
}

/** What each configured plugin says its config drives and reads; plugins that say nothing have none. */
export function declaredHardware(plugins: readonly LoadedPlugin[]): DeclaredHardware {
  const result: DeclaredHardware = { outputs: [], inputs: [], problems: [] };
  for (const { id, plugin, config } of plugins) {
    try {
      result.outputs.push(...(plugin.outputs?.(config) ?? []));
    } catch (err) {
      result.problems.push(`plugin '${id}': cannot list its outputs: ${errorMessage(err)}`);
    }
    try {
      result.inputs.push(...(plugin.inputs?.(config) ?? []));
    } catch (err) {
      result.problems.push(`plugin '${id}': cannot list its inputs: ${errorMessage(err)}`);
    }
  }
  return result;
}

/** A header input asks for a bias (expanders set their own pull-ups on any backend). */
export function wantsBias(inputs: readonly DeclaredInput[]): boolean {
  return inputs.some((input) => input.bias !== undefined && typeof input.line === 'number');
}
