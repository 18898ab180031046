import { randomInt } from 'node:crypto';

/** Letters and digits a person reads aloud or types without mixing them up (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). */
export const INVITE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const INVITE_CODE_LENGTH = 8;

/** 8 characters of 23: about 36 bits, enough against guessing behind the accept rate limit. */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** What a person may type for a code: any case, with spaces or dashes (`k7mp-9qrt`). */
export function normalizeInviteCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Shown as two groups of four, easier to read out: `K7MP-9QRT`. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
