export { createHttp, metricsRegistry, type CallerResolver, type HttpOptions } from './server.ts';
export { Routes, parseInput, type Access, type Caller, type RouteSpec, type RegisteredRoute } from './route.ts';
export { buildOpenApi } from './openapi.ts';
export { problemOf, langOf } from './problem.ts';
