/**
 * Renders Home Assistant MQTT templates with Jinja2, the engine HA itself uses (through
 * the system's python3), so a test can say what HA would publish for a discovery config
 * rather than what we believe it would. A missing python3 or jinja2 fails loudly.
 */
import { execFileSync } from 'node:child_process';

// Debian's python3, where scripts/ensure-test-tools.mjs installs python3-jinja2: a python3 earlier on PATH
// (pyenv, a venv) may lack it.
export const PYTHON_BIN = process.env.PYTHON_BIN ?? '/usr/bin/python3';

export interface Render {
  template: string;
  variables: Readonly<Record<string, unknown>>;
}

// HA's MQTT templates see `value` (and `value_json` for state templates) plus the call's
// variables; `tojson` and `is number` are Jinja2 built-ins, as in HA's environment.
const SCRIPT = `
import json, sys
from jinja2.sandbox import ImmutableSandboxedEnvironment
env = ImmutableSandboxedEnvironment()
jobs = json.load(sys.stdin)
json.dump([env.from_string(j["template"]).render(**j["variables"]) for j in jobs], sys.stdout)
`;

/** Renders every template in one python3 run (one process per batch keeps the test fast). */
export function renderAll(jobs: readonly Render[]): string[] {
  const out = execFileSync(PYTHON_BIN, ['-c', SCRIPT], { input: JSON.stringify(jobs), encoding: 'utf8', timeout: 20_000 });
  return JSON.parse(out) as string[];
}
