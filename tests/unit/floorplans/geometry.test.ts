import { describe, expect, it } from 'vitest';
import { selfIntersection, type Point } from '../../../core/floorplans/geometry.js';

describe('room outlines', () => {
  const square: Point[] = [[0, 0], [4, 0], [4, 4], [0, 4]];
  const ell: Point[] = [[0, 0], [6, 0], [6, 3], [3, 3], [3, 6], [0, 6]];

  it('accepts simple polygons, convex or not', () => {
    expect(selfIntersection(square)).toBeUndefined();
    expect(selfIntersection(ell)).toBeUndefined();
    expect(selfIntersection([[0, 0], [4, 0], [2, 3]])).toBeUndefined();
  });

  it('finds a bow tie, an edge touching another corner and an edge folding back', () => {
    expect(selfIntersection([[0, 0], [4, 4], [4, 0], [0, 4]])).toEqual([0, 2]);
    expect(selfIntersection([[0, 0], [4, 0], [4, 4], [2, 0], [0, 4]])).toBeDefined();
    expect(selfIntersection([[0, 0], [4, 0], [2, 0], [2, 3]])).toEqual([0, 1]);
  });

  it('refuses a flat outline: its edges fold back on each other', () => {
    expect(selfIntersection([[0, 0], [2, 0], [4, 0]])).toBeDefined();
  });
});
