/** A bench-local stand-in for the gpio plugin, on the public plugin API only: an input line → binary_sensor, a switch → an output line. */
import { definePlugin } from '../../core/plugin-api.js';

export const INPUT_LINE = 17;
export const OUTPUT_LINE = 27;

export default definePlugin({
  manifest: { id: 'bench-gpio', name: 'Bench GPIO', version: '1.0.0', apiVersion: 1, configSchema: { type: 'object' } },
  async setup(ctx) {
    const input = ctx.hardware.gpio.open(INPUT_LINE, { direction: 'in', edge: 'both' });
    const output = ctx.hardware.gpio.open(OUTPUT_LINE, { direction: 'out', initial: 0 });
    const button = ctx.entities.add({ id: 'binary_sensor.bench_button' });
    button.setState((await input.read()) ? 'on' : 'off');
    input.watch((value) => button.setState(value ? 'on' : 'off'));
    const relay = ctx.entities.add({
      id: 'switch.bench_relay',
      commands: {
        turn_on: async () => (await output.write(1), relay.setState('on')),
        turn_off: async () => (await output.write(0), relay.setState('off')),
      },
    });
    relay.setState('off');
  },
});
