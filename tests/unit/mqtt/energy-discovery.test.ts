import { afterEach, expect, it } from 'vitest';
import { discoveryPayload, type DiscoveryScope } from '../../../core/mqtt/discovery.js';
import { topicLayout } from '../../../core/mqtt/topics.js';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { haProblems } from '../../fixtures/ha-schemas/index.js';

const scope: DiscoveryScope = { node: 'pi', hubName: 'House', version: '1.0.0', prefix: 'homeassistant', topics: topicLayout('hearth') };
let hub: TestHub | undefined;
afterEach(() => hub?.stop());

it("publishes pulse meters with the device class, unit and state class HA's Energy dashboard asks for, none left out", async () => {
  hub = await createTestHub({
    config: {
      plugins: [{
        use: 'pulse-meter',
        meters: [
          { id: 'sensor.house', kind: 'energy', line: 17, pulsesPerUnit: 1000 },
          { id: 'sensor.water', kind: 'water', line: 18, pulsesPerUnit: 1000 },
          { id: 'sensor.gas', kind: 'gas', line: 19, pulsesPerUnit: 100 },
        ],
      }],
    },
  });
  const payloadOf = (id: string) => discoveryPayload(scope, hub!.kernel.registry.get(id)!, hub!.state(id));
  const expected = {
    'sensor.house': ['energy', 'kWh', 'total_increasing'],
    'sensor.water': ['water', 'm³', 'total_increasing'],
    'sensor.gas': ['gas', 'm³', 'total_increasing'],
    'sensor.house_power': ['power', 'W', 'measurement'],
    'sensor.water_flow': ['volume_flow_rate', 'L/min', 'measurement'],
    'sensor.gas_flow': ['volume_flow_rate', 'm³/h', 'measurement'],
  } as const;
  for (const [id, [deviceClass, unit, stateClass]] of Object.entries(expected)) {
    const payload = payloadOf(id);
    // a class or unit HA refuses would have been left out of the payload
    expect(payload, id).toMatchObject({ device_class: deviceClass, unit_of_measurement: unit, state_class: stateClass });
    expect(haProblems('sensor', payload), id).toEqual([]);
  }
});
