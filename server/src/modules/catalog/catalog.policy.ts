/**
 * Who may do what in the catalog. Departments and towns request changes
 * (`catalog:edit`, scoped to their region and organisation); the staffing
 * office reviews, approves and publishes (`catalog:review`). Published
 * content is public. Outside one's scope an item looks missing.
 */
import { sql, type SQL } from 'drizzle-orm';
import { canAct, type Actor, type Permission } from '../../platform/access/index.ts';
import { scopeCondition } from '../org/index.ts';

/** What a scope check needs to know about an item or an adjustment request. */
export interface CatalogScope {
  regionCode: string | null;
  /** The implementing organisation's path (root → organisation), empty when the item has none. */
  orgPath: number[];
}

const can = (actor: Actor, p: Permission, s: CatalogScope) => canAct(actor, p, { regionCode: s.regionCode, orgIds: s.orgPath });

/** May the actor request changes to an item in this scope? */
export const canRequest = (actor: Actor, s: CatalogScope) => can(actor, 'catalog:edit', s);

/** May the actor review, approve and publish requests in this scope? */
export const canReview = (actor: Actor, s: CatalogScope) => can(actor, 'catalog:review', s);

/** May the actor see a request in this scope (as a requester or as a reviewer)? */
export const canSeeAdjustment = (actor: Actor, s: CatalogScope) => canRequest(actor, s) || canReview(actor, s);

/**
 * Is the actor on the requesting side of a request: the person who made it,
 * or someone who may request changes in its scope without reviewing them
 * (a colleague in the department or town)? Only they edit, submit and
 * withdraw it.
 */
export const isRequesterOf = (actor: Actor, requestedBy: number, s: CatalogScope) =>
  actor.id === requestedBy || (canRequest(actor, s) && !canReview(actor, s));

/** May the actor take the staffing office's actions on a request: a reviewer in scope who did not make it (four eyes)? */
export const mayReviewRequest = (actor: Actor, requestedBy: number, s: CatalogScope) => actor.id !== requestedBy && canReview(actor, s);

/** SQL of canSeeAdjustment over a region column and an organisation-path expression (exact pagination). */
export function adjustmentVisibility(actor: Actor, cols: { region: SQL; path: SQL }): SQL {
  return sql`(${scopeCondition(actor, 'catalog:edit', cols)} or ${scopeCondition(actor, 'catalog:review', cols)})`;
}

/** Does the actor hold the reviewer permission anywhere (the review queue is their default view)? */
export const isReviewer = (actor: Actor) => actor.permissions.has('catalog:review');
