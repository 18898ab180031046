import { definePlugin, type EntityHandle } from '../../../../core/plugin-api.js';

/** Handles on the entities a zone reads, held by the test: a temperature sensor, a window contact, a schedule. */
export interface RoomHandles {
  sensor?: EntityHandle;
  window?: EntityHandle;
  schedule?: EntityHandle;
}

/**
 * A stand-in for the plugins a thermostat reads (a sensor plugin, gpio contacts, the
 * schedules engine): the test sets their states. With `room`, the sensor reads that
 * simulated room every `pollMs` while `online()` says so.
 */
export function roomPlugin(handles: RoomHandles, options: { room?: string; pollMs?: number; online?: () => boolean } = {}) {
  return definePlugin({
    manifest: { id: 'room', name: 'Room', version: '1.0.0', apiVersion: 1, configSchema: { type: 'object' } },
    setup(ctx) {
      handles.sensor = ctx.entities.add({ id: 'sensor.bedroom_temperature', attributes: { unit: '°C', deviceClass: 'temperature' } });
      handles.window = ctx.entities.add({ id: 'binary_sensor.bedroom_window', attributes: { deviceClass: 'window' } });
      handles.schedule = ctx.entities.add({ id: 'schedule.bedroom' });
      handles.window.setState('off');
      const { room } = options;
      if (room === undefined) return;
      const sim = ctx.hardware.sim!;
      const read = (): void => {
        const online = options.online?.() ?? true;
        handles.sensor!.setAvailable(online);
        if (online) handles.sensor!.setState(Math.round(sim.environment.room(room).climate().temperatureC * 100) / 100);
      };
      read();
      ctx.timers.setInterval(read, options.pollMs ?? 30_000);
    },
  });
}
