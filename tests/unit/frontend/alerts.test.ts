import { describe, expect, it } from 'vitest';
import { stackedHours } from '../../../frontend/src/lib/alerts.js';
import { parseRoute, routePath } from '../../../frontend/src/lib/router.js';

const hour = (h: number, info = 0, warning = 0, critical = 0) => ({ hour: h, info, warning, critical, total: info + warning + critical });

describe('alerts view helpers', () => {
  it('stacks the hours: info over warning over critical, each series the sum of itself and those below; empty hours null', () => {
    const { order, data } = stackedHours({ byHour: [hour(0), hour(1, 1, 2, 3), hour(2, 0, 0, 4)] });
    expect(order).toEqual(['info', 'warning', 'critical']);
    expect(data).toEqual([
      [0, 1, 2],
      [null, 6, 4],
      [null, 5, 4],
      [null, 3, 4],
    ]);
  });

  it('/alerts is a route of its own', () => {
    expect(parseRoute('/alerts')).toEqual({ page: 'alerts' });
    expect(routePath({ page: 'alerts' })).toBe('/alerts');
  });
});
