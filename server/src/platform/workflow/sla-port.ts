import { CommonErrors } from '../errors/index.ts';
import type { SlaClocks } from '../clock/index.ts';
import type { SlaPort } from './workflow.service.ts';

/**
 * The workflow's SLA operations on the platform clock: a clock per
 * (workflow, item, clock name). The time of the operation is the
 * transition's `at` input when given (back-dated intake), else now.
 */
export function slaPort(clocks: SlaClocks, now: () => Date = () => new Date()): SlaPort {
  return {
    async apply(tx, subject, op, data) {
      const at = typeof data.at === 'string' || data.at instanceof Date ? new Date(data.at) : now();
      if (Number.isNaN(at.getTime())) throw CommonErrors.VALIDATION({ fields: [{ field: 'at', message: '时间无效', messageEn: 'Invalid time' }] });
      if (op.op === 'start') {
        const budget = typeof op.budget === 'function' ? op.budget(data) : op.budget;
        await clocks.start(tx, { type: subject.workflow, id: subject.id, regionCode: subject.regionCode ?? '', purpose: op.clock }, op.unit, budget, at, op.warnBefore ?? 0);
        return;
      }
      const clock = (await clocks.ofSubject(tx, subject.workflow, subject.id)).find((c) => c.purpose === op.clock && c.state !== 'stopped');
      if (!clock && op.optional) return;
      if (!clock) throw new Error(`workflow ${subject.workflow} ${subject.id}: no open clock "${op.clock}" to ${op.op}`);
      switch (op.op) {
        case 'pause':
          await clocks.pause(tx, clock.id, at);
          return;
        case 'resume':
          await clocks.resume(tx, clock.id, at);
          return;
        case 'stop':
          await clocks.stop(tx, clock.id, at);
          return;
        case 'extend':
          await clocks.extend(tx, clock.id, typeof op.by === 'function' ? op.by(data) : op.by);
          return;
      }
    },
  };
}
