import type { AppContext } from '../../context.ts';
import { GridService } from '../grids/index.ts';
import type { GridLocator } from './cases.grid.ts';
import { CaseService } from './cases.service.ts';
import { CaseCategoryService } from './cases.categories.ts';

const services = new WeakMap<AppContext, { cases: CaseService; categories: CaseCategoryService }>();

function of(ctx: AppContext) {
  let s = services.get(ctx);
  if (!s) {
    s = { cases: new CaseService(ctx.db, ctx.workflows, ctx.calendar.clocks, ctx.files, { grids: GridService.of(ctx) }), categories: new CaseCategoryService(ctx.db) };
    services.set(ctx, s);
  }
  return s;
}

/** The case service of an application context (one per context, shared by routes, jobs and other modules through index.ts). */
export const caseServiceOf = (ctx: AppContext): CaseService => of(ctx).cases;
export const caseCategoryServiceOf = (ctx: AppContext): CaseCategoryService => of(ctx).categories;

/** Wires the grid lookup (modules/grids' GridService) into the case loop of this context. */
export const useGridsForCases = (ctx: AppContext, grids: GridLocator): void => of(ctx).cases.useGrids(grids);
