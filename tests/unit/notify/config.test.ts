import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig, type ConfigIssue } from '../../../core/config/index.js';
import { createLogger } from '../../../core/log.js';
import { secretEnvName } from '../../../core/notify/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function issuesOf(load: () => unknown): ConfigIssue[] {
  try {
    load();
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  throw new Error('expected the config to be refused');
}

function configDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-notify-config-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return join(dir, 'hearth.yaml');
}

describe('notify: config', () => {
  it('takes the issue example with defaults filled in', () => {
    const { config } = parseConfig(
      [
        'notify:',
        '  - { id: phone, type: ntfy, url: "https://ntfy.example.org/our-home", priority: high }',
        '  - { id: hook, type: webhook, url: "http://192.168.1.20:8080/hook" }',
        '  - { id: mail, type: email, smtp: { host: smtp.example.org, port: 587 }, from: "hub@example.org", to: ["us@example.org"], quietHours: { from: "22:30", to: "07:00" } }',
      ].join('\n'),
      '/etc/hearth/hearth.yaml',
    );
    expect(config.notify.map((c) => c.id)).toEqual(['phone', 'hook', 'mail']);
    expect(config.notify[2]).toMatchObject({ default: true, retry: { minS: 5, maxS: 300 }, smtp: { secure: false, requireTls: true } });
  });

  it('names file, line and key of a bad channel', () => {
    const issues = issuesOf(() =>
      parseConfig('notify:\n  - id: hook\n    type: webhook\n    url: ftp://x\n  - id: hook\n    type: ntfy\n    url: https://ntfy.sh/x\n    priorty: high\n', '/etc/hearth/hearth.yaml'),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, path: 'notify[0].url' }),
        expect.objectContaining({ line: 8, path: 'notify[1].priorty', message: expect.stringContaining("did you mean 'priority'") }),
      ]),
    );
  });

  it('refuses a repeated id, quiet hours of no length, and an mqtt channel without mqtt:', () => {
    const issues = issuesOf(() =>
      parseConfig(
        'notify:\n  - { id: a, type: mqtt, topic: home/notify }\n  - { id: a, type: webhook, url: "http://h/x", quietHours: { from: "22:00", to: "22:00" } }\n',
        '/etc/hearth/hearth.yaml',
      ),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['notify[0].type', 'notify[1].id', 'notify[1].quietHours.to']);
    expect(issues.find((i) => i.path === 'notify[0].type')).toMatchObject({ line: 2, message: expect.stringContaining('configure mqtt:') });
  });
});

describe('!secret', () => {
  it('takes a value from secrets.yaml beside the config', () => {
    const file = configDir({
      'hearth.yaml': 'notify:\n  - { id: hook, type: webhook, url: "http://h/x", secret: !secret hook_secret }\n',
      'secrets.yaml': 'hook_secret: s3cr3t-value\n',
    });
    const [channel] = loadConfig(file).config.notify;
    expect(channel).toMatchObject({ secret: 's3cr3t-value' });
  });

  it('a missing key or file is an error at the line of the tag', () => {
    const text = 'name: Home\nmqtt:\n  url: mqtt://localhost\n  password: !secret mqtt_password\n';
    const [missingKey] = issuesOf(() => loadConfig(configDir({ 'hearth.yaml': text, 'secrets.yaml': 'other: 1\n' })));
    expect(missingKey).toMatchObject({ line: 4, message: expect.stringMatching(/^no 'mqtt_password' in .*secrets\.yaml$/) });
    const [missingFile] = issuesOf(() => loadConfig(configDir({ 'hearth.yaml': text })));
    expect(missingFile).toMatchObject({ line: 4, message: expect.stringContaining('secrets.yaml, which does not exist') });
  });
});

describe('secrets', () => {
  it('come from HEARTH_NOTIFY_<ID>_<FIELD>', () => {
    expect(secretEnvName('my-hook', 'secret')).toBe('HEARTH_NOTIFY_MY_HOOK_SECRET');
    expect(secretEnvName('mail', 'password')).toBe('HEARTH_NOTIFY_MAIL_PASSWORD');
  });

  it('are censored by the logger wherever they sit in a logged object', () => {
    let output = '';
    const log = createLogger('info', new Writable({ write: (chunk: Buffer, _enc, done) => void ((output += chunk.toString()), done()) }));
    log.info({ password: 'p1', channel: { token: 't2', smtp: { password: 'p3' }, headers: { authorization: 'Bearer a4' } }, secret: 's5' }, 'logged');
    const line = JSON.parse(output) as Record<string, unknown>;
    expect(line).toMatchObject({ password: '[redacted]', secret: '[redacted]', channel: { token: '[redacted]', smtp: { password: '[redacted]' }, headers: { authorization: '[redacted]' } } });
  });
});
