/** Services module (一网通办): applications, window intake, review and decision, the statutory clock. The only import surface of modules/services. */
export { applications, applicationMaterials, applicationNotices, applicationCountersigns, proxyAuthorisations, applicationNoSeq, APPLICATION_KINDS, CHANNELS, MATERIAL_STATUSES, NOTICE_KINDS, type ApplicationKind, type Channel, type MaterialStatus, type NoticeKind } from './services.schema.ts';
export { applicationFlow, applicationStore, APPLICATION_WORKFLOW, APPLICATION_STATES, FINAL_STATES, CORRECTION_DAYS, EXTENSION_DAYS, type ApplicationState, type ApplicationAction } from './services.workflow.ts';
export { decisionDays, bundleDecisionDays, applicationNumber, noticeNumber, maskIdNumber, missingMaterials, checkDeferral, fanOutPlan, joinOutcome, reviewSteps, DEFAULT_DECISION_DAYS } from './services.rules.ts';
export { ServiceErrors } from './services.errors.ts';
export {
  APPLICATION_SUBMITTED,
  APPLICATION_ACCEPTED,
  APPLICATION_APPROVED,
  APPLICATION_DENIED,
  APPLICATION_COMPLETED,
  APPLICATION_COMMITMENT_VERIFICATION,
  APPLICATION_SUPERVISION_HANDOVER,
  type ApplicationSubmittedEvent,
  type ApplicationAcceptedEvent,
  type ApplicationDecidedEvent,
  type ApplicationCompletedEvent,
  type CommitmentVerificationEvent,
  type SupervisionHandoverEvent,
  type Holder,
} from './services.events.ts';
export { servicesOf, type Services } from './services.module.ts';
export { registerServiceRoutes } from './services.routes.ts';
export { registerServiceStaffRoutes } from './staff.routes.ts';
export { registerServicesJobs } from './services.jobs.ts';
