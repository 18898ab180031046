import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestHub, type TestHub } from '../../../core/testing/index.js';
import { createSimBoard, ticChecksum } from '../../../hardware/index.js';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const std = (label: string, data: string) => `${label}\t${data}\t` + String.fromCharCode(ticChecksum(bytes(`${label}\t${data}\t`)));
const frame = (groups: readonly string[]) => bytes(`\x02${groups.map((g) => `\n${g}\r`).join('')}\x03`);
const STANDARD = [std('EAST', '000418496'), std('EASF01', '000118496'), std('EASF02', '000300000'), std('SINSTS', '00520'), std('IRMS1', '004'), std('URMS1', '232'), std('PREF', '06'), std('LTARF', 'HP  BLEU'), std('STGE', '09000080')];
const PORT = '/dev/ttyAMA0';

async function start(extra: Record<string, unknown> = {}) {
  const hardware = createSimBoard();
  hub = await createTestHub({ hardware, config: { plugins: [{ use: 'tic', port: PORT, timeoutS: 0.3, reopenS: 0.05, ...extra }] } });
  await vi.waitFor(() => expect(hardware.sim.serial.settings(PORT)).toBeDefined());
  return hardware;
}

describe('tic plugin', () => {
  it('standard frames: values, tariff period, Tempo colours, over-subscription; a bad group is dropped and counted', async () => {
    const hardware = await start({ mode: 'standard' });
    expect(hardware.sim.serial.settings(PORT)).toEqual({ baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 });
    expect(hub!.state('sensor.linky_power').available).toBe(false);
    hardware.sim.serial.send(PORT, frame([...STANDARD.slice(0, 3), 'SINSTS\t09999\tM', ...STANDARD.slice(4)]));
    expect(hub!.state('sensor.linky_imported')).toMatchObject({ state: 418.496, attributes: { unit: 'kWh', stateClass: 'total_increasing' } });
    expect(hub!.state('sensor.linky_index_easf02').state).toBe(300);
    expect(hub!.state('sensor.linky_power').available).toBe(false);
    expect(hub!.state('sensor.linky_rejected_groups').state).toBe(1);
    hardware.sim.serial.send(PORT, frame(STANDARD));
    expect(hub!.state('sensor.linky_power').state).toBe(520);
    expect(hub!.state('sensor.linky_current').state).toBe(4);
    expect(hub!.state('sensor.linky_voltage').state).toBe(232);
    expect(hub!.state('sensor.linky_subscribed_power')).toMatchObject({ state: 6, attributes: { unit: 'kVA' } });
    expect(hub!.state('sensor.linky_tariff_period').state).toBe('HP  BLEU');
    expect(hub!.state('sensor.linky_tempo_today').state).toBe('blue');
    expect(hub!.state('sensor.linky_tempo_tomorrow').state).toBe('white');
    expect(hub!.state('binary_sensor.linky_over_subscribed').state).toBe('on');
    expect(hub!.state('sensor.linky_rejected_groups').state).toBe(1);
  });

  it('auto: a historic meter is found after the standard attempt gives only garbage', async () => {
    const hardware = await start({ mode: 'auto' });
    expect(hardware.sim.serial.settings(PORT)?.baudRate).toBe(9600);
    const historic = frame(['PAPP 00520 (', 'IINST 002 Y', 'ISOUSC 30 9', 'BASE 002565285 ,', 'PTEC TH.. $']);
    for (let i = 0; i < 40 && hardware.sim.serial.settings(PORT)?.baudRate !== 1200; i += 1) hardware.sim.serial.send(PORT, historic);
    await vi.waitFor(() => expect(hardware.sim.serial.settings(PORT)?.baudRate).toBe(1200));
    hardware.sim.serial.send(PORT, historic);
    expect(hub!.state('sensor.linky_power').state).toBe(520);
    expect(hub!.state('sensor.linky_subscribed_power')).toMatchObject({ state: 30, attributes: { unit: 'A' } });
    expect(hub!.state('sensor.linky_tariff_period').state).toBe('TH');
  });

  it('a cable unplugged: unavailable after timeoutS; plugged back: available again', async () => {
    const hardware = await start({ mode: 'standard' });
    hardware.sim.serial.send(PORT, frame(STANDARD));
    expect(hub!.state('sensor.linky_power').state).toBe(520);
    hardware.sim.serial.unplug(PORT);
    await vi.waitFor(() => expect(hub!.state('sensor.linky_power').available).toBe(false));
    await vi.waitFor(() => expect(hardware.sim.serial.send(PORT, frame(STANDARD))).toBe(true));
    expect(hub!.state('sensor.linky_power')).toMatchObject({ state: 520, available: true });
  });
});
