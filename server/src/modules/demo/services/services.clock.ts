/**
 * The platform SLA clock's operations replayed in memory (the same
 * arithmetic as `SlaClocks`: `computeDeadline` and `pausedAmount` of
 * platform/clock), so bulk-written historical clocks carry exactly the
 * deadlines the live workflow would have stored.
 */
import { computeDeadline, isoOf, localDayOf, pausedAmount, type Calendar } from '../../../platform/clock/index.ts';

export interface SimClock {
  purpose: string;
  budget: number;
  warnBefore: number;
  startedAt: Date;
  startDate: string;
  state: 'running' | 'paused' | 'stopped';
  pausedTotal: number;
  pauseStartedAt: Date | null;
  dueAt: Date;
  dueDate: string;
  warnAt: Date | null;
  provisional: boolean;
  stoppedAt: Date | null;
  overdue: boolean | null;
  /** Bumped by every operation after the start, like the stored row's version. */
  version: number;
  /** When the SLA watcher would have announced the warning / the overdue (running at that time). */
  warnedAt: Date | null;
  overdueAt: Date | null;
}

export class ClockSim {
  constructor(private readonly cal: Calendar) {}

  private deadline(c: Pick<SimClock, 'budget' | 'pausedTotal' | 'startedAt' | 'warnBefore'>) {
    return computeDeadline(this.cal, { unit: 'working_days', budget: c.budget, pausedTotal: c.pausedTotal, startedAt: c.startedAt, warnBefore: c.warnBefore });
  }

  start(purpose: string, budget: number, at: Date, warnBefore: number): SimClock {
    const d = this.deadline({ budget, pausedTotal: 0, startedAt: at, warnBefore });
    return {
      purpose,
      budget,
      warnBefore,
      startedAt: at,
      startDate: isoOf(localDayOf(at)),
      state: 'running',
      pausedTotal: 0,
      pauseStartedAt: null,
      dueAt: d.dueAt,
      dueDate: d.dueDate,
      warnAt: d.warnAt,
      provisional: d.provisional,
      stoppedAt: null,
      overdue: null,
      version: 1,
      warnedAt: null,
      overdueAt: null,
    };
  }

  /** The watcher's marks for the stretch the clock ran up to `until` (it announces running clocks only). */
  private watch(c: SimClock, until: Date): void {
    if (c.state !== 'running') return;
    const seconds = (c.startedAt.getTime() % 60_000) + 1000;
    if (c.warnAt && c.warnAt.getTime() <= until.getTime() && c.dueAt.getTime() > c.warnAt.getTime() && !(c.warnedAt && c.warnedAt >= c.warnAt)) {
      c.warnedAt = new Date(Math.min(c.warnAt.getTime() + seconds, until.getTime()));
    }
    if (c.dueAt.getTime() <= until.getTime() && !(c.overdueAt && c.overdueAt >= c.dueAt)) c.overdueAt = new Date(Math.min(c.dueAt.getTime() + seconds, until.getTime()));
  }

  pause(c: SimClock, at: Date): void {
    this.watch(c, at);
    c.state = 'paused';
    c.pauseStartedAt = at;
    c.version += 1;
  }

  resume(c: SimClock, at: Date): void {
    if (c.state !== 'paused' || !c.pauseStartedAt) throw new Error('demo clock: resume of a clock that is not paused');
    c.pausedTotal += pausedAmount(this.cal, 'working_days', c.pauseStartedAt, at);
    const d = this.deadline(c);
    Object.assign(c, { state: 'running', pauseStartedAt: null, dueAt: d.dueAt, dueDate: d.dueDate, warnAt: d.warnAt, provisional: d.provisional });
    c.version += 1;
  }

  extend(c: SimClock, at: Date, by: number): void {
    this.watch(c, at);
    c.budget += by;
    const d = this.deadline(c);
    Object.assign(c, { dueAt: d.dueAt, dueDate: d.dueDate, warnAt: d.warnAt, provisional: d.provisional });
    c.version += 1;
  }

  stop(c: SimClock, at: Date): void {
    this.watch(c, at);
    if (c.state === 'paused' && c.pauseStartedAt) {
      c.pausedTotal += pausedAmount(this.cal, 'working_days', c.pauseStartedAt, at);
      const d = this.deadline(c);
      Object.assign(c, { pauseStartedAt: null, dueAt: d.dueAt, dueDate: d.dueDate, warnAt: d.warnAt, provisional: d.provisional });
    }
    c.state = 'stopped';
    c.stoppedAt = at;
    c.overdue = at.getTime() > c.dueAt.getTime();
    c.version += 1;
  }

  /** An open clock seen at `now`: the watcher has announced what has come by then. */
  settle(c: SimClock, now: Date): void {
    this.watch(c, now);
  }
}
