/** Floor plans (DESIGN §6 /api/floorplans): levels drawn or uploaded, rooms linked to areas, devices placed; "I am here" pins. */
export { floorplanSchema, type FloorplanDefinition, type FloorplanInput, type PlacedItem, type Room } from './definition.js';
export { IMAGE_TYPES, MAX_IMAGE_BYTES, sniffImage, type ImageType } from './image.js';
export { createFloorplanRoutes, IMAGE_CSP } from './routes.js';
export { createFloorplans, type Floorplan, type Floorplans, type FloorplansDeps, type PersonLocation } from './service.js';
export { sanitiseSvg, SvgRejected } from './svg.js';
export { readSeed } from './seed.js';
