/** `tongban calendar load FILE` and `tongban calendar show YEAR`. */
import fs from 'node:fs';
import { isDomainError } from '../errors/index.ts';
import type { AuditWho } from '../audit/index.ts';
import { MAX_YEAR, MIN_YEAR, type Calendar, type DayInfo } from './calendar.rules.ts';
import type { CalendarService, LoadYearResult, YearStatus } from './calendar.service.ts';

const KIND_ZH = { workday: '工作日', weekend: '周末', holiday: '休', makeup: '班' } as const;
const WEEK_HEADER = ' 一   二   三   四   五   六   日';

/** One month as a grid, Monday first: 休 marks a day off by the schedule, 班 a make-up working day. */
function monthGrid(days: DayInfo[]): string[] {
  const [y, m] = days[0].date.split('-');
  const lines = [`${y}年${Number(m)}月`, WEEK_HEADER];
  let line = '';
  const lead = (days[0].weekday + 6) % 7;
  line += '     '.repeat(lead);
  for (const d of days) {
    const mark = d.kind === 'holiday' ? '休' : d.kind === 'makeup' ? '班' : '  ';
    line += `${String(Number(d.date.slice(8))).padStart(2)}${mark} `;
    if (d.weekday === 0) {
      lines.push(line.trimEnd());
      line = '';
    }
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** Consecutive days of the same kind and name as ranges: "春节 2027-02-05 – 2027-02-08（4 天）". */
function ranges(days: DayInfo[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    const dayNum = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
    while (j + 1 < days.length && days[j + 1].name === days[i].name && dayNum(days[j + 1].date) === dayNum(days[j].date) + 1) j++;
    const n = j - i + 1;
    out.push(`  ${days[i].name ?? ''} ${days[i].date}${n > 1 ? ` – ${days[j].date}（${n} 天 days）` : ''}`);
    i = j + 1;
  }
  return out;
}

/** The text of `calendar show YEAR`: status, month grids, days off and make-up working days. */
export function renderYear(cal: Calendar, status: YearStatus): string {
  const days = cal.daysOfYear(status.year);
  const out: string[] = [];
  out.push(`${status.year} 年工作日历 Working-day calendar ${status.year}`);
  out.push(
    status.loaded
      ? `已加载官方放假安排 official schedule loaded (${status.source}, ${status.loadedAt}, ${status.dayCount} listed days)`
      : '未加载官方放假安排：按周末及法定节假日推算，计算结果为临时（provisional）\n' +
          'No official schedule loaded: weekends plus statutory holidays; results are PROVISIONAL',
  );
  for (const p of status.papers) out.push(`  ${p}`);
  out.push(`工作日 working days: ${cal.workingDaysInYear(status.year)}`, '');
  for (let m = 1; m <= 12; m++) {
    const month = days.filter((d) => Number(d.date.slice(5, 7)) === m);
    out.push(...monthGrid(month), '');
  }
  out.push('休 = 放假 day off（节假日）   班 = 调休上班 make-up working day', '');
  out.push('放假 Days off:', ...ranges(days.filter((d) => d.kind === 'holiday')));
  const makeup = days.filter((d) => d.kind === 'makeup');
  out.push('调休上班 Make-up working days:', ...(makeup.length ? makeup.map((d) => `  ${d.date} 星期${'日一二三四五六'[d.weekday]}（${d.name}）`) : ['  无 none']));
  return out.join('\n');
}

/** The text of `calendar load`: what changed and how many deadlines were recomputed. */
export function renderLoad(r: LoadYearResult): string {
  const out = [
    `${r.created ? '已加载' : '已替换'} ${r.year} 年放假安排 ${r.created ? 'loaded' : 'replaced'} the ${r.year} schedule: ${r.dayCount} listed days`,
  ];
  if (r.changes.length === 0) out.push('日历无变化 no day changed');
  else {
    out.push(`变化的日期 days changed (${r.changes.length}):`);
    for (const c of r.changes) {
      const label = (x: { kind: keyof typeof KIND_ZH; name: string | null }) => `${KIND_ZH[x.kind]}${x.name ? `（${x.name}）` : ''}`;
      out.push(`  ${c.date}  ${label(c.before)} → ${label(c.after)}`);
    }
  }
  out.push(`重新计算的期限 deadlines recomputed: ${r.recomputed.changed} changed of ${r.recomputed.examined} examined`);
  return out.join('\n');
}

/** Runs `calendar <sub> …`; returns the exit code. */
export async function calendarCommand(calendar: CalendarService, sub: string | undefined, args: string[]): Promise<number | null> {
  try {
    if (sub === 'load' && args[0]) {
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(args[0], 'utf8'));
      } catch (e) {
        console.error(`无法读取文件 cannot read ${args[0]}: ${(e as Error).message}`);
        return 1;
      }
      const who: AuditWho = { actor: { id: 0, username: 'cli' } };
      console.log(renderLoad(await calendar.loadYear(calendar.db, json, who, 'cli')));
      return 0;
    }
    if (sub === 'show' && args[0]) {
      const year = Number(args[0]);
      if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
        console.error(`年份须在 ${MIN_YEAR}–${MAX_YEAR} 之间 year must be within ${MIN_YEAR}–${MAX_YEAR}`);
        return 2;
      }
      console.log(renderYear(calendar.calendar, calendar.yearStatus(year)));
      return 0;
    }
    return null;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    console.error(`${e.zh} ${e.en}`);
    for (const f of e.fields) console.error(`  ${f.field}: ${f.message}${f.messageEn && f.messageEn !== f.message ? ` / ${f.messageEn}` : ''}`);
    return 1;
  }
}
