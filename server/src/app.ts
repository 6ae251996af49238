import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { createHttp, buildOpenApi, metricsRegistry } from './platform/http/index.ts';
import { serveWeb } from './platform/http/static.ts';
import { registerAuthRoutes } from './platform/auth/index.ts';
import { registerAuditRoutes } from './platform/audit/index.ts';
import { registerValidateRoutes } from './platform/ids/index.ts';
import { renderDocsPage } from './platform/http/docs-page.ts';
import type { AppContext } from './context.ts';
import { registerOrgRoutes } from './modules/org/index.ts';
import { registerCatalogRoutes } from './modules/catalog/index.ts';
import { registerBundleRoutes, registerListRoutes } from './modules/catalog/index.ts';
import { registerCatalogExportRoutes, registerCatalogImportRoutes } from './modules/catalog/index.ts';
import { registerSearchRoutes } from './modules/catalog/index.ts';
import { registerLawRoutes } from './modules/catalog/index.ts';
import { registerCalendarRoutes } from './platform/clock/index.ts';
import { registerJobRoutes } from './platform/jobs/index.ts';
import { registerFileRoutes } from './platform/files/index.ts';
import { registerRatingRoutes } from './modules/ratings/index.ts';
import { registerNotifyRoutes } from './platform/notify/index.ts';
import { registerGridRoutes } from './modules/grids/index.ts';
import { registerCommandRoutes } from './modules/insight/index.ts';
import { registerCaseRoutes } from './modules/cases/index.ts';
import { registerLicenseRoutes } from './modules/licenses/index.ts';
import { registerOpen311Routes } from './modules/open311/index.ts';
import { registerServiceRoutes, registerServiceStaffRoutes } from './modules/services/index.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Builds the HTTP application: platform routes, every module's routes, the web UI. */
export async function buildApp(ctx: AppContext, opts: { serveWebUi?: boolean } = {}): Promise<FastifyInstance> {
  const { app, routes } = await createHttp({
    database: ctx.database,
    logLevel: ctx.config.logLevel,
    resolve: (req) => ctx.auth.resolve(req),
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await ctx.db.execute(sql`select 1`);
      return { status: 'ready', database: ctx.database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: ctx.database.kind });
    }
  });
  app.get('/metrics', async (_req, reply) => reply.type(metricsRegistry.contentType).send(await metricsRegistry.metrics()));

  registerAuthRoutes(routes, ctx.auth, ctx.db, { cookieSecure: ctx.config.cookieSecure, sessionHours: ctx.config.sessionHours });
  registerAuditRoutes(routes, ctx.db);
  registerJobRoutes(routes, ctx);
  registerFileRoutes(routes, ctx.files);
  registerNotifyRoutes(routes, ctx.db);
  // Modules register their routes here, one line each.
  registerOrgRoutes(routes, ctx);
  registerCatalogRoutes(routes, ctx);
  registerBundleRoutes(routes, ctx);
  registerListRoutes(routes, ctx);
  registerCatalogImportRoutes(routes, ctx);
  registerCatalogExportRoutes(routes, ctx);
  registerSearchRoutes(routes, ctx);
  registerLawRoutes(routes);
  registerGridRoutes(routes, ctx);
  registerCommandRoutes(routes, ctx, app);
  registerValidateRoutes(routes);
  registerCalendarRoutes(routes, ctx.calendar);
  registerRatingRoutes(routes, ctx);
  registerCaseRoutes(routes, ctx);
  registerLicenseRoutes(routes, ctx);
  await registerOpen311Routes(app, routes, ctx);
  registerServiceRoutes(routes, ctx);
  registerServiceStaffRoutes(routes, ctx);

  const openapi = () => buildOpenApi(routes.all, { title: 'Tongban API (通办)', version: '0.1.0' });
  app.get('/api/openapi.json', async () => openapi());
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(renderDocsPage(openapi())));

  if (opts.serveWebUi !== false) await serveWeb(app, WEB_DIST);
  return app;
}
