import { connectAsync } from 'mqtt';
import { startMosquitto } from '../../tests/helpers/mosquitto.js';
import { runStep, warmUp } from '../../bench/mqtt-vs-node-red/load.js';
import { startHearth } from '../../bench/mqtt-vs-node-red/systems.js';
const broker = await startMosquitto({ extraConfig: ['max_queued_messages 0', 'max_inflight_messages 0', 'set_tcp_nodelay true'] });
const system = await startHearth(broker.url);
const pub = await connectAsync(broker.url, { clientId: 'p' });
const sub = await connectAsync(broker.url, { clientId: 's' });
await warmUp(pub, sub, system);
for (const rate of (process.env.RATES ?? '4000,4000').split(',').map(Number)) {
  const s = await runStep(pub, sub, system, rate, 3);
  console.log(rate, s.achievedRate, s.p50Ms, s.p99Ms, s.cpuUsPerReading, s.peakRssMb, s.keptUp);
}
await pub.endAsync(); await sub.endAsync(); await system.stop(); await broker.stop();
