import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFileAutomations } from '../../../core/automation/index.js';
import { ConfigError, parseConfig } from '../../../core/config/index.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(config: string, automations?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-autoconf-'));
  dirs.push(dir);
  if (automations !== undefined) writeFileSync(join(dir, 'automations.yaml'), automations);
  return parseConfig(config, join(dir, 'hearth.yaml'));
}

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('automations in the config', () => {
  it('reads a file relative to the config', () => {
    const loaded = setup('automations: ./automations.yaml\n', '- id: a\n  triggers: [{ type: event, event: x }]\n  actions: [{ delay: 1s }]\n');
    const [a] = loadFileAutomations(loaded);
    expect(a!.definition.actions).toEqual([{ delay: 1000 }]);
  });

  it('names the file, line and path of an error in the automations file', () => {
    const text = ['- id: a', '  triggers: [{ type: event, event: x }]', '  actions: [{ delay: 1 }]', '- id: b', '  triggers:', '    - type: numeric_state', '      entity: sensor.t', '      below: cold', '  actions: [{ delay: 1 }]', ''].join('\n');
    const loaded = setup('automations: automations.yaml\n', text);
    const [issue] = issuesOf(() => loadFileAutomations(loaded));
    expect(issue).toMatchObject({ file: join(loaded.dir, 'automations.yaml'), line: 8, path: 'automations[1].triggers[0].below' });
    expect(issue!.message).toMatch(/expected number/);
  });

  it('locates errors in an inline list in the config itself, and duplicate ids', () => {
    const loaded = setup(['name: x', 'automations:', '  - id: a', '    triggers: [{ type: event, event: x }]', '    actions: [{ delay: 1 }]', '  - id: a', '    triggers: [{ type: event, event: x }]', '    actions: [{ dealy: 1 }]', ''].join('\n'));
    const issues = issuesOf(() => loadFileAutomations(loaded));
    expect(issues.map((i) => [i.line, i.path])).toEqual([[8, 'automations[1].actions[0]']]);
    const dup = setup(['automations:', '  - { id: a, triggers: [{ type: event, event: x }], actions: [{ delay: 1 }] }', '  - { id: a, triggers: [{ type: event, event: x }], actions: [{ delay: 1 }] }', ''].join('\n'));
    expect(issuesOf(() => loadFileAutomations(dup))).toMatchObject([{ line: 3, path: 'automations[1].id', message: expect.stringMatching(/duplicate automation id 'a'/) }]);
  });

  it('a missing file is a located error', () => {
    const loaded = setup('automations: nope.yaml\n');
    expect(issuesOf(() => loadFileAutomations(loaded))[0]!.message).toMatch(/file not found/);
  });
});
