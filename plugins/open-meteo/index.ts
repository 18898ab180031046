/**
 * `open-meteo`: the weather outside from the Open-Meteo forecast API (no key needed),
 * as a weather entity with a daily and an hourly forecast, plus sensors automations
 * compare against (tomorrow's maximum, today's chance of rain …). Offline it keeps the
 * last forecast, marked stale, and only after `staleAfterH` makes the entities unavailable.
 */
import { definePlugin, entityBaseOf, type EntityHandle } from '../../core/plugin-api.js';
import { forecastUrl, type Forecast } from './api.js';
import { fetchForecast } from './fetch.js';
import { startPolling } from './poller.js';
import { sensorSpecs, weatherAttributes } from './readings.js';
import { openMeteoConfigSchema } from './schema.js';

/** What storage keeps across restarts, so a hub that starts offline still has a forecast. */
interface Kept {
  at: number;
  forecast: Forecast;
}

export default definePlugin({
  manifest: {
    id: 'open-meteo',
    name: 'Open-Meteo weather',
    version: '1.0.0',
    apiVersion: 1,
    description: 'Current weather and a 7-day / 48-hour forecast for the home from Open-Meteo (or a self-hosted instance).',
  },
  config: openMeteoConfigSchema,
  setup(ctx) {
    const { config } = ctx;
    const location = ctx.hub.location;
    if (!location) throw new Error("open-meteo needs the home's location: set 'location: { latitude, longitude }' in hearth.yaml");
    const url = forecastUrl(config.baseUrl, location);
    const objectId = config.entity.slice('weather.'.length);
    const base = entityBaseOf(config);
    // The forecasts (6–8 KB, new at every fetch) stay in the live state but out of history.
    const weather = ctx.entities.add({ id: config.entity as `weather.${string}`, ...base, recorder: { excludeAttributes: ['forecast', 'forecastHourly'] } });
    const label = base.name ?? 'Weather';
    const sensors = (config.sensors ? sensorSpecs() : []).map((spec) => ({
      spec,
      entity: ctx.entities.add({
        id: `sensor.${config.prefix ?? objectId}_${spec.key}`,
        ...base,
        name: `${label} ${spec.name}`,
        attributes: { unit: spec.unit, ...(spec.deviceClass && { deviceClass: spec.deviceClass }), stateClass: 'measurement' },
      }),
    }));
    const all: EntityHandle[] = [weather, ...sensors.map((s) => s.entity)];

    const show = (kept: Kept, stale: boolean): void => {
      const now = Date.now();
      weather.setState(kept.forecast.current.condition, weatherAttributes(kept.forecast, kept.at, stale, now));
      for (const { spec, entity } of sensors) entity.setState(spec.value(kept.forecast, now) ?? null);
    };

    let kept = ctx.storage.get<Kept>('last');
    if (kept) show(kept, true);
    const poller = startPolling<Forecast>({
      timers: ctx.timers,
      now: Date.now,
      intervalMs: config.intervalS * 1000,
      staleAfterMs: config.staleAfterH * 3_600_000,
      ...(kept && { lastSuccessAt: kept.at }),
      fetch: () => fetchForecast(url, config.timeoutS * 1000),
      onFresh(forecast, at) {
        kept = { at, forecast };
        ctx.storage.set('last', kept);
        show(kept, false);
        for (const entity of all) entity.setAvailable(true);
      },
      onFailure(err, { failures, expired }) {
        ctx.log.warn({ err: err instanceof Error ? err.message : String(err), failures }, expired ? 'no forecast for too long: weather unavailable' : 'forecast fetch failed; keeping the last one');
        if (kept) show(kept, true);
        if (expired) for (const entity of all) entity.setAvailable(false);
      },
    });
    ctx.onStop(() => poller.cancel());
  },
});
