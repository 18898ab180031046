import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate, TemplateError } from '../../../plugins/mqtt/template.js';
import { renderAll } from '../../helpers/jinja.js';

const render = (template: string, vars: Record<string, unknown> = {}) => compileTemplate(template).render(vars);

/** Templates as discovery configs write them, with the variables HA gives them. */
const CASES: [string, Record<string, unknown>][] = [
  ['{{ value | float | round(1) }}', { value: '12.345' }],
  ['{{ value | int }}', { value: '42' }],
  ['{{ value_json.ENERGY.Power }}', { value_json: { ENERGY: { Power: 12.5 } } }],
  ["{{value_json['ENERGY']['Power']}}", { value_json: { ENERGY: { Power: 7 } } }],
  ['{{ value_json["state_left"] }}', { value_json: { state_left: 'ON' } }],
  ['{{ value_json["contact"] }}', { value_json: { contact: false } }],
  ['{{ value_json.a.b | default("none") }}', { value_json: { a: {} } }],
  ['{{ value_json.missing | default(5) }}', { value_json: {} }],
  ['{{ value | lower }}', { value: 'OPEN' }],
  ['{{ value | upper }}', { value: 'open' }],
  ['{{ value_json.temp / 10 }}', { value_json: { temp: 215 } }],
  ['{{ (value | float * 9 / 5 + 32) | round(1) }}', { value: '21.5' }],
  ['{{ value_json.power - 3 }}', { value_json: { power: 10 } }],
  ['{%if value!=-1%}{{value}}{%endif%}', { value: '40' }],
  ['{%if value_json.mqtt.connected%}online{%else%}offline{%endif%}', { value_json: { mqtt: { connected: false } } }],
  ['{%if value_json.mqtt.connected%}online{%else%}offline{%endif%}', { value_json: { mqtt: { connected: true } } }],
  ["{{ 'online' if value_json.available else 'offline' }}", { value_json: { available: true } }],
  ['{% if x is defined %}{"x":{{ x }}}{% else %}none{% endif %}', {}],
  ['{"state":"ON"{% if brightness is defined %},"brightness":{{ brightness }}{% endif %}}', { brightness: 120 }],
  ['{% if v > 10 and not (v > 20) %}mid{% elif v > 20 %}high{% else %}low{% endif %}', { v: 15 }],
  ['{% if v > 10 and not (v > 20) %}mid{% elif v > 20 %}high{% else %}low{% endif %}', { v: 25 }],
  ["{{ 'a' in value }}", { value: 'cab' }],
  ['{{ value_json.list[1] }}', { value_json: { list: [3, 4] } }],
  ['{{ value | round(0, "floor") }}', { value: 2.7 }],
  ['{{ -value | abs }}', { value: 3 }],
  ['{{- value -}} !', { value: 'x' }],
  ['{{ value ~ "%" }}', { value: 5 }],
  ['{{ none }} {{ true }}', {}],
  // Shapes from shellies-discovery (python_scripts/shellies_discovery.py): chained comparisons, .0 indexes, lists, dicts, methods.
  ['{%if 0<value|int<999%}{{value}}{%endif%}', { value: '45' }],
  ['{%if -100<value|int<900%}{{value}}{%endif%}', { value: '999' }],
  ['{{value_json.thermostats.0.tmp.value}}', { value_json: { thermostats: [{ tmp: { value: 21.5 } }] } }],
  ["{%if value in ['mild','heavy']%}ON{%else%}OFF{%endif%}", { value: 'mild' }],
  ["{%if value=='opened'%}open{%elif value in ('closed','closing','opening')%}{{value}}{%endif%}", { value: 'closing' }],
  ["{{ {'status':value} | tojson }}", { value: 'ok' }],
  ["{{ value.replace('_',' ') }}", { value: 'self_test' }],
  ["{{ value.split(' ')[-1] }}", { value: 'profile 3' }],
  ["{{ '4' if value=='off' else '21' }}", { value: 'off' }],
  ['{{ [1, 2][0] + (3, 4)[1] }}', {}],
];

describe('template evaluator', () => {
  it('renders discovery templates exactly as Jinja2 (the engine of Home Assistant) does', () => {
    const ours = CASES.map(([t, vars]) => render(t, vars));
    const jinja = renderAll(CASES.map(([template, variables]) => ({ template, variables })));
    expect(ours).toEqual(jinja);
  });

  it('agrees with Jinja2 on random arithmetic and comparisons of numbers', () => {
    // No zero anywhere: a division by zero is an error in both, tested apart.
    const term = fc.oneof(fc.integer({ min: 1, max: 50 }).map((n) => String(n * (n % 2 ? -1 : 1))), fc.constantFrom('a', 'b'));
    const expr = fc.tuple(term, fc.constantFrom('+', '-', '*', '//', '%', '<', '>=', '==', '!='), term, fc.constantFrom('+', '*', '-'), term).map((p) => p.join(' '));
    fc.assert(
      fc.property(fc.array(expr, { minLength: 20, maxLength: 20 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: -9, max: -1 }), (exprs, a, b) => {
        const jobs = exprs.map((e) => ({ template: `{{ ${e} }}`, variables: { a, b } }));
        expect(jobs.map((j) => render(j.template, j.variables))).toEqual(renderAll(jobs));
      }),
      { numRuns: 5 },
    );
  });

  it('follows Home Assistant where it differs from plain Jinja2', () => {
    expect(() => render('{{ value | float }}', { value: 'n/a' })).toThrow(TemplateError);
    expect(render('{{ value | float(0) }}', { value: 'n/a' })).toBe('0');
    expect(render('{{ value | multiply(2.55) | round(0) }}', { value: 100 })).toBe('255.0');
    expect(() => render('{{ value_json.x | is_defined }}', { value_json: {} })).toThrow(TemplateError);
    // HA's functions and globals.
    expect(render('{%if is_number(value) and 0<value|int<999%}{{value}}{%endif%}', { value: '45' })).toBe('45');
    expect(render('{%if is_number(value) and 0<value|int<999%}{{value}}{%endif%}', { value: 'n/a' })).toBe('');
    expect(render('{{ float(value, 0) + int("3") }}', { value: '1.5' })).toBe('4.5');
    expect(render('{{ min(value_json.a, 10) }} {{ max([1, value_json.a]) }}', { value_json: { a: 4 } })).toBe('4 4');
  });

  it('refuses what it cannot evaluate at compile time, naming it', () => {
    expect(() => render('{{ 1 // 0 }}')).toThrow(/division by zero/);
    expect(() => compileTemplate('{% set x = 1 %}')).toThrow(/set %\} is not supported/);
    expect(() => compileTemplate('{{ value.capitalize() }}')).toThrow(/method 'capitalize\(\)' is not supported/);
    expect(() => compileTemplate('{{ now() }}')).toThrow(/function 'now\(\)' is not supported/);
    expect(() => compileTemplate('{{ value | regex_findall("x") }}')).toThrow(/filter 'regex_findall'/);
    expect(() => compileTemplate('{% if x %}open')).toThrow(/missing \{% endif %\}/);
  });
});
