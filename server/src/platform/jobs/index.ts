export {
  JobRunner,
  OUTBOX_RELAY_QUEUE,
  type JobRunnerOptions,
  type JobHandler,
  type JobInfo,
  type RegisterOptions,
  type SendOptions,
  type StopOptions,
  type OutboxOptions,
  type QueuePolicy,
} from './runner.ts';
export { emit, type OutboxEvent, type OutboxHandler, type EmitOptions } from './outbox.ts';
export { AUDIT_CHAIN_QUEUE, CLEANUP_QUEUE, CLEANUP_CRON, cleanupExpired } from './platform-jobs.ts';
export { registerJobRoutes, listOutboxEvents, OUTBOX_STATUSES, type OutboxStatus } from './jobs.routes.ts';
export { outboxEvents, outboxDeliveries } from './jobs.schema.ts';
export type { JobLogger } from './logger.ts';
