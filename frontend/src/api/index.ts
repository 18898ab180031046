export { ApiError, createHttpClient, type HttpClient } from './http.js';
export { createLiveConnection, type EntityEvent, type LiveConnection, type LiveStatus } from './live.js';
export type * from './types.js';
