export { ApiError, createHttpClient, type HttpClient } from './http.js';
export { createLiveConnection, type LiveConnection, type LiveStatus } from './live.js';
export type * from './types.js';
