// Loaded with `node --import` when the tests run the hub on Node 24: better-sqlite3's JavaScript is shared with
// Node 20, but its native addon must match Node 24's ABI, so its resolution is redirected to the cached build.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import { NODE24_SQLITE_ADDON } from './node24.mjs';

const addon = pathToFileURL(NODE24_SQLITE_ADDON).href;
registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    return resolved.url.endsWith('/better_sqlite3.node') ? { ...resolved, url: addon } : resolved;
  },
});
