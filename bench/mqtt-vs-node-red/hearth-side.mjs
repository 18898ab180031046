// The Hearth side of the benchmark, run as its own process from the compiled hub
// (dist/), as `npm start` runs it: plugins/mqtt turns the sensor topic into
// sensor.bench and the command topic into switch.bench_out; the rule below turns
// the switch on for every reading above the threshold.
// The rule is a bus listener because the automation engine is not on this branch;
// once it is, replace it by a numeric_state automation in the config.
import { loadConfig } from '../../dist/core/config/index.js';
import { startHub } from '../../dist/core/hub.js';
import { createLogger } from '../../dist/core/log.js';

const [config, dataDir, threshold] = process.argv.slice(2);
const hub = await startHub({ loaded: loadConfig(config), dataDir, log: createLogger('warn'), port: 0, host: '127.0.0.1' });
const limit = Number(threshold);
hub.kernel.bus.on('state_changed', ({ entityId, newState }) => {
  if (entityId !== 'sensor.bench' || typeof newState?.state !== 'number' || newState.state <= limit) return;
  hub.kernel.dispatcher.dispatch({ entityId: 'switch.bench_out', command: 'turn_on' }).catch((err) => console.error(err));
});
process.on('SIGTERM', () => void hub.stop().finally(() => process.exit(0)));
process.stdout.write('ready\n');
