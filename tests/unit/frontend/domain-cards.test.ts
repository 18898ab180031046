import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../../frontend/src/api/types.js';
import { climateRange, compassPoint, forecastLabels, forecastRows, numberControl, snap, stepTarget, stringList } from '../../../frontend/src/lib/controls.js';
import { groupByArea, iconFor, isActive } from '../../../frontend/src/lib/entities.js';
import { formatState } from '../../../frontend/src/lib/format.js';
import { latestOf, predictState } from '../../../frontend/src/lib/optimistic.js';

const entity = (over: Partial<EntityState>): EntityState => ({
  id: 'climate.hall', domain: 'climate', name: 'Hall', area: 'hall', state: 'heat', attributes: {}, available: true,
  lastChanged: '2024-01-01T00:00:00Z', lastUpdated: '2024-01-01T00:00:00Z', context: { id: 'c' }, ...over,
});

describe('snap', () => {
  it('clamps to the range and rounds to its steps without float dust', () => {
    expect(snap(21.3, { min: 7, max: 30, step: 0.5 })).toBe(21.5);
    expect(snap(0.1 + 0.2, { min: 0, max: 1, step: 0.1 })).toBe(0.3);
    expect(snap(900, { min: 0, max: 600, step: 1 })).toBe(600);
    expect(snap(-4, { min: 30, max: 80, step: 5 })).toBe(30);
  });
  it('always lands inside the range on a step (property)', () => {
    fc.assert(fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 500 }), fc.constantFrom(0.1, 0.5, 1, 5),
      (value, min, span, step) => {
        const max = min + span;
        const out = snap(value, { min, max, step });
        const steps = (out - min) / step;
        return out >= min && out <= max && (Math.abs(steps - Math.round(steps)) < 1e-9 || out === max);
      }));
  });
});

describe('number and thermostat controls', () => {
  it("reads a number entity's bounds, step, unit and mode, with Home Assistant's defaults", () => {
    expect(numberControl({ min: 30, max: 80, step: 5, unit: '°C', mode: 'box' })).toEqual({ min: 30, max: 80, step: 5, unit: '°C', mode: 'box' });
    expect(numberControl({ step: 0, mode: 'auto' })).toEqual({ min: 0, max: 100, step: 1, unit: undefined, mode: 'slider' });
  });
  it('steps the target by the entity step and stops at its ends', () => {
    const a = { targetTemperature: 21, step: 0.5, minTemp: 7, maxTemp: 21.5 };
    expect(stepTarget(a, 1)).toBe(21.5);
    expect(stepTarget(a, -1)).toBe(20.5);
    expect(stepTarget({ ...a, targetTemperature: 21.5 }, 1)).toBeUndefined();
    expect(stepTarget({}, 1)).toBeUndefined();
    expect(climateRange({})).toEqual({ min: 7, max: 35, step: 0.5 });
  });
  it('keeps only the strings of a list attribute', () => {
    expect(stringList(['eco', 3, 'away'])).toEqual(['eco', 'away']);
    expect(stringList('eco')).toEqual([]);
  });
});

describe('forecast', () => {
  const day = (d: number) => new Date(Date.UTC(2030, 0, 7 + d, 12)).toISOString();
  it('keeps valid rows, oldest first, up to the limit', () => {
    const rows = forecastRows([{ datetime: day(2), temperature: 3 }, { datetime: 'soon' }, null, { datetime: day(0), condition: 'rainy', templow: 'x' }, { datetime: day(1) }], 2);
    expect(rows).toEqual([{ datetime: day(0), condition: 'rainy' }, { datetime: day(1) }]);
    expect(forecastRows({ not: 'a list' })).toEqual([]);
  });
  it('keeps a chance of rain when the row has one', () => {
    expect(forecastRows([{ datetime: day(0), precipitationProbability: 80 }, { datetime: day(1), precipitationProbability: '80' }])).toEqual([
      { datetime: day(0), precipitationProbability: 80 },
      { datetime: day(1) },
    ]);
  });
  it('names a wind bearing by its compass point', () => {
    expect([0, 44, 90, 225, 337.6, 360, -45].map(compassPoint)).toEqual(['N', 'NE', 'E', 'SW', 'N', 'N', 'NW']);
  });
  it('labels daily rows by weekday and hourly rows by time', () => {
    expect(forecastLabels(forecastRows([{ datetime: day(0) }, { datetime: day(1) }]))).toEqual(['Mon', 'Tue']);
    const hourly = forecastLabels([{ datetime: '2030-01-07T12:00:00Z' }, { datetime: '2030-01-07T13:00:00Z' }]);
    expect(hourly.every((l) => /\d\d:\d\d/.test(l))).toBe(true);
  });
});

describe('state lines of the new domains', () => {
  const now = Date.parse('2024-01-01T12:00:00Z');
  it('says what each state means', () => {
    expect(formatState(entity({ attributes: { hvacAction: 'heating' } }))).toBe('Heat · Heating');
    expect(formatState(entity({ state: 'off', attributes: { hvacAction: 'off' } }))).toBe('Off');
    expect(formatState(entity({ domain: 'alarm_control_panel', state: 'armed_home' }))).toBe('Armed home');
    expect(formatState(entity({ domain: 'lock', state: 'jammed' }))).toBe('Jammed');
    expect(formatState(entity({ domain: 'fan', state: 'on', attributes: { percentage: 60 } }))).toBe('On · 60%');
    expect(formatState(entity({ domain: 'valve', state: 'open', attributes: { position: 30 } }))).toBe('Open · 30%');
    expect(formatState(entity({ domain: 'number', state: 55, attributes: { unit: '°C' } }))).toBe('55°C');
    expect(formatState(entity({ domain: 'select', state: 'holiday_mode' }))).toBe('holiday_mode');
    expect(formatState(entity({ domain: 'sensor', state: 'off_peak', attributes: { deviceClass: 'enum' } }))).toBe('Off peak');
    expect(formatState(entity({ domain: 'weather', state: 'partlycloudy', attributes: { temperature: 14.24 } }))).toBe('Partly cloudy · 14.2°C');
    expect(formatState(entity({ domain: 'button', state: null }))).toBe('Never pressed');
    expect(formatState(entity({ domain: 'button', state: '2024-01-01T11:55:00Z' }), now)).toBe('Pressed 5 min ago');
  });
});

describe('icons, activity and order', () => {
  it('gives every new domain its own icon, by state where it matters', () => {
    const domains = ['climate', 'lock', 'valve', 'fan', 'siren', 'button', 'number', 'select', 'alarm_control_panel', 'weather', 'schedule'] as const;
    const dot = iconFor(entity({ domain: 'binary_sensor', attributes: {} }));
    const icons = domains.map((domain) => iconFor(entity({ domain, state: null })));
    expect(icons).not.toContain(dot);
    expect(new Set(icons).size).toBe(domains.length);
    expect(iconFor(entity({ domain: 'lock', state: 'locked' }))).not.toBe(iconFor(entity({ domain: 'lock', state: 'unlocked' })));
    expect(iconFor(entity({ domain: 'weather', state: 'sunny' }))).not.toBe(iconFor(entity({ domain: 'weather', state: 'rainy' })));
    expect(iconFor(entity({ domain: 'sensor', state: 'peak', attributes: { deviceClass: 'enum' } }))).not.toBe(iconFor(entity({ domain: 'sensor', state: 3 })));
  });
  it('tints what asks for attention', () => {
    expect(isActive(entity({ attributes: { hvacAction: 'heating' } }))).toBe(true);
    expect(isActive(entity({ attributes: { hvacAction: 'idle' } }))).toBe(false);
    expect(isActive(entity({ domain: 'lock', state: 'unlocked' }))).toBe(true);
    expect(isActive(entity({ domain: 'lock', state: 'locked' }))).toBe(false);
    expect(isActive(entity({ domain: 'alarm_control_panel', state: 'armed_away' }))).toBe(true);
    expect(isActive(entity({ domain: 'alarm_control_panel', state: 'disarmed' }))).toBe(false);
    expect(isActive(entity({ domain: 'fan', state: 'on' }))).toBe(true);
    expect(isActive(entity({ domain: 'select', state: 'on', attributes: { options: ['on'] } }))).toBe(false);
    expect(isActive(entity({ domain: 'schedule', state: 'on', available: false }))).toBe(false);
  });
  it('puts controls before readings in an area', () => {
    const list = (['sensor', 'weather', 'climate', 'light', 'alarm_control_panel'] as const).map((domain) => entity({ domain, id: `${domain}.x` }));
    expect(groupByArea(list)[0]!.entities.map((e) => e.domain)).toEqual(['alarm_control_panel', 'light', 'climate', 'weather', 'sensor']);
  });
});

describe('optimistic state of the new domains', () => {
  it('predicts what the command asks for', () => {
    expect(predictState(entity({}), 'set_temperature', { temperature: 22 })?.attributes.targetTemperature).toBe(22);
    expect(predictState(entity({}), 'set_hvac_mode', { mode: 'off' })?.state).toBe('off');
    expect(predictState(entity({ domain: 'fan', state: 'off' }), 'turn_on', { percentage: 30 })).toMatchObject({ state: 'on', attributes: { percentage: 30 } });
    expect(predictState(entity({ domain: 'select', state: 'a' }), 'select_option', { option: 'b' })?.state).toBe('b');
    expect(predictState(entity({ domain: 'number', state: 1 }), 'set_value', { value: 2 })?.state).toBe(2);
  });
  it('never gives a lock a shutter state, nor guesses an alarm or a press', () => {
    expect(predictState(entity({ domain: 'lock', state: 'locked' }), 'open')?.state).toBe('unlocking');
    expect(predictState(entity({ domain: 'lock', state: 'locked' }), 'lock')).toBeUndefined();
    expect(predictState(entity({ domain: 'alarm_control_panel', state: 'disarmed' }), 'arm_away', { code: '1' })).toBeUndefined();
    expect(predictState(entity({ domain: 'button', state: null }), 'press')).toBeUndefined();
  });
});

describe("a command's answer", () => {
  it('replaces the prediction unless the stream already brought something newer', () => {
    const answer = entity({ state: 'cool', lastUpdated: '2024-01-01T00:00:02.000Z' });
    expect(latestOf(undefined, answer)).toBe(answer);
    expect(latestOf(entity({ lastUpdated: '2024-01-01T00:00:01.000Z' }), answer)).toBe(answer);
    expect(latestOf(entity({ lastUpdated: '2024-01-01T00:00:02.000Z' }), answer)).toBe(answer);
    const newer = entity({ state: 'off', lastUpdated: '2024-01-01T00:00:03.000Z' });
    expect(latestOf(newer, answer)).toBe(newer);
  });
});
