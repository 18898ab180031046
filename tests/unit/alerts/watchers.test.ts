import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHubAlerts } from '../../../core/alerts/index.js';
import { silentLogger } from '../../../core/log.js';
import type { Service } from '../../../core/service.js';
import { alertsHome, type AlertsHome } from './harness.js';

let home: AlertsHome;
let watcher: Service;
afterEach(async () => {
  await watcher.stop();
  await home.close();
  vi.useRealTimers();
});

async function start(free = 50, options = {}) {
  home = await alertsHome();
  const disk = { free, total: 100 };
  watcher = createHubAlerts({
    alerts: home.alerts,
    bus: home.kernel.bus,
    states: home.kernel.states,
    log: silentLogger(),
    dataDir: '/data',
    isolated: ['flaky'],
    options: { unavailableAfterMin: 15, diskFreeBelowPercent: 10, diskCheckEveryMin: 10, ...options },
    diskSpace: async () => disk,
  });
  await watcher.start();
  return disk;
}
const open = () => home.alerts.list({ status: 'open', limit: 50 }).alerts.map((a) => [a.title, a.severity, a.source, a.entityId, a.count]);

describe('hub alerts', () => {
  it('a plugin that failed for good is critical; an auto-isolated one a warning at start', async () => {
    await start();
    home.kernel.bus.emit('plugin_status', { pluginId: 'gpio', status: 'restarting', error: 'x' });
    home.kernel.bus.emit('plugin_status', { pluginId: 'gpio', status: 'failed', error: 'gave up after 3 crashes' });
    expect(open()).toEqual([
      ['Plugin gpio failed', 'critical', 'hub', undefined, 1],
      ['Plugin flaky runs isolated', 'warning', 'hub', undefined, 1],
    ]);
    expect(home.alerts.list({ status: 'open', limit: 1 }).alerts[0]!.message).toBe('gave up after 3 crashes');
  });

  it('a sensor unavailable longer than unavailableAfterMin raises one warning; one back in time raises none', async () => {
    vi.useFakeTimers();
    await start();
    for (const id of ['sensor.cellar', 'binary_sensor.door', 'switch.pump']) home.kernel.states.init(home.kernel.registry.add({ id, owner: 'test' }));
    home.kernel.states.update('sensor.cellar', { state: 12 });
    home.kernel.states.update('sensor.cellar', { available: false });
    home.kernel.states.update('binary_sensor.door', { available: false });
    home.kernel.states.update('switch.pump', { available: false }); // not a sensor
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    home.kernel.states.update('binary_sensor.door', { available: true });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(open().filter(([, , , entity]) => entity)).toEqual([['Cellar unavailable', 'warning', 'hub', 'sensor.cellar', 1]]);
  });

  it('a disk below the threshold raises a warning, counted again at each check while open', async () => {
    vi.useFakeTimers();
    const disk = await start(50);
    await vi.advanceTimersByTimeAsync(0);
    expect(open().filter(([t]) => t === 'Disk nearly full')).toEqual([]);
    disk.free = 5;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(open().filter(([t]) => t === 'Disk nearly full')).toEqual([['Disk nearly full', 'warning', 'hub', undefined, 2]]);
  });
});
