/** The case loop of 一网统管 (categories, intake, routing, workflow, indicators). The only import surface of modules/cases. */
export { caseCategories, cases, casePhotos, CATEGORY_KINDS, CASE_KINDS, CASE_SOURCES, HOTLINE_KINDS, LIMIT_UNITS, URGENCIES, PHOTO_STAGES } from './cases.schema.ts';
export type { CategoryKind, CaseKind, CaseSource, HotlineKind, LimitUnit, Urgency, PhotoStage } from './cases.schema.ts';
export { CaseErrors } from './cases.errors.ts';
export { caseFlow, caseStore, CASE_STATES, CASE_ACTIONS, QUEUE_STATES, OPEN_STATES, CLOCK_STATES, HANDLING_STATES, DONE_STATES, type CaseState, type CaseAction } from './cases.workflow.ts';
export {
  limitFor,
  warnBeforeFor,
  dispatchTargetProblems,
  everyCandidateReturned,
  leadCandidates,
  findDuplicates,
  distanceMetres,
  nextEscalationLevel,
  ratesOf,
  HOTLINE_DEFAULT_LIMITS,
  DEFAULT_DUPLICATES,
  type RouteSuggestion,
  type DuplicateSettings,
  type Rates,
  type UnitFigures,
} from './cases.rules.ts';
export { CaseService, type CaseActionInput, type CaseServiceOptions } from './cases.service.ts';
export { CaseQueues, type CaseListQuery } from './cases.queues.ts';
export { caseNumber } from './cases.rules.ts';
export { phoneHash } from './cases.intake.ts';
export { routeCase, type CaseIntakeInput, type IntakeResult, type RoutingResult } from './cases.intake.ts';
export { CaseCategoryService, type CategoryInput } from './cases.categories.ts';
export { presentCase, presentCategory, presentForRequester, type CaseSummary, type CaseCategory } from './cases.present.ts';
export { caseIndicators, type CaseIndicators, type IndicatorQuery } from './cases.indicators.ts';
export { caseServiceOf, caseCategoryServiceOf, useGridsForCases } from './cases.context.ts';
export type { GridLocator, GridHit } from './cases.grid.ts';
export { CATEGORY_SEEDS, type CategorySeed } from './categories.data.ts';
export { registerCaseRoutes, PUBLIC_REPORTS_PER_HOUR, PUBLIC_PHOTOS_PER_HOUR } from './cases.routes.ts';
export { registerCaseJobs } from './cases.jobs.ts';
export { seedDemoCases } from './cases.demo.ts';
