import { CR, EOT, ETX, LF, STX, parseGroup, type TicGroup, type TicMode } from './protocol.js';

/** One complete frame: its valid groups in order, and how many groups were dropped. */
export interface TicFrame {
  readonly groups: readonly TicGroup[];
  /** Groups that failed their checksum or were malformed: never recorded. */
  readonly rejected: number;
}

export interface FrameReader {
  /** Feeds bytes as they arrive; returns the frames they completed (often none). */
  push(bytes: Uint8Array): TicFrame[];
  /** Forgets a partial frame (the stream ended or the mode changed). */
  reset(): void;
}

/** Longest group the specification allows is well under this; past it the line is garbage. */
const MAX_GROUP = 128;

/**
 * Splits a byte stream into frames (STX…ETX) and groups (LF…CR). Bytes outside a frame are
 * skipped; EOT voids the frame in progress. The eighth bit is masked: 7E1 on an 8-bit read.
 */
export function createFrameReader(mode: TicMode): FrameReader {
  let inFrame = false;
  let group: number[] | undefined;
  let groups: TicGroup[] = [];
  let rejected = 0;

  function reset(): void {
    inFrame = false;
    group = undefined;
    groups = [];
    rejected = 0;
  }

  function push(bytes: Uint8Array): TicFrame[] {
    const done: TicFrame[] = [];
    for (const raw of bytes) {
      const b = raw & 0x7f;
      if (b === STX) {
        reset();
        inFrame = true;
      } else if (!inFrame) {
        continue;
      } else if (b === ETX) {
        if (group) rejected += 1;
        done.push({ groups, rejected });
        reset();
      } else if (b === EOT) {
        reset();
      } else if (b === LF) {
        if (group) rejected += 1;
        group = [];
      } else if (b === CR) {
        if (!group) continue;
        const result = parseGroup(Uint8Array.from(group), mode);
        if (result.ok) groups.push(result.group);
        else rejected += 1;
        group = undefined;
      } else if (group) {
        if (group.length >= MAX_GROUP) {
          rejected += 1;
          group = undefined;
        } else {
          group.push(b);
        }
      }
    }
    return done;
  }

  return { push, reset };
}
