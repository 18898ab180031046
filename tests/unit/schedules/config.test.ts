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

describe('schedules: in the config', () => {
  it('are read with the contract keys, shorthands expanded', () => {
    const { config } = parseConfig(
      'schedules:\n  - { id: bedroom, name: Bedroom, days: { mon: [{ from: "06:30", to: "08:00", value: comfort }, { from: "18:00", to: "22:30", value: comfort }] } }\n',
      '/etc/hearth/hearth.yaml',
    );
    expect(config.schedules[0]).toMatchObject({ id: 'bedroom', name: 'Bedroom', days: { mon: [{ from: '06:30', to: '08:00', value: 'comfort' }, { from: '18:00', to: '22:30', value: 'comfort' }], tue: [] }, exceptions: [] });
  });

  it('a bad time, a block crossing midnight, an overlap and a repeated id are refused with line and key path', () => {
    const issues = issuesOf(
      [
        'schedules:',
        '  - id: bedroom',
        '    days:',
        '      mon:',
        '        - { from: "25:00", to: "26:00" }',
        '      tue:',
        '        - { from: "22:00", to: "02:00" }',
        '      wed:',
        '        - { from: "06:00", to: "09:00" }',
        '        - { from: "08:00", to: "10:00" }',
        '  - { id: bedroom }',
        '',
      ].join('\n'),
    );
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [5, 'schedules[0].days.mon[0].from'],
      [5, 'schedules[0].days.mon[0].to'],
      [7, 'schedules[0].days.tue[0].to'],
      [10, 'schedules[0].days.wed[1].from'],
      [11, 'schedules[1].id'],
    ]);
    expect(issues[2]!.message).toMatch(/may not cross midnight: split it/);
    expect(issues[3]!.message).toBe('overlaps the block 06:00–09:00');
  });

  it('two schedules with one id are refused', () => {
    const [issue] = issuesOf('schedules:\n  - { id: bedroom }\n  - { id: bedroom }\n');
    expect(issue).toMatchObject({ line: 3, path: 'schedules[1].id', message: "duplicate schedule id 'bedroom' (first at schedules[0])" });
  });
});
