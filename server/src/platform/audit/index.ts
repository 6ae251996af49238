export { recordAudit, auditActorName, chainPending, verifyChain, entryHash, GENESIS_HASH, type AuditInput, type AuditWho, type VerifyResult } from './audit.service.ts';
export { canonicalJson } from './canonical.ts';
export { registerAuditRoutes } from './audit.routes.ts';
