/**
 * Bulk issuing (historical data, demo seeds): the licences of many approved
 * applications in one transaction, with the same numbering, canonical
 * document, signature, history event, audit entry, license.issued event and
 * holder notice as the application.approved subscriber writes one by one.
 * Idempotent: applications that already have their licence are skipped.
 */
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { inTransaction, type Db } from '../../platform/db/index.ts';
import { DomainError } from '../../platform/errors/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { notify } from '../../platform/notify/index.ts';
import { issueInputOfApproval, type ApplicationApproved } from './licenses.approval.ts';
import { buildLicence, checkIssue, issuedRecords, validityOf, type CheckedIssue } from './licenses.issue.ts';
import { activeSigningKey } from './licenses.keys.ts';
import { TOPIC_ISSUED } from './licenses.lifecycle.ts';
import * as repo from './licenses.repository.ts';

export interface IssueManyResult {
  /** Licences written. */
  issued: number;
  /** Approvals that already had their licence (or repeat one earlier in the list). */
  existing: number;
  /** Approvals with no licence type, or with data a licence cannot be issued from (as the subscriber, they are logged and left). */
  skipped: number;
}

/**
 * Issues the licences of `approvals` (application.approved payloads) in one
 * transaction (the caller's when there is one). Each licence is exactly what
 * onApplicationApproved would have issued for the same payload.
 */
export async function issueMany(
  db: Db,
  approvals: readonly ApplicationApproved[],
  opts: { who?: AuditWho; log?: (msg: string) => void } = {},
): Promise<IssueManyResult> {
  const who = opts.who ?? { actor: SYSTEM_ACTOR };
  const out: IssueManyResult = { issued: 0, existing: 0, skipped: 0 };
  const checked: CheckedIssue[] = [];
  for (const p of approvals) {
    const input = issueInputOfApproval(p);
    if (!input) {
      out.skipped++;
      continue;
    }
    try {
      checked.push(checkIssue(input));
    } catch (e) {
      if (!(e instanceof DomainError && e.kind === 'invalid')) throw e;
      opts.log?.(`licenses: application ${p.applicationNo} approved but no licence issued: ${e.message}`);
      out.skipped++;
    }
  }
  if (!checked.length) return out;
  return inTransaction(db, async (tx) => {
    // types by name, created on the fly as the subscriber does (allowNewType)
    const types = new Map<string, repo.TypeRow>();
    for (const c of checked) {
      const name = c.input.type.trim();
      if (types.has(name)) continue;
      types.set(name, (await repo.typeByName(tx, name)) ?? (await repo.createLocalType(tx, name, c.input.validYears ?? null)));
    }
    const seen = await repo.existingForApplications(tx, [...new Set(checked.map((c) => c.input.applicationNo).filter((n): n is string => !!n))]);
    const todo: { c: CheckedIssue; type: repo.TypeRow }[] = [];
    for (const c of checked) {
      const type = types.get(c.input.type.trim())!;
      const key = `${c.input.applicationNo}|${type.id}`;
      if (c.input.applicationNo && seen.has(key)) {
        out.existing++;
        continue;
      }
      try {
        validityOf(c.input, type, c.input.issuedAt ?? new Date());
      } catch (e) {
        if (!(e instanceof DomainError && e.kind === 'invalid')) throw e;
        opts.log?.(`licenses: application ${c.input.applicationNo} approved but no licence issued: ${e.message}`);
        out.skipped++;
        continue;
      }
      if (c.input.applicationNo) seen.add(key);
      todo.push({ c, type });
    }
    if (!todo.length) return out;
    const serials = await repo.nextSerials(tx, todo.length);
    const key = await activeSigningKey(db);
    const licences = todo.map(({ c, type }, i) => buildLicence(c, type, serials[i], key));
    const ids = await repo.insertLicenses(tx, licences);
    const written = licences.flatMap((l) => {
      const id = ids.get(l.licenceNo);
      return id ? [{ id, l, rec: issuedRecords(id, l, who) }] : [];
    });
    out.existing += licences.length - written.length; // a concurrent issuer won these
    await repo.insertEvents(tx, written.map((w) => w.rec.event));
    for (const w of written) {
      await recordAudit(tx, who, w.rec.audit);
      await emit(tx, TOPIC_ISSUED, w.rec.issued, { regionCode: w.l.regionCode });
    }
    await notify(tx, written.flatMap((w) => w.rec.notices));
    out.issued = written.length;
    return out;
  });
}
