/** The plugin test harness: public, for plugin authors (docs/plugins.md). */
export { createTestHub, type TestAlarmCode, type TestHub, type TestHubOptions } from './test-hub.js';
