import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { ConflictError, InvalidConfigError, ReadOnlyConfigError, errorMessage } from '../errors.js';
import { writeAtomically } from './atomic-write.js';
import { ConfigError } from './issues.js';
import { patchYaml } from './patch-yaml.js';
import { keptSecretTag } from './secret-tag.js';

/** The config file as it is on disk now. */
export interface ConfigSnapshot {
  /** Absolute path: the only file the API writes (the automations file and secrets.yaml are never written). */
  file: string;
  text: string;
  /** Content hash: an edit names the revision it was made on, and is refused when the file moved on. */
  revision: string;
  /** False on a read-only mount or without permission: edits answer 423. */
  writable: boolean;
  /** What the file says: no defaults applied, a `!secret` value as its key in secrets.yaml. */
  raw: Record<string, unknown>;
}

export type ConfigChange = (raw: Record<string, unknown>) => Record<string, unknown>;

export interface ConfigEdit {
  snapshot: ConfigSnapshot;
  /** False when the change left the file as it was (nothing written). */
  changed: boolean;
}

export interface ConfigStore {
  read(): ConfigSnapshot;
  /**
   * Applies `change` to what the file says, checks the whole result as `hearth check`
   * would (400 with every issue), and writes it atomically keeping comments and layout.
   * 409 when the file is no longer at `revision`; 423 when it cannot be written.
   */
  edit(revision: string, change: ConfigChange): Promise<ConfigEdit>;
}

export interface ConfigStoreOptions {
  file: string;
  /** The checks of `hearth check` on a candidate text; throws a ConfigError. */
  check(text: string): Promise<void>;
  /** Whether the file can be written now; default: an access(2) probe of the file and its folder. */
  writable?: (file: string) => boolean;
  /** Never written, whatever the permissions: the demo house Hearth ships, run when no config is given. */
  readOnly?: boolean;
}

export function revisionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

export function createConfigStore(options: ConfigStoreOptions): ConfigStore {
  const file = resolve(options.file);
  // One edit at a time: the second of two made on one revision then gets its 409.
  let queue: Promise<unknown> = Promise.resolve();

  const readText = (): string => readFileSync(file, 'utf8');
  const probe = options.writable ?? isWritable;
  const writable = (path: string) => !options.readOnly && probe(path);

  function read(): ConfigSnapshot {
    const text = readText();
    const doc = editable(text);
    return { file, text, revision: revisionOf(text), writable: writable(file), raw: rawOf(doc) };
  }

  async function edit(revision: string, change: ConfigChange): Promise<ConfigEdit> {
    const text = readText();
    const current = revisionOf(text);
    if (current !== revision) throw new ConflictError(`${file} changed since revision ${revision} was read (now ${current}); read it again and redo the edit`, { revision: current });
    if (!writable(file)) throw new ReadOnlyConfigError(`${file} is read-only here (a read-only mount or no write permission); edit it where it can be written`);
    const doc = editable(text);
    if (doc.errors.length) throw new ConflictError(`${file} has YAML syntax errors; fix it by hand first: ${doc.errors[0]!.message.split('\n')[0]}`);
    const next = patchYaml(text, doc, change(structuredClone(rawOf(doc))));
    if (next === text) return { snapshot: read(), changed: false };
    try {
      await options.check(next);
    } catch (err) {
      if (err instanceof ConfigError) throw invalid(err);
      throw err;
    }
    // The check is asynchronous (plugins are imported): the file may have moved meanwhile.
    if (revisionOf(readText()) !== current) throw new ConflictError(`${file} changed while the edit was being checked; read it again and redo the edit`);
    try {
      writeAtomically(file, next);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new ReadOnlyConfigError(`cannot write ${file}: ${errorMessage(err)}`);
      throw err;
    }
    return { snapshot: read(), changed: true };
  }

  return {
    read,
    edit(revision, change) {
      const result = queue.then(() => edit(revision, change));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** Parsed for editing: a `!secret` stays its key, so an untouched one is written back as it was. */
function editable(text: string): Document {
  return parseDocument(text, { customTags: [keptSecretTag], prettyErrors: false });
}

function rawOf(doc: Document): Record<string, unknown> {
  const value: unknown = doc.toJS();
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isWritable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function invalid(err: ConfigError): InvalidConfigError {
  const issues = err.issues.map((i) => ({ path: i.path, message: i.message, ...(i.line !== undefined && { line: i.line }) }));
  return new InvalidConfigError(`the edit would make the config invalid: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`, issues);
}
