import { describe, expect, it } from 'vitest';
import { eventFrame, framesOf } from '../../../core/api/ws/client.js';

describe('event frames', () => {
  it('wraps an event serialised once in each subscription id', () => {
    const frame = framesOf('{"changed":[]}');
    expect(JSON.parse(frame(3))).toEqual({ id: 3, type: 'event', event: { changed: [] } });
    expect(frame(7)).toBe(eventFrame(7, '{"changed":[]}'));
  });
});
