import { Hono } from 'hono';
import { z } from 'zod';
import { currentUser, requireRole, type ApiEnv } from '../api/env.js';
import type { RouteDoc, RouteModule } from '../api/route-module.js';
import { validate } from '../api/validate.js';
import { floorplanSchema } from './definition.js';
import { MAX_IMAGE_BYTES } from './image.js';
import type { Floorplans } from './service.js';

/**
 * An uploaded picture may only draw itself: no script, no load of anything (an SVG's
 * fonts, images or styles from elsewhere), no form, no navigation; sandboxed when opened
 * on its own.
 */
export const IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

const anObject = z.record(z.string(), z.unknown());
const idParam = z.object({ id: z.string() });
const plan = floorplanSchema.describe('a floor plan {id?, name, level, grid: {columns, rows}, background: {kind}, rooms: [{area, label?, polygon: [[x, y], …]}], items: [{entityId, x, y}]} (docs/api.md#floor-plans)');
const shown = anObject.describe('the plan with its id, and background.image {contentType, url} once a picture is uploaded');
const pinBody = z.strictObject({
  area: z.string().nullable().describe('the area you are in; null takes the pin away'),
  minutes: z.number().int().min(1).max(24 * 60).optional().describe('how long the pin stays (default: floorplans.pinMinutes)'),
});
const person = z.object({ userId: z.string(), username: z.string(), area: z.string(), until: z.iso.datetime() });

const DOCS: RouteDoc[] = [
  { method: 'get', path: '/floorplans', summary: 'Every floor plan, lowest level first', access: 'member', response: { status: 200, body: z.object({ floorplans: z.array(shown) }) } },
  { method: 'post', path: '/floorplans', summary: 'Create a floor plan (one per level)', access: 'admin', body: plan, response: { status: 201, body: shown } },
  { method: 'get', path: '/floorplans/:id', summary: 'One floor plan', access: 'member', params: idParam, response: { status: 200, body: shown } },
  { method: 'put', path: '/floorplans/:id', summary: 'Replace a floor plan', access: 'admin', params: idParam, body: plan, response: { status: 200, body: shown } },
  { method: 'delete', path: '/floorplans/:id', summary: 'Delete a floor plan and its picture', access: 'admin', params: idParam, response: { status: 204 } },
  { method: 'put', path: '/floorplans/:id/image', summary: 'Upload the background: the raw bytes of a PNG, JPEG or SVG (≤ 2 MB; SVG is sanitised)', access: 'admin', params: idParam, response: { status: 200, body: shown } },
  { method: 'delete', path: '/floorplans/:id/image', summary: 'Remove the uploaded background (the drawn rooms stay)', access: 'admin', params: idParam, response: { status: 200, body: shown } },
  { method: 'get', path: '/floorplans/:id/image', summary: 'The background as uploaded (SVG: as sanitised), under a CSP that forbids every load', access: 'member', params: idParam, response: { status: 200 } },
  { method: 'get', path: '/people/locations', summary: 'Who pinned themselves where ("I am here"), current pins only', access: 'member', response: { status: 200, body: z.object({ people: z.array(person) }) } },
  { method: 'put', path: '/people/me/location', summary: 'Pin where you are, or take the pin away', access: 'member', body: pinBody, response: { status: 200, body: z.object({ location: person.nullable() }) } },
];

/** DESIGN §6 floor plans: members look, admins draw; everyone may pin themselves. */
export function createFloorplanRoutes(floorplans: Floorplans, resolveUserName: (id: string) => string | undefined): RouteModule {
  const member = requireRole('member');
  const admin = requireRole('admin');
  const named = <T extends { userId: string }>(p: T) => ({ ...p, username: resolveUserName(p.userId) ?? p.userId });
  const routes = new Hono<ApiEnv>()
    .get('/floorplans', member, (c) => c.json({ floorplans: floorplans.list() }))
    .post('/floorplans', admin, validate('json', anObject), (c) => c.json(floorplans.create(c.req.valid('json')), 201))
    .get('/floorplans/:id', member, (c) => c.json(floorplans.get(c.req.param('id'))))
    .put('/floorplans/:id', admin, validate('json', anObject), (c) => c.json(floorplans.replace(c.req.param('id'), c.req.valid('json'))))
    .delete('/floorplans/:id', admin, (c) => {
      floorplans.remove(c.req.param('id'));
      return c.body(null, 204);
    })
    .put('/floorplans/:id/image', admin, async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(floorplans.putImage(c.req.param('id'), bytes, c.req.header('content-type')));
    })
    .delete('/floorplans/:id/image', admin, (c) => c.json(floorplans.removeImage(c.req.param('id'))))
    .get('/floorplans/:id/image', member, (c) => {
      const { image, type } = floorplans.image(c.req.param('id'));
      c.header('Content-Security-Policy', IMAGE_CSP);
      return c.body(new Uint8Array(image), 200, { 'Content-Type': type });
    })
    .get('/people/locations', member, (c) => c.json({ people: floorplans.people().map(named) }))
    .put('/people/me/location', member, validate('json', pinBody), (c) => {
      const { area, minutes } = c.req.valid('json');
      const location = floorplans.pin(currentUser(c).id, area, minutes);
      return c.json({ location: location ? named(location) : null });
    });
  return { routes, docs: DOCS, bodyLimits: [{ pattern: /^\/api\/floorplans\/[^/]+\/image$/, maxBytes: MAX_IMAGE_BYTES }] };
}
