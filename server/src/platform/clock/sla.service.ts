/**
 * SLA clocks (DESIGN §4): stored deadlines in working days, working hours or
 * calendar days, with pauses. Every command runs in the caller's transaction
 * (a workflow transition), locks the clock row and bumps its version.
 * Deadlines are recomputed only when a pause ends or the calendar changes.
 */
import { CommonErrors } from '../errors/index.ts';
import type { Executor } from '../db/index.ts';
import { dayOf, isoOf, localDayOf } from './dates.ts';
import type { Calendar } from './calendar.rules.ts';
import { SPILLOVER_DAYS } from './holiday-file.ts';
import { assertAmount, computeDeadline, pausedAmount, type Deadline, type SlaUnit } from './sla.rules.ts';
import { SlaErrors } from './clock.errors.ts';
import * as repo from './clock.repository.ts';

export type { SlaClock, SlaState } from './clock.repository.ts';

export interface SlaSubject {
  /** What the clock belongs to, e.g. 'application', 'case'. */
  type: string;
  id: string | number;
  regionCode: string;
  /** Which limit of the subject this clock measures (default 'main'). */
  purpose?: string;
}

export interface RecomputeResult {
  /** Open clocks whose span touches the changed dates. */
  examined: number;
  /** Of those, clocks whose due time, warning time or provisional flag changed. */
  changed: number;
}

const STATE_LABELS = { running: '计时中 running', paused: '已暂停 paused', stopped: '已停止 stopped' } as const;

function deadlineFields(d: Deadline) {
  return { dueAt: d.dueAt.toISOString(), dueDate: d.dueDate, warnAt: d.warnAt ? d.warnAt.toISOString() : null, provisional: d.provisional };
}

function checkInstant(at: Date, field = 'at'): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw CommonErrors.VALIDATION({ fields: [{ field, message: '时间无效', messageEn: 'Invalid time' }] });
  }
}

export class SlaClocks {
  /**
   * @param calendarFor the calendar to compute with inside a transaction; the
   * calendar service makes it wait for a load in progress and pick up years
   * loaded by other processes, so no deadline is stored with a stale calendar.
   */
  constructor(private readonly calendarFor: (tx: Executor) => Promise<Calendar>) {}

  /** Starts a clock of `budget` units from `startAt`; warns when `warnBefore` units remain (0: no warning). */
  async start(tx: Executor, subject: SlaSubject, unit: SlaUnit, budget: number, startAt: Date, warnBefore = 0): Promise<repo.SlaClock> {
    checkInstant(startAt, 'startAt');
    assertAmount(unit, budget);
    assertAmount(unit, warnBefore);
    const d = computeDeadline(await this.calendarFor(tx), { unit, budget, pausedTotal: 0, startedAt: startAt, warnBefore });
    return repo.insertClock(tx, {
      subjectType: subject.type,
      subjectId: String(subject.id),
      purpose: subject.purpose ?? 'main',
      regionCode: subject.regionCode,
      unit,
      budget,
      startedAt: startAt.toISOString(),
      startDate: isoOf(localDayOf(startAt)),
      warnBefore,
      ...deadlineFields(d),
    });
  }

  /** Pauses a running clock at `at` (补正, a special procedure that is not counted, …). */
  async pause(tx: Executor, id: number, at: Date): Promise<repo.SlaClock> {
    checkInstant(at);
    const c = await this.load(tx, id);
    if (c.state !== 'running') throw SlaErrors.NOT_RUNNING({ vars: { state: STATE_LABELS[c.state] } });
    this.notBefore(at, c.startedAt);
    return this.save(tx, c, { ...this.keep(c), state: 'paused', pauseStartedAt: at.toISOString() });
  }

  /** Resumes a paused clock: the due time moves by exactly the working days (hours, days) the pause took. */
  async resume(tx: Executor, id: number, at: Date): Promise<repo.SlaClock> {
    checkInstant(at);
    const c = await this.load(tx, id);
    if (c.state !== 'paused' || !c.pauseStartedAt) throw SlaErrors.NOT_PAUSED({ vars: { state: STATE_LABELS[c.state] } });
    this.notBefore(at, c.pauseStartedAt);
    const cal = await this.calendarFor(tx);
    const pausedTotal = c.pausedTotal + pausedAmount(cal, c.unit, new Date(c.pauseStartedAt), at);
    const d = computeDeadline(cal, { unit: c.unit, budget: c.budget, pausedTotal, startedAt: new Date(c.startedAt), warnBefore: c.warnBefore });
    return this.save(tx, c, { ...this.keep(c), state: 'running', pausedTotal, pauseStartedAt: null, ...deadlineFields(d) });
  }

  /** Stops a clock (the matter is decided or closed) and records whether it was overdue. */
  async stop(tx: Executor, id: number, at: Date): Promise<repo.SlaClock> {
    checkInstant(at);
    const c = await this.load(tx, id);
    if (c.state === 'stopped') throw SlaErrors.ALREADY_STOPPED();
    this.notBefore(at, c.pauseStartedAt ?? c.startedAt);
    let change = this.keep(c);
    if (c.state === 'paused' && c.pauseStartedAt) {
      const cal = await this.calendarFor(tx);
      const pausedTotal = c.pausedTotal + pausedAmount(cal, c.unit, new Date(c.pauseStartedAt), at);
      const d = computeDeadline(cal, { unit: c.unit, budget: c.budget, pausedTotal, startedAt: new Date(c.startedAt), warnBefore: c.warnBefore });
      change = { ...change, pausedTotal, pauseStartedAt: null, ...deadlineFields(d) };
    }
    return this.save(tx, c, { ...change, state: 'stopped', stoppedAt: at.toISOString(), overdue: at.getTime() > new Date(change.dueAt).getTime() });
  }

  /**
   * Extends an open clock's budget by `by` units (an approved extension, e.g.
   * Licensing Law art. 42: +10 working days with the agency head's approval).
   */
  async extend(tx: Executor, id: number, by: number): Promise<repo.SlaClock> {
    const c = await this.load(tx, id);
    if (c.state === 'stopped') throw SlaErrors.ALREADY_STOPPED();
    assertAmount(c.unit, by);
    const budget = c.budget + by;
    const d = computeDeadline(await this.calendarFor(tx), { unit: c.unit, budget, pausedTotal: c.pausedTotal, startedAt: new Date(c.startedAt), warnBefore: c.warnBefore });
    return this.save(tx, c, { ...this.keep(c), budget, ...deadlineFields(d) });
  }

  async get(ex: Executor, id: number): Promise<repo.SlaClock | undefined> {
    return repo.findClock(ex, id);
  }

  async ofSubject(ex: Executor, subjectType: string, subjectId: string | number): Promise<repo.SlaClock[]> {
    return repo.clocksOfSubject(ex, subjectType, String(subjectId));
  }

  /**
   * Recomputes the stored deadlines of open clocks whose span touches `year`
   * (and the days a schedule may list across New Year), with `calendar`
   * (default: the current one). Used when a year's schedule is loaded.
   */
  async recompute(tx: Executor, year: number, calendar?: Calendar): Promise<RecomputeResult> {
    const cal = calendar ?? (await this.calendarFor(tx));
    const from = isoOf(dayOf(year, 1, 1) - SPILLOVER_DAYS);
    const to = isoOf(dayOf(year, 12, 31) + SPILLOVER_DAYS);
    let examined = 0;
    let changed = 0;
    let afterId = 0;
    for (;;) {
      const page = await repo.openClocksInSpan(tx, from, to, afterId, 500);
      if (page.length === 0) break;
      const updates: repo.DeadlineUpdate[] = [];
      for (const c of page) {
        const d = deadlineFields(
          computeDeadline(cal, { unit: c.unit, budget: c.budget, pausedTotal: c.pausedTotal, startedAt: new Date(c.startedAt), warnBefore: c.warnBefore }),
        );
        if (d.dueAt !== c.dueAt || d.warnAt !== c.warnAt || d.provisional !== c.provisional || d.dueDate !== c.dueDate) {
          updates.push({ id: c.id, ...d });
        }
      }
      await repo.updateDeadlines(tx, updates);
      examined += page.length;
      changed += updates.length;
      afterId = page[page.length - 1].id;
    }
    return { examined, changed };
  }

  private async load(tx: Executor, id: number): Promise<repo.SlaClock> {
    const c = await repo.findClock(tx, id, true);
    if (!c) throw SlaErrors.NOT_FOUND();
    return c;
  }

  private keep(c: repo.SlaClock): repo.ClockChange {
    return {
      state: c.state,
      budget: c.budget,
      pausedTotal: c.pausedTotal,
      pauseStartedAt: c.pauseStartedAt,
      dueAt: c.dueAt,
      dueDate: c.dueDate,
      warnAt: c.warnAt,
      provisional: c.provisional,
      stoppedAt: c.stoppedAt,
      overdue: c.overdue,
    };
  }

  private notBefore(at: Date, iso: string): void {
    if (at.getTime() < new Date(iso).getTime()) throw SlaErrors.TIME_ORDER({ vars: { at: iso } });
  }

  private async save(tx: Executor, c: repo.SlaClock, change: repo.ClockChange): Promise<repo.SlaClock> {
    const saved = await repo.updateClock(tx, c.id, c.version, change);
    if (!saved) {
      const now = await repo.findClock(tx, c.id);
      throw CommonErrors.VERSION_CONFLICT({ vars: { current: now?.version ?? '?' } });
    }
    return saved;
  }
}
