import { readFileSync } from 'node:fs';
import { connectAsync } from 'mqtt';
import { startMosquitto } from '../../tests/helpers/mosquitto.js';
import { runStep, warmUp } from '../mqtt-vs-node-red/load.js';
import { startBareRule, startHearth, startNodeRed } from '../mqtt-vs-node-red/systems.js';
const times = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return [Number(f[11]), Number(f[12])]; };
const broker = await startMosquitto({ extraConfig: ['max_queued_messages 0', 'max_inflight_messages 0', 'set_tcp_nodelay true'] });
for (const start of (process.env.ONLY_HEARTH ? [startHearth] : [startBareRule, startHearth, startNodeRed])) {
  const system = await start(broker.url);
  const pub = await connectAsync(broker.url, { clientId: 'p' });
  const sub = await connectAsync(broker.url, { clientId: 's' });
  await warmUp(pub, sub, system);
  await runStep(pub, sub, system, 8000, 2);
  const [u0, s0] = times(system.pid);
  const s = await runStep(pub, sub, system, Number(process.env.RATE ?? 8000), 3);
  const [u1, s1] = times(system.pid);
  console.log(system.name, s.achievedRate, 'p99', s.p99Ms, 'user µs/reading', Math.round(((u1 - u0) * 1e4) / s.sent), 'sys µs/reading', Math.round(((s1 - s0) * 1e4) / s.sent));
  await pub.endAsync(); await sub.endAsync(); await system.stop();
}
await broker.stop();
