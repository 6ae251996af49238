/**
 * The story of one historical application, planned in memory: the
 * transitions the live workflow would have made (actions, states, times,
 * actors, inputs), the notices it would have issued and its clocks replayed
 * with the platform's working-day arithmetic. Pure given the templates, the
 * calendar, the random stream and `now`; events after `now` are not planned,
 * so recent applications stay open with live clocks.
 */
import { dayNumber, isoOf, localDayOf, localMidnight, type Calendar } from '../../../platform/clock/index.ts';
import type { Rng } from '../../../platform/ids/index.ts';
import { CORRECTION_DAYS, EXTENSION_DAYS, reviewSteps } from '../../services/index.ts';
import { ClockSim, type SimClock } from './services.clock.ts';

const DECISION_WARN_DAYS = 3;
const CORRECTION_WARN_DAYS = 1;
const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface Staff {
  id: number | null;
  username: string;
}

export interface Snapshot {
  process?: { name: string; actor?: string; days?: number }[];
  specialProcedures?: { name: string; maxDays: number | null; counted: boolean; basis?: string }[];
  result?: { name: string; licenseType?: string; validYears: number | null } | null;
  commitmentAllowed?: boolean;
  [k: string]: unknown;
}

export interface Template {
  kind: 'single' | 'bundle' | 'sub';
  itemId: number | null;
  implCode: string | null;
  baseCode: string | null;
  itemName: string;
  bundleCode: string | null;
  regionCode: string;
  org: { id: number | null; name: string; path: number[] };
  promisedDays: number | null;
  statutoryDays: number | null;
  decisionDays: number;
  snapshot: Snapshot;
  answers: Record<string, unknown>;
  materials: { key: string; name: string; requirement: string; deferrable: boolean; licenseType: string | null; itemIds: number[] }[];
  applicantKinds: string[];
  formFields: { key: string; type: string; options?: string[] }[];
  /** Bundles: the sub-application templates (one per applicable member item). */
  subs: Template[];
  weight: number;
  reviewer: Staff;
}

export interface Transition {
  action: string;
  from: string;
  to: string;
  at: Date;
  actor: Staff;
  note: string | null;
  data: Record<string, unknown>;
}

export interface PlannedNotice {
  kind: 'receipt' | 'correction' | 'refusal' | 'decision' | 'special_procedure' | 'extension' | 'commitment';
  at: Date;
  by: Staff;
  content: Record<string, unknown>;
}

export interface Planned {
  t: Template;
  channel: 'online' | 'window';
  intakeOrgId: number | null;
  createdAt: Date;
  receivedAt: Date;
  acceptedAt: Date | null;
  acceptance: string | null;
  correctionIssued: boolean;
  /** Material keys still missing (awaiting corrections). */
  missingKeys: string[];
  /** Material keys listed in the correction notice. */
  correctedKeys: string[];
  decidedAt: Date | null;
  outcome: 'approved' | 'denied' | 'refused' | 'joined' | null;
  decisionReason: string | null;
  decisionBasis: string | null;
  extensionDays: number;
  extensionReason: string | null;
  extensionRequestedBy: number | null;
  special: Record<string, unknown> | null;
  stepIndex: number;
  state: string;
  history: Transition[];
  notices: PlannedNotice[];
  clocks: SimClock[];
  warnedAt: Date | null;
  overdueAt: Date | null;
  explanation: { text: string; at: Date; by: number | null } | null;
  subs: Planned[];
  /** Special kinds this story took (for the shares). */
  marks: Set<'correction' | 'extension' | 'special' | 'overdue' | 'refused' | 'denied' | 'commitment'>;
}

export interface PlanOptions {
  cal: Calendar;
  rng: Rng;
  now: Date;
  clerk: Staff;
  supervisor: Staff;
  system: Staff;
}

/** An instant in office hours (08:45–17:15 China time) of a China-local day. */
export function officeInstant(day: number, rng: Rng): Date {
  return new Date(localMidnight(day).getTime() + 8.75 * HOUR + Math.floor(rng.next() * 8.5 * HOUR));
}

const dayOfDate = (d: Date) => localDayOf(d);

export class Planner {
  private readonly sim: ClockSim;
  constructor(private readonly o: PlanOptions) {
    this.sim = new ClockSim(o.cal);
  }

  private workingDayAfter(day: number, n: number): number {
    return dayNumber(this.o.cal.addWorkingDays(isoOf(day), n).date);
  }

  private isWorking(day: number): boolean {
    return this.o.cal.isWorkingDay(isoOf(day));
  }

  /** A time `n` working days after `from` in office hours, strictly later than `from`. */
  private later(from: Date, n: number): Date {
    const rng = this.o.rng;
    if (n <= 0) return new Date(from.getTime() + (5 + rng.int(0, 50)) * MINUTE);
    const at = officeInstant(this.workingDayAfter(dayOfDate(from), n), rng);
    return at.getTime() > from.getTime() ? at : new Date(from.getTime() + 20 * MINUTE);
  }

  /** A receipt day within the past year: working days for the window, online any day (mostly working days too). */
  receiptDay(channel: 'online' | 'window', daysBack: number, sameDay = false): Date {
    const rng = this.o.rng;
    let day = localDayOf(this.o.now) - daysBack;
    if (channel === 'window' || sameDay || rng.next() < 0.8) while (!this.isWorking(day)) day -= 1;
    const at = channel === 'online' && !sameDay && rng.next() < 0.25 ? new Date(localMidnight(day).getTime() + rng.int(7, 23) * HOUR + rng.int(0, 59) * MINUTE) : officeInstant(day, rng);
    return at.getTime() < this.o.now.getTime() ? at : new Date(this.o.now.getTime() - rng.int(5, 120) * MINUTE);
  }

  plan(t: Template, channel: 'online' | 'window', intakeOrgId: number | null, receivedAt: Date): Planned {
    const { rng, now, clerk } = this.o;
    const p: Planned = {
      t,
      channel,
      intakeOrgId,
      createdAt: channel === 'online' ? new Date(receivedAt.getTime() - rng.int(3, 90) * MINUTE) : receivedAt,
      receivedAt,
      acceptedAt: null,
      acceptance: null,
      correctionIssued: false,
      missingKeys: [],
      correctedKeys: [],
      decidedAt: null,
      outcome: null,
      decisionReason: null,
      decisionBasis: null,
      extensionDays: 0,
      extensionReason: null,
      extensionRequestedBy: null,
      special: null,
      stepIndex: 0,
      state: 'draft',
      history: [],
      notices: [],
      clocks: [],
      warnedAt: null,
      overdueAt: null,
      explanation: null,
      subs: [],
      marks: new Set(),
    };
    // stop at `now`: what has not happened yet is not in the record
    const go = (at: Date) => at.getTime() <= now.getTime();
    const move = (action: string, to: string, at: Date, actor: Staff, data: Record<string, unknown> = {}, note: string | null = null) => {
      p.history.push({ action, from: p.state, to, at, actor, note, data });
      p.state = to;
    };
    const clock = (purpose: string) => p.clocks.find((c) => c.purpose === purpose && c.state !== 'stopped');

    // receipt: both clocks start
    move(channel === 'online' ? 'submit' : 'windowSubmit', 'submitted', receivedAt, channel === 'online' ? { id: null, username: 'applicant' } : clerk, { decisionDays: t.decisionDays, at: receivedAt.toISOString() });
    p.clocks.push(this.sim.start('correction', CORRECTION_DAYS, receivedAt, CORRECTION_WARN_DAYS));
    p.clocks.push(this.sim.start('decision', t.decisionDays, receivedAt, DECISION_WARN_DAYS));

    // same-day matters (即办, 1 day) are taken in the day they arrive
    const intakeGap = channel === 'window' || t.decisionDays <= 2 ? 0 : rng.next() < 0.6 ? 0 : 1;
    const roll = rng.next();
    const bundle = t.kind === 'bundle';
    let at = this.later(receivedAt, intakeGap);

    // 不予受理 (~1.5%)
    if (!bundle && roll < 0.015) {
      if (!go(at)) return this.finish(p);
      const reason = '申请事项不属于本机关职权范围，已告知申请人向有关行政机关申请';
      move('refuse', 'refused', at, clerk, { reason, legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项', at: at.toISOString() });
      this.sim.stop(clock('correction')!, at);
      this.sim.stop(clock('decision')!, at);
      Object.assign(p, { decidedAt: at, outcome: 'refused', decisionReason: reason, decisionBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项' });
      p.notices.push({ kind: 'refusal', at, by: clerk, content: { title: '不予受理通知书', reason, legalBasis: p.decisionBasis, remedy: '如不服本决定，可以依法申请行政复议或者提起行政诉讼。' } });
      p.marks.add('refused');
      return this.finish(p);
    }

    // 一次性告知补正 (~8%): the decision clock pauses until the corrections are in
    if (roll >= 0.015 && roll < 0.095) {
      if (!go(at)) return this.finish(p);
      const required = t.materials.filter((m) => m.requirement === 'required');
      const listed = (required.length ? required : t.materials).slice(0, Math.max(1, Math.min(2, rng.int(1, 2))));
      if (listed.length) {
        const missing = listed.map((m) => ({ key: m.key, name: m.name, reason: rng.pick(['未提交', '复印件不清晰', '未加盖公章', '与原件不一致']) }));
        move('requestCorrection', 'correction', at, clerk, { missing: missing.map(({ key, reason }) => ({ key, reason })), at: at.toISOString() });
        this.sim.stop(clock('correction')!, at);
        this.sim.pause(clock('decision')!, at);
        p.correctionIssued = true;
        p.correctedKeys = listed.map((m) => m.key);
        p.missingKeys = [...p.correctedKeys];
        p.notices.push({
          kind: 'correction',
          at,
          by: clerk,
          content: {
            title: '补正材料通知书（一次性告知）',
            missing,
            receivedAt: receivedAt.toISOString(),
            clockPausedAt: at.toISOString(),
            clockState: 'running',
            note: '办理时限自通知之日起暂停计算，自收到全部补正材料之日起继续计算。',
            basis: '《中华人民共和国行政许可法》第三十二条第一款第（四）项',
          },
        });
        p.marks.add('correction');
        const back = this.later(at, rng.int(1, 6));
        if (!go(back)) return this.finish(p);
        const online = channel === 'online';
        move(online ? 'resubmit' : 'receiveCorrection', 'resubmitted', back, online ? { id: null, username: 'applicant' } : clerk, { at: back.toISOString() });
        this.sim.resume(clock('decision')!, back);
        p.missingKeys = [];
        at = this.later(back, online ? rng.int(0, 1) : 0);
      }
    }

    if (!go(at)) return this.finish(p);
    // 告知承诺: approved at the window at once (some of the items that allow it)
    if (!bundle && t.snapshot.commitmentAllowed === true && rng.next() < 0.35 && p.state === 'submitted') {
      const commitments = '申请人承诺已符合许可条件，提交的材料真实有效，并在规定期限内接受核查';
      move('acceptCommitment', 'approved', at, clerk, { at: at.toISOString(), commitments });
      this.sim.stop(clock('correction')!, at);
      this.sim.stop(clock('decision')!, at);
      Object.assign(p, { acceptedAt: at, acceptance: 'commitment', decidedAt: at, outcome: 'approved', decisionReason: `申请人已书面承诺符合许可条件：${commitments}`, decisionBasis: '告知承诺制' });
      p.notices.push({ kind: 'decision', at, by: clerk, content: { title: '准予行政许可决定书（告知承诺）', approve: true, commitment: true, commitments, decidedAt: at.toISOString(), verifyWithinDays: 20 } });
      p.marks.add('commitment');
      return this.finish(p);
    }

    // acceptance: the receipt with the promised date
    move('accept', bundle ? 'parallel' : 'in_review', at, clerk, { bundle, at: at.toISOString() });
    const corr = clock('correction');
    if (corr) this.sim.stop(corr, at);
    p.acceptedAt = at;
    p.acceptance = 'normal';
    const decision = clock('decision')!;
    p.notices.push({
      kind: 'receipt',
      at,
      by: clerk,
      content: {
        title: '受理通知书',
        acceptance: 'normal',
        receivedAt: receivedAt.toISOString(),
        acceptedAt: at.toISOString(),
        clockStart: decision.startedAt.toISOString(),
        promisedDate: decision.dueDate,
        decisionDays: t.decisionDays,
        deferred: [],
        deferredUntil: null,
        basis: '《中华人民共和国行政许可法》第三十二条第一款第（五）项',
      },
    });

    if (bundle) {
      // fan-out: one sub-application per member, each with its own decision clock; the last decision joins the parent
      let last = at;
      for (const st of t.subs) {
        const sub = this.planSub(st, p, at);
        p.subs.push(sub);
        if (sub.decidedAt && sub.decidedAt > last) last = sub.decidedAt;
      }
      const done = p.subs.length > 0 && p.subs.every((s) => s.outcome === 'approved' || s.outcome === 'denied');
      if (done) {
        const outcome = p.subs.every((s) => s.outcome === 'approved') ? 'approved' : p.subs.every((s) => s.outcome === 'denied') ? 'denied' : 'partial';
        move('join', 'completed', last, this.o.system, { outcome, at: last.toISOString(), subs: p.subs.map((s) => ({ itemName: s.t.itemName, state: s.state })) });
        this.sim.stop(decision, last);
        Object.assign(p, { decidedAt: last, outcome: 'joined' });
        p.notices.push({
          kind: 'decision',
          at: last,
          by: this.o.system,
          content: { title: '“一件事”办结通知书', outcome, results: p.subs.map((s) => ({ itemName: s.t.itemName, org: s.t.org.name, state: s.state, reason: s.decisionReason })) },
        });
        p.decisionReason = outcome;
      }
      return this.finish(p);
    }
    this.review(p, at, false);
    return this.finish(p);
  }

  /** A bundle's sub-application: dispatched at the parent's acceptance, reviewed and decided by its department. */
  private planSub(t: Template, parent: Planned, at: Date): Planned {
    const p: Planned = {
      ...parent,
      t,
      acceptedAt: at,
      acceptance: parent.acceptance,
      correctionIssued: false,
      missingKeys: [],
      correctedKeys: [],
      decidedAt: null,
      outcome: null,
      decisionReason: null,
      decisionBasis: null,
      extensionDays: 0,
      extensionReason: null,
      extensionRequestedBy: null,
      special: null,
      stepIndex: 0,
      state: 'fanout',
      history: [],
      notices: [],
      clocks: [],
      warnedAt: null,
      overdueAt: null,
      explanation: null,
      subs: [],
      marks: new Set(),
    };
    p.history.push({ action: 'dispatch', from: 'fanout', to: 'in_review', at, actor: this.o.system, note: null, data: { decisionDays: t.decisionDays, at: at.toISOString() } });
    p.state = 'in_review';
    p.clocks.push(this.sim.start('decision', t.decisionDays, at, DECISION_WARN_DAYS));
    this.review(p, at, true);
    return this.finish(p);
  }

  /** Review steps, perhaps a special procedure or an extension, and the decision (most well before the promise, a few overdue). */
  private review(p: Planned, from: Date, sub: boolean): void {
    const { rng, now, supervisor } = this.o;
    const t = p.t;
    const go = (at: Date) => at.getTime() <= now.getTime();
    const move = (action: string, to: string, at: Date, actor: Staff, data: Record<string, unknown> = {}, note: string | null = null) => {
      p.history.push({ action, from: p.state, to, at, actor, note, data });
      p.state = to;
    };
    const decision = p.clocks.find((c) => c.purpose === 'decision' && c.state !== 'stopped')!;
    const reviewer = t.reviewer;
    const steps = reviewSteps(t.snapshot.process);
    let at = from;
    const D = t.decisionDays;
    const overdue = rng.next() < (localDayOf(now) - localDayOf(p.receivedAt) < 45 ? 0.05 : 0.012);
    // working days the review is allowed to take before the decision (of the budget)
    const budget = Math.max(0, D);
    const spend = overdue ? budget + rng.int(1, 6) : D <= 0 ? 0 : D <= 4 ? rng.int(0, D) : Math.max(0, Math.round(budget * (0.15 + rng.next() * 0.7)));
    const stepGap = steps.length > 1 ? Math.floor(Math.min(spend, budget) / steps.length) : 0;
    for (let i = 0; i < steps.length - 1; i++) {
      const next = this.later(at, stepGap);
      if (!go(next)) return;
      move('advance', 'in_review', next, reviewer, { fromStep: i, toStep: i + 1, opinion: '经审查，符合规定，提交下一环节' }, '经审查，符合规定，提交下一环节');
      p.stepIndex = i + 1;
      at = next;
    }
    const specials = t.snapshot.specialProcedures ?? [];
    if (!sub && specials.length && rng.next() < 0.06) {
      const proc = rng.pick(specials);
      const expectedDays = Math.max(1, Math.min(proc.maxDays ?? 20, rng.int(3, 15)));
      const start = this.later(at, 0);
      if (!go(start)) return;
      move('startSpecial', 'special_procedure', start, reviewer, { procedure: proc.name, expectedDays, counted: proc.counted, at: start.toISOString() });
      if (!proc.counted) this.sim.pause(decision, start);
      p.special = { name: proc.name, expectedDays, counted: proc.counted, basis: proc.basis ?? null, startedAt: start.toISOString() };
      p.notices.push({
        kind: 'special_procedure',
        at: start,
        by: reviewer,
        content: {
          title: '特别程序告知书',
          procedure: proc.name,
          expectedDays,
          counted: proc.counted,
          basis: proc.basis ?? '《中华人民共和国行政许可法》第四十五条',
          message: proc.counted
            ? `本件需进行${proc.name}，预计需要 ${expectedDays} 日，计入办理时限。`
            : `本件需进行${proc.name}，预计需要 ${expectedDays} 日，所需时间不计入办理时限（《中华人民共和国行政许可法》第四十五条）。`,
        },
      });
      p.marks.add('special');
      const end = this.later(start, Math.max(1, Math.round(expectedDays * 0.7)));
      if (!go(end)) return;
      move('endSpecial', 'in_review', end, reviewer, { counted: proc.counted, result: `${proc.name}已完成`, at: end.toISOString() }, `${proc.name}已完成`);
      if (!proc.counted) this.sim.resume(decision, end);
      p.special = null;
      at = end;
    }
    if (!sub && D >= 5 && rng.next() < 0.035) {
      const reason = '申请事项情况复杂，需进一步现场核查，申请延长审批期限';
      const ask = this.later(at, rng.int(0, Math.max(0, Math.floor(D / 3))));
      if (!go(ask)) return;
      move('requestExtension', 'extension_requested', ask, reviewer, { reason, days: EXTENSION_DAYS }, reason);
      p.extensionReason = reason;
      p.extensionRequestedBy = reviewer.id;
      const ok = this.later(ask, rng.int(0, 1));
      if (!go(ok)) return;
      move('approveExtension', 'in_review', ok, supervisor, { days: EXTENSION_DAYS, reason, at: ok.toISOString() });
      this.sim.extend(decision, ok, EXTENSION_DAYS);
      p.extensionDays = EXTENSION_DAYS;
      p.notices.push({ kind: 'extension', at: ok, by: supervisor, content: { title: '延长审批期限告知书', days: EXTENSION_DAYS, reason, newDueDate: decision.dueDate, basis: '《中华人民共和国行政许可法》第四十二条' } });
      p.marks.add('extension');
      at = ok;
    }
    // the decision: on a working day no later than the (moved) due date, or after it for the overdue few
    const dueDay = dayNumber(decision.dueDate);
    let decideAt: Date;
    if (overdue) {
      decideAt = officeInstant(this.workingDayAfter(dueDay, rng.int(1, 5)), rng);
    } else {
      const left = Math.max(0, this.o.cal.workingDaysBetween(isoOf(dayOfDate(at)), isoOf(dueDay)).days);
      const n = D <= 0 ? 0 : Math.min(left, Math.max(0, spend - stepGap * (steps.length - 1)));
      decideAt = this.later(at, n);
      if (decideAt.getTime() > decision.dueAt.getTime()) decideAt = new Date(Math.max(at.getTime() + MINUTE, decision.dueAt.getTime() - 30 * MINUTE));
    }
    if (decideAt.getTime() <= at.getTime()) decideAt = new Date(at.getTime() + 10 * MINUTE);
    if (!go(decideAt)) return;
    const approve = rng.next() >= 0.025;
    const reason = approve ? '经审查，申请材料齐全、符合法定形式，符合法定条件、标准' : '经审查，申请人不符合法定条件、标准';
    const legalBasis = approve ? null : '《中华人民共和国行政许可法》第三十八条第二款';
    move('decide', approve ? 'approved' : 'denied', decideAt, reviewer, { approve, reason, legalBasis, at: decideAt.toISOString() }, reason);
    this.sim.stop(decision, decideAt);
    Object.assign(p, { decidedAt: decideAt, outcome: approve ? 'approved' : 'denied', decisionReason: reason, decisionBasis: legalBasis });
    p.notices.push({
      kind: 'decision',
      at: decideAt,
      by: reviewer,
      content: {
        title: approve ? '准予行政许可决定书' : '不予行政许可决定书',
        approve,
        reason,
        legalBasis,
        decidedAt: decideAt.toISOString(),
        ...(approve ? {} : { remedy: '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。' }),
      },
    });
    if (!approve) p.marks.add('denied');
  }

  /** Clocks seen today; the application's yellow and red marks as the SLA subscribers set them; explanations of the overdue. */
  private finish(p: Planned): Planned {
    const { now, rng, supervisor } = this.o;
    for (const c of p.clocks) if (c.state !== 'stopped') this.sim.settle(c, now);
    const decision = p.clocks.filter((c) => c.purpose === 'decision').at(-1);
    if (decision) {
      p.warnedAt = decision.warnedAt;
      // the overdue mark is set only while the matter is open (the subscriber skips finished ones)
      p.overdueAt = decision.overdueAt ? new Date(decision.dueAt) : null;
    }
    if (p.overdueAt) {
      p.marks.add('overdue');
      const explainAt = new Date(p.overdueAt.getTime() + rng.int(2, 72) * HOUR);
      if (rng.next() < 0.6 && explainAt.getTime() < now.getTime()) {
        p.explanation = {
          text: rng.pick([
            '因申请人补充材料与现场核查情况不一致，需进一步核实，导致超期办结。已约谈承办人员并整改。',
            '因系统升级期间数据推送延迟，审批未能在承诺时限内完成。已完善应急处置机制。',
            '因涉及多部门联合审查，意见反馈不及时导致超期。已建立会签时限提醒。',
          ]),
          at: explainAt,
          by: supervisor.id,
        };
      }
    }
    return p;
  }
}
