import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { Routes } from '../../platform/http/index.ts';
import { KeyService } from './keys.service.ts';
import { casesPort } from './open311.cases.ts';
import { open311Settings, type Open311Settings } from './open311.rules.ts';
import { Open311Service } from './open311.service.ts';
import { registerOpen311Api } from './open311.routes.ts';
import { registerOpen311AdminRoutes } from './open311.admin.routes.ts';

const services = new WeakMap<AppContext, { service: Open311Service; keys: KeyService }>();

/**
 * The Open311 services of an application context. Settings come from the
 * environment (OPEN311_JURISDICTIONS, OPEN311_MAX_REQUESTS,
 * OPEN311_WINDOW_DAYS, OPEN311_REGION) when first asked for.
 */
export function open311Of(ctx: AppContext, settings?: Open311Settings): { service: Open311Service; keys: KeyService } {
  let s = services.get(ctx);
  if (!s) {
    const st = settings ?? open311Settings(process.env);
    s = { service: new Open311Service(ctx.db, casesPort(ctx, st), st), keys: new KeyService(ctx.db, st.regionCode) };
    services.set(ctx, s);
  }
  return s;
}

/** GeoReport v2 at /open311 (own scope, spec error format) and administration at /api/open311 (keys, service definitions). */
export async function registerOpen311Routes(app: FastifyInstance, routes: Routes, ctx: AppContext): Promise<void> {
  const { service, keys } = open311Of(ctx);
  await registerOpen311Api(app, service);
  registerOpen311AdminRoutes(routes, keys, service);
}
