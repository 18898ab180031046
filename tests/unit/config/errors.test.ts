import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, type ConfigIssue } from '../../../core/config/index.js';

function issuesOf(text: string): ConfigIssue[] {
  try {
    parseConfig(text, '/etc/hearth/hearth.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  throw new Error('expected the config to be refused');
}

describe('config errors name file, line and key path', () => {
  it('a wrong type', () => {
    const [issue] = issuesOf('name: Home\nserver:\n  port: eighty\n');
    expect(issue).toMatchObject({ file: '/etc/hearth/hearth.yaml', line: 3, path: 'server.port' });
    expect(issue?.message).toMatch(/number/);
  });

  it('an unknown key, with a did-you-mean', () => {
    const [issue] = issuesOf('name: Home\nstorage:\n  keepDay: 5\n');
    expect(issue).toMatchObject({ line: 3, path: 'storage.keepDay', message: "unknown key 'keepDay' (did you mean 'keepDays'?)" });
  });

  it('an unknown top-level key far from any known one lists the known keys', () => {
    const [issue] = issuesOf('zzzz: 1\n');
    expect(issue?.message).toMatch(/^unknown key 'zzzz' \(expected one of: name, location, server/);
  });

  it('a missing key', () => {
    const [issue] = issuesOf('location:\n  latitude: 48.8\n');
    expect(issue).toMatchObject({ line: 2, path: 'location.longitude' });
    expect(issue?.message).toMatch(/missing required key/);
  });

  it('bad YAML syntax', () => {
    const [issue] = issuesOf('name: Home\nplugins:\n  - use: gpio\n   entities: [\n');
    expect(issue?.line).toBeGreaterThanOrEqual(3);
    expect(issue?.message).toMatch(/^YAML syntax/);
  });

  it('a duplicate entity id, pointing at the second one and naming the first', () => {
    const issues = issuesOf(
      [
        'plugins:',
        '  - use: gpio',
        '    entities:',
        '      - { id: light.hall, line: 27 }',
        '  - use: pwm-light',
        '    channels:',
        '      - { id: light.hall, channel: 0 }',
      ].join('\n'),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 7, path: 'plugins[1].channels[0].id' });
    expect(issues[0]?.message).toBe("duplicate entity id 'light.hall' (first declared at plugins[0].entities[0].id)");
  });

  it('reports every problem at once', () => {
    expect(issuesOf('server: { port: -1, host: 7 }\nhardware: { backend: gpio }\n')).toHaveLength(3);
  });

  it('refuses backfillDays on real hardware: only a simulated house may invent its past', () => {
    expect(issuesOf('hardware: { backend: linux, backfillDays: 7 }\n')).toMatchObject([{ path: 'hardware.backfillDays', message: expect.stringMatching(/backend: sim/) }]);
    expect(parseConfig('hardware: { backend: sim, backfillDays: 7 }\n', '/etc/hearth/hearth.yaml').config.hardware).toEqual({ backend: 'sim', backfillDays: 7 });
  });

  it('formats issues as file:line:column: path: message', () => {
    try {
      parseConfig('server:\n  port: x\n', 'hearth.yaml');
    } catch (err) {
      expect((err as Error).message).toMatch(/^hearth\.yaml:2:9: server\.port: /);
    }
    expect.assertions(1);
  });

  it('fills defaults for a minimal config', () => {
    const { config } = parseConfig('name: Flat\n', 'hearth.yaml');
    expect(config).toMatchObject({ server: { port: 8420, host: '0.0.0.0' }, storage: { keepDays: 10, commitIntervalS: 2 }, hardware: { backend: 'auto' } });
  });
});
