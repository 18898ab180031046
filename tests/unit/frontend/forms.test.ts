import { describe, expect, it } from 'vitest';
import { checkSimpleRule, describeTrigger, simpleRuleToDefinition, slugify } from '../../../frontend/src/lib/automation-form.js';
import { schemaToFields } from '../../../frontend/src/lib/schema-form.js';
import { detailsToFieldErrors, locatePath, parseYaml, placeErrors } from '../../../frontend/src/lib/yaml-errors.js';

describe('schemaToFields', () => {
  const schema = {
    type: 'object',
    required: ['bus'],
    properties: {
      bus: { type: 'integer', minimum: 0, description: 'I2C bus number' },
      backend: { anyOf: [{ const: 'auto' }, { const: 'linux' }, { const: 'sim' }] },
      devices: { type: 'array', items: { type: 'object', properties: { chip: { enum: ['bme280', 'bh1750'] }, address: { type: 'integer' } } } },
      debug: { type: ['boolean', 'null'], default: false },
    },
  };
  it('maps types, enums, requireds, defaults and nested arrays', () => {
    const root = schemaToFields(schema, { bus: 1, devices: [{ chip: 'bme280', address: 118 }] });
    const [bus, backend, devices, debug] = root.children!;
    expect(bus).toMatchObject({ path: 'bus', kind: 'integer', value: 1, required: true, min: 0, description: 'I2C bus number' });
    expect(backend).toMatchObject({ kind: 'enum', options: ['auto', 'linux', 'sim'], required: false });
    expect(devices!.children![0]!.children!.map((f) => [f.path, f.kind, f.value])).toEqual([['devices.0.chip', 'enum', 'bme280'], ['devices.0.address', 'integer', 118]]);
    expect(debug).toMatchObject({ kind: 'boolean', value: false });
  });
  it('falls back to a JSON view for shapes it does not know', () => {
    expect(schemaToFields({ type: 'object' }, { a: 1 }).kind).toBe('json');
  });
});

describe('YAML errors', () => {
  const yaml = 'id: night\nname: Night\ntriggers:\n  - type: state\n    entity: light.nope\nactions:\n  - command: turn_off\n';
  it('reports syntax errors with their line', () => {
    const { errors, value } = parseYaml('id: x\ntriggers: [\n');
    expect(value).toBeUndefined();
    expect(errors[0]!.line).toBeGreaterThanOrEqual(2);
  });
  it('locates a dotted path at its key', () => {
    expect(locatePath(yaml, 'triggers.0.entity')).toEqual({ line: 5, col: 5 });
    expect(locatePath(yaml, 'actions.0.missing')?.line).toBe(7);
  });
  it('turns zod-like API details into placed field errors', () => {
    const fields = detailsToFieldErrors({ issues: [{ path: ['triggers', 0, 'entity'], message: 'unknown entity light.nope' }] });
    expect(placeErrors(yaml, fields)).toEqual([{ path: 'triggers.0.entity', message: 'unknown entity light.nope', line: 5, col: 5 }]);
    expect(detailsToFieldErrors({ 'actions.0.entity': 'required' })).toEqual([{ path: 'actions.0.entity', message: 'required' }]);
    expect(detailsToFieldErrors('oops')).toEqual([]);
  });
});

describe('simple rule', () => {
  it('builds a numeric_state automation', () => {
    const def = simpleRuleToDefinition({ name: 'Fan when hot!', sensor: 'sensor.t', operator: 'above', value: 26, entity: 'switch.fan', command: 'turn_on' });
    expect(def).toEqual({ id: 'fan_when_hot', name: 'Fan when hot!', mode: 'single', triggers: [{ type: 'numeric_state', entity: 'sensor.t', above: 26 }], conditions: [], actions: [{ command: 'turn_on', entity: 'switch.fan' }] });
    expect(describeTrigger(def.triggers[0]!)).toBe('sensor.t rises above 26');
  });
  it('keeps to the chosen weekdays with a time condition, none when every day is ticked', () => {
    const rule = { name: 'Fan', sensor: 'sensor.t', operator: 'above', value: 26, entity: 'switch.fan', command: 'turn_on' } as const;
    expect(simpleRuleToDefinition({ ...rule, weekdays: ['sat', 'sun'] }).conditions).toEqual([{ type: 'time', weekdays: ['sat', 'sun'] }]);
    expect(simpleRuleToDefinition({ ...rule, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }).conditions).toEqual([]);
    expect(checkSimpleRule({ ...rule, weekdays: [] })).toEqual({ weekdays: 'Pick at least one day' });
  });
  it('names each missing field', () => {
    expect(Object.keys(checkSimpleRule({ name: ' ', value: NaN }))).toEqual(['name', 'sensor', 'value', 'entity', 'command']);
    expect(slugify('Été — ok')).toBe('ete_ok');
  });
});
