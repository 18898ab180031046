/**
 * Hardware failures a user can act on. `hint` says what to do (join a group, free a
 * line, enable a bus), because "EACCES" alone sends people searching forums.
 */
export type HardwareErrorCode =
  | 'permission' // EACCES / EPERM
  | 'busy' // line or bus claimed by someone else
  | 'invalid' // a line or address that does not exist here
  | 'not_found' // no device answers / file missing
  | 'io' // bus error after retries
  | 'bad_data' // CRC mismatch, wrong chip id, sensor not converted
  | 'closed' // used after close()
  | 'unsupported'; // backend cannot do this

export class HardwareError extends Error {
  readonly code: HardwareErrorCode;
  readonly hint: string | undefined;

  constructor(code: HardwareErrorCode, message: string, options?: { hint?: string; cause?: unknown }) {
    super(options?.hint ? `${message} — ${options.hint}` : message, { cause: options?.cause });
    this.name = 'HardwareError';
    this.code = code;
    this.hint = options?.hint;
  }
}

/** The errno code (`EACCES`, `EIO` …) of a Node system error, if any. */
export function errnoOf(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** By name too: a plugin bundling its own copy of the HAL throws its own class. */
export function isHardwareError(err: unknown): err is HardwareError {
  return err instanceof HardwareError || (err instanceof Error && err.name === 'HardwareError');
}
