export const NODE24_DIR: string;
export const NODE24_BIN: string;
export const NODE24_SQLITE_ADDON: string;
export const NODE24_PRELOAD: string;
export function ensureNode24(log?: (message: string) => void): void;
