/** Office hours: the windows of a working day during which working hours run (China time). */
export interface OfficeWindow {
  /** Minutes after midnight. */
  start: number;
  end: number;
}

export interface OfficeHours {
  windows: OfficeWindow[];
  /** Milliseconds of office time in one working day. */
  dayMs: number;
  text: string;
}

export const DEFAULT_OFFICE_HOURS = '09:00-12:00,13:30-17:30';

function minutes(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (mi > 59 || h > 24 || (h === 24 && mi > 0)) return null;
  return h * 60 + mi;
}

/** Parses "HH:MM-HH:MM,HH:MM-HH:MM": windows in order, not overlapping, each non-empty. Throws on a bad value. */
export function parseOfficeHours(text: string = DEFAULT_OFFICE_HOURS): OfficeHours {
  const windows: OfficeWindow[] = [];
  for (const part of text.split(',')) {
    const [a, b, extra] = part.trim().split('-');
    const start = a === undefined ? null : minutes(a);
    const end = b === undefined ? null : minutes(b);
    if (start === null || end === null || extra !== undefined || end <= start) {
      throw new RangeError(`办公时间格式错误 Invalid office hours "${text}": expected HH:MM-HH:MM[,HH:MM-HH:MM…] with each window ending after it starts`);
    }
    const prev = windows[windows.length - 1];
    if (prev && start < prev.end) throw new RangeError(`办公时间段重叠或乱序 Office hours "${text}" overlap or are out of order`);
    windows.push({ start, end });
  }
  const dayMs = windows.reduce((s, w) => s + (w.end - w.start) * 60_000, 0);
  return { windows, dayMs, text };
}
