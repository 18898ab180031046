import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, defaultDataDir, loadConfig } from '../config/index.js';
import { openDatabase } from '../db/index.js';
import { databasePath } from '../db/path.js';
import { HearthError, errorMessage } from '../errors.js';
import { createAuth } from './auth.js';
import { passwordSchema, roleSchema, usernameSchema } from './schemas.js';

export const USER_HELP = `  hearth user add NAME [--role owner|admin|member] [--config FILE] [--data DIR]
  hearth user passwd NAME | list | remove NAME     (same --config/--data)
    Passwords are read from the terminal, or from the first line of stdin.`;

export interface UserCliIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = 2;

/**
 * `hearth user …`: manage accounts straight in the database, for a locked-out owner
 * or a headless install. Exit status 0 ok, 1 refused (unknown user, last owner …), 2 usage.
 */
export async function runUserCli(argv: string[], defaultConfigPath: () => string, io: UserCliIo = process): Promise<number> {
  const fail = (message: string, code = 1) => {
    io.stderr.write(`hearth user: ${message}\n`);
    return code;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { config: { type: 'string', short: 'c' }, data: { type: 'string', short: 'd' }, role: { type: 'string' } },
    });
  } catch (err) {
    return fail(errorMessage(err), USAGE);
  }
  const [action, name, ...extra] = parsed.positionals;
  const needsName = action === 'add' || action === 'passwd' || action === 'remove';
  if (!action || !['add', 'passwd', 'list', 'remove'].includes(action)) return fail(`expected add, passwd, list or remove\n${USER_HELP}`, USAGE);
  if (extra.length || (needsName ? !name : name)) return fail(`wrong arguments\n${USER_HELP}`, USAGE);
  const role = roleSchema.safeParse(parsed.values.role ?? 'member');
  if (!role.success) return fail(`--role must be owner, admin or member`, USAGE);
  const username = needsName ? usernameSchema.safeParse(name) : undefined;
  if (username && !username.success) return fail(`invalid name: ${username.error.issues[0]?.message}`, USAGE);

  let database;
  try {
    const loaded = loadConfig(parsed.values.config ?? defaultConfigPath());
    database = openDatabase(databasePath(loaded, resolve(parsed.values.data ?? defaultDataDir())));
  } catch (err) {
    return fail(err instanceof ConfigError ? err.message : errorMessage(err), USAGE);
  }
  try {
    const auth = createAuth(database);
    const find = (n: string) => auth.users.list().find((u) => u.username === n) ?? raise(`no user named '${n}'`);
    switch (action) {
      case 'list':
        for (const u of auth.users.list()) io.stdout.write(`${u.username}\t${u.role}\t${u.createdAt}\n`);
        return 0;
      case 'add': {
        const password = await readPassword(io);
        const user = await auth.users.create({ username: username!.data!, password, role: role.data });
        io.stdout.write(`added ${user.username} (${user.role})\n`);
        return 0;
      }
      case 'passwd': {
        const user = find(username!.data!);
        await auth.users.update(user.id, { password: await readPassword(io) });
        io.stdout.write(`password of ${user.username} changed; their sessions are signed out\n`);
        return 0;
      }
      default: {
        const user = find(username!.data!);
        auth.users.remove(user.id);
        io.stdout.write(`removed ${user.username}\n`);
        return 0;
      }
    }
  } catch (err) {
    return fail(err instanceof HearthError ? err.message : errorMessage(err));
  } finally {
    database.close();
  }
}

function raise(message: string): never {
  throw new HearthError(message);
}

async function readPassword(io: UserCliIo): Promise<string> {
  const password = io.stdin.isTTY ? await promptHidden(io, 'Password: ') : await firstLine(io.stdin);
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new HearthError(`password: ${checked.error.issues[0]?.message}`);
  return checked.data;
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Reads a line without echoing it. */
function promptHidden(io: UserCliIo, prompt: string): Promise<string> {
  io.stdout.write(prompt);
  const { stdin } = io;
  stdin.setRawMode(true);
  stdin.resume();
  let value = '';
  return new Promise((done, reject) => {
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(() => done(value));
        if (ch === '\u0003') return finish(() => reject(new HearthError('cancelled')));
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    };
    const finish = (then: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      io.stdout.write('\n');
      then();
    };
    stdin.on('data', onData);
  });
}
