import { describe, expect, it } from 'vitest';
import { sysfsBiasAdvice } from '../../../core/bias-advice.js';

describe('hearth check: bias advice for the sysfs backend', () => {
  it('one config.txt line and one pinctrl command per header input with a bias: pu, pd, pn', () => {
    const advice = sysfsBiasAdvice([
      { line: 4, bias: 'pull-up', name: 'binary_sensor.door' },
      { line: 22, bias: 'pull-down', name: 'binary_sensor.rain' },
      { line: 9, bias: 'disabled', name: 'binary_sensor.meter' },
      { line: 17, name: 'binary_sensor.pir' },
      { line: { expander: 'mcp23017', pin: 1 }, bias: 'pull-up', name: 'binary_sensor.shed' },
    ]);
    expect(advice.filter((l) => l.startsWith('  gpio='))).toEqual(['  gpio=4=ip,pu', '  gpio=22=ip,pd', '  gpio=9=ip,pn']);
    expect(advice.filter((l) => l.startsWith('  pinctrl'))).toEqual(['  pinctrl set 4 ip pu', '  pinctrl set 22 ip pd', '  pinctrl set 9 ip pn']);
    expect(advice.join('\n')).not.toMatch(/GPIO 17|shed/);
  });

  it('says nothing when no header input asks for a bias', () => {
    expect(sysfsBiasAdvice([{ line: 17, name: 'binary_sensor.pir' }, { line: { expander: 'mcp23017', pin: 1 }, bias: 'pull-up', name: 'x' }])).toEqual([]);
  });
});
