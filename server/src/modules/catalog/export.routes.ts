import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import type { AppContext } from '../../context.ts';
import { parseItemType } from './catalog.types.rules.ts';
import { CatalogExportService, type ExportFilter } from './export.service.ts';

const TAGS = ['catalog-export'];

/** The item list's filters (GET /api/catalog/items). */
const ExportQuery = z.object({
  type: z
    .string()
    .trim()
    .transform((raw, ctx) => {
      const t = parseItemType(raw);
      if (!t) {
        ctx.addIssue({ code: 'custom', message: `无法识别的事项类型“${raw}”`, params: { messageEn: `Unknown item type "${raw}"` } });
        return z.NEVER;
      }
      return t;
    })
    .optional(),
  kind: z.enum(['power', 'service']).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  regionCode: z.string().trim().regex(/^\d{2,12}$/).optional(),
  status: z.enum(['published', 'retired']).optional(),
  lifeEvent: z.string().trim().min(1).max(50).optional(),
  level: z.enum(['province', 'city', 'county', 'town']).optional(),
  applicantKind: z.enum(['person', 'legal']).optional(),
  online: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

const DESCRIPTION =
  'Published (or retired) items with the item list’s filters, one row per item, with the Chinese column headers of the import ' +
  'mapping, so the file re-imports unchanged (POST /api/catalog/imports). Streamed.';

const disposition = (ascii: string, zh: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

/** Public export of the published catalog. */
export function registerCatalogExportRoutes(routes: Routes, ctx: AppContext): void {
  const svc = new CatalogExportService(ctx.db);

  routes.define({
    method: 'GET',
    url: '/api/catalog/export.xlsx',
    tags: TAGS,
    summary: 'Export the catalog as an Excel workbook / 导出事项清单（Excel）',
    description: DESCRIPTION,
    access: 'public',
    query: ExportQuery,
    handler: async ({ query, reply }) => {
      const stream = svc.xlsx(query as ExportFilter);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition('catalog.xlsx', '政务服务事项清单.xlsx'))
        .header('cache-control', 'no-store');
      return reply.send(stream);
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/export.csv',
    tags: TAGS,
    summary: 'Export the catalog as CSV (UTF-8 with BOM) / 导出事项清单（CSV）',
    description: DESCRIPTION,
    access: 'public',
    query: ExportQuery,
    handler: async ({ query, reply }) => {
      const stream = svc.csv(query as ExportFilter);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', disposition('catalog.csv', '政务服务事项清单.csv'))
        .header('cache-control', 'no-store');
      return reply.send(stream);
    },
  });
}
