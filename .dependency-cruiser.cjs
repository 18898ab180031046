/**
 * The directions of DESIGN §1, checked by `npm run check:layers` (scripts/check-layers.mjs,
 * part of `npm test`).
 * dependency-cruiser rather than eslint-plugin-boundaries or madge: it reads the
 * TypeScript import graph itself (type-only imports told apart from run-time ones),
 * checks cycles per folder as well as per module, and its rules are data a test can
 * run against a fixture.
 */
const SDK = '^(core/plugin-api\\.ts|hardware/index\\.ts|core/testing/index\\.ts)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'plugins-use-the-sdk-only',
      comment: 'A plugin (built-in or example) imports Hearth only through hearth/plugin-api, hearth/hardware and hearth/testing.',
      severity: 'error',
      from: { path: '^(plugins|examples/plugins)/' },
      to: { path: '^(core|hardware|frontend|tests|bench|scripts)/', pathNot: SDK },
    },
    {
      name: 'plugins-are-not-imported-by-core',
      comment: 'Core never imports a concrete plugin; it loads them by path at run time.',
      severity: 'error',
      from: { path: '^(core|hardware)/' },
      to: { path: '^(plugins|examples)/' },
    },
    {
      name: 'hardware-knows-no-core',
      comment: 'The HAL is below the runtime: core hands hardware to plugins, never the other way.',
      severity: 'error',
      from: { path: '^hardware/' },
      to: { path: '^(core|frontend)/' },
    },
    {
      name: 'hal-interfaces-import-no-backend',
      comment: 'The interfaces (DESIGN §4) are what drivers and plugins see; a backend implements them, not the reverse.',
      severity: 'error',
      from: { path: '^hardware/[^/]+\\.ts$', pathNot: '^hardware/(index|hub)\\.ts$' },
      to: { path: '^hardware/(linux|sim)/' },
    },
    {
      name: 'drivers-import-no-backend',
      severity: 'error',
      from: { path: '^hardware/drivers/' },
      to: { path: '^hardware/(linux|sim)/' },
    },
    {
      name: 'frontend-imports-api-types-only',
      comment: 'The dashboard talks HTTP/WebSocket; it may borrow the API types, never run-time code of the hub.',
      severity: 'error',
      from: { path: '^frontend/' },
      to: { path: '^(core|hardware|plugins)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders of core/ and hardware/ depend on each other in one direction only.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(core|hardware)/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'Run-time cycles only: a barrel and a helper naming each other\'s types load in any order.',
      severity: 'error',
      from: { path: '^(core|hardware|plugins)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensionAlias: { '.js': ['.ts', '.js'] } },
  },
};
