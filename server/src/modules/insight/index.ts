/** Insight module: the command screen (指挥屏) queries and live figures. The only import surface of modules/insight. */
export { CommandService, type Overview, type OverviewQuery, type CommandView, type DensityResult, type CaseSummary, type CaseTrace, type Figures, type TownRanking, type DepartmentRanking } from './command.service.ts';
export { CommandStreams, STREAM_DEFAULTS, type StreamSettings } from './command.stream.ts';
export { CommandFeed } from './command.feed.ts';
export { CommandErrors } from './command.errors.ts';
export { canViewCommand, commandRegion, rankByScore, COMMAND_PERMISSIONS } from './command.rules.ts';
export { registerCommandRoutes, commandStreamsOf } from './command.routes.ts';
