/**
 * The rule with nothing around it: one mqtt.js client, JSON.parse, a comparison, a
 * publish. Not a contender — the floor under any system built on mqtt.js, so the
 * table shows how much of each system's cost is the MQTT client itself.
 * Usage: node bare-rule.js <broker url> <sensor topic> <command topic> <threshold>
 */
import { connect } from 'mqtt';

const [url, sensorTopic, commandTopic, threshold] = process.argv.slice(2) as [string, string, string, string];
const client = connect(url, { clientId: `bench_bare_${process.pid}` });
client.on('connect', () => {
  client.subscribe(sensorTopic, { qos: 0 }, () => console.log('bare rule subscribed'));
});
client.on('message', (_topic, message) => {
  const reading = JSON.parse(message.toString()) as { value?: unknown };
  if (typeof reading.value === 'number' && reading.value > Number(threshold)) client.publish(commandTopic, 'ON', { qos: 0 });
});
process.on('SIGTERM', () => client.end(() => process.exit(0)));
