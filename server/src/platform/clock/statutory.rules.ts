/**
 * The statutory public holidays of a year whose official schedule is not
 * loaded (DOMAIN.md §4; 全国年节及纪念日放假办法, 2025 revision):
 * 元旦 Jan 1; 春节 4 days from lunar New Year's Eve; 清明 1; 劳动节 May 1–2;
 * 端午 (lunar 5/5) 1; 中秋 (lunar 8/15) 1; 国庆 Oct 1–3. No make-up days and
 * no bridging: those come only from the published schedule.
 *
 * Lunar dates come from ICU's Chinese calendar (`Intl.DateTimeFormat`
 * 'zh-CN-u-ca-chinese'). ICU places a month's first day with a coarse new
 * moon; when the new moon falls within minutes of Beijing midnight it can
 * be a day late (ICU 78 puts 正月初一 2027 on Feb 7; the Purple Mountain
 * Observatory's date is Feb 6, the new moon being at 23:56 Beijing time).
 * So each month's first day is re-anchored on the new moon computed with
 * Meeus' algorithm (Astronomical Algorithms ch. 49, accurate to seconds),
 * taking its date in UTC+8. 清明 uses the solar-term formula
 * day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ (Y = year mod 100; C = 5.59 in 1901–1999,
 * 4.81 in 2000–2099).
 */
import { DAY_MS, dayOf, yearOf } from './dates.ts';

export const STATUTORY_MIN_YEAR = 1901;
export const STATUTORY_MAX_YEAR = 2099;

const MONTHS: Record<string, number> = {
  正月: 1, 一月: 1, 二月: 2, 三月: 3, 四月: 4, 五月: 5, 六月: 6,
  七月: 7, 八月: 8, 九月: 9, 十月: 10, 冬月: 11, 十一月: 11, 腊月: 12, 十二月: 12,
};

let formatter: Intl.DateTimeFormat | null = null;

interface LunarParts {
  month: number;
  leap: boolean;
  day: number;
}

/** ICU's lunar month and day of a civil day (read at noon UTC+8). */
function icuLunar(day: number): LunarParts {
  formatter ??= new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
  const parts = formatter.formatToParts(new Date(day * DAY_MS + 4 * 3_600_000));
  let monthName = '';
  let dayNum = 0;
  for (const p of parts) {
    if (p.type === 'month') monthName = p.value;
    else if (p.type === 'day') dayNum = Number.parseInt(p.value, 10);
  }
  const leap = monthName.startsWith('闰');
  const month = MONTHS[leap ? monthName.slice(1) : monthName];
  if (!month || !Number.isFinite(dayNum)) throw new Error(`Unexpected Chinese calendar output: ${parts.map((p) => p.value).join('')}`);
  return { month, leap, day: dayNum };
}

/** ΔT = TT − UT in seconds (Espenak & Meeus polynomials, 1900–2150). */
export function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
}

const RAD = Math.PI / 180;
const sin = (deg: number) => Math.sin((deg % 360) * RAD);

/** Julian Ephemeris Day of the mean-lunation-k new moon, with Meeus' periodic and planetary corrections. */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const jde0 = 2451550.09766 + 29.530588861 * k + 0.00015437 * T ** 2 - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
  const E = 1 - 0.002516 * T - 0.0000074 * T ** 2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T ** 2 - 0.00000011 * T ** 3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T ** 2 + 0.00001238 * T ** 3 - 0.000000058 * T ** 4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T ** 2 - 0.00000227 * T ** 3 + 0.000000011 * T ** 4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T ** 2 + 0.00000215 * T ** 3;
  const periodic =
    -0.4072 * sin(Mp) +
    0.17241 * E * sin(M) +
    0.01608 * sin(2 * Mp) +
    0.01039 * sin(2 * F) +
    0.00739 * E * sin(Mp - M) -
    0.00514 * E * sin(Mp + M) +
    0.00208 * E * E * sin(2 * M) -
    0.00111 * sin(Mp - 2 * F) -
    0.00057 * sin(Mp + 2 * F) +
    0.00056 * E * sin(2 * Mp + M) -
    0.00042 * sin(3 * Mp) +
    0.00042 * E * sin(M + 2 * F) +
    0.00038 * E * sin(M - 2 * F) -
    0.00024 * E * sin(2 * Mp - M) -
    0.00017 * sin(Om) -
    0.00007 * sin(Mp + 2 * M) +
    0.00004 * sin(2 * Mp - 2 * F) +
    0.00004 * sin(3 * M) +
    0.00003 * sin(Mp + M - 2 * F) +
    0.00003 * sin(2 * Mp + 2 * F) -
    0.00003 * sin(Mp + M + 2 * F) +
    0.00003 * sin(Mp - M + 2 * F) -
    0.00002 * sin(Mp - M - 2 * F) -
    0.00002 * sin(3 * Mp + M) +
    0.00002 * sin(4 * Mp);
  const A = [
    [0.000325, 299.77 + 0.107408 * k - 0.009173 * T ** 2],
    [0.000165, 251.88 + 0.016321 * k],
    [0.000164, 251.83 + 26.651886 * k],
    [0.000126, 349.42 + 36.412478 * k],
    [0.00011, 84.66 + 18.206239 * k],
    [0.000062, 141.74 + 53.303771 * k],
    [0.00006, 207.14 + 2.453732 * k],
    [0.000056, 154.84 + 7.30686 * k],
    [0.000047, 34.52 + 27.261239 * k],
    [0.000042, 207.19 + 0.121824 * k],
    [0.00004, 291.34 + 1.844379 * k],
    [0.000037, 161.72 + 24.198154 * k],
    [0.000035, 239.56 + 25.513099 * k],
    [0.000023, 331.55 + 3.592518 * k],
  ];
  let planetary = 0;
  for (const [c, a] of A) planetary += c * sin(a);
  return jde0 + periodic + planetary;
}

const UNIX_EPOCH_JD = 2440587.5;

/**
 * The civil day of the new moon nearest a civil day, in China's calendar
 * time: UTC+8 from 1929, Beijing local mean time (116°25′ E, UTC+7:45:40) before.
 */
export function newMoonDayNear(day: number): number {
  const jd = day + UNIX_EPOCH_JD;
  const k = Math.round((jd - 2451550.09766) / 29.530588861);
  const jde = newMoonJde(k);
  const year = yearOf(day);
  const jdUt = jde - deltaTSeconds(year) / 86400;
  const offsetDays = year < 1929 ? (7 * 3600 + 45 * 60 + 40) / 86400 : 8 / 24;
  return Math.floor(jdUt - UNIX_EPOCH_JD + offsetDays);
}

/**
 * The civil day of a lunar date (non-leap month) that falls inside Gregorian
 * `year`, scanning from `fromDay` to `toDay` for ICU's first of that month.
 */
function lunarDateIn(fromDay: number, toDay: number, month: number, dayOfMonth: number): number {
  // Find a day inside the wanted month (the window ends at least a week after its latest start), then step back to ICU's first day of it.
  for (let d = fromDay; d <= toDay; d += 7) {
    const p = icuLunar(d);
    if (p.month === month && !p.leap) {
      const icuFirst = d - (p.day - 1);
      return newMoonDayNear(icuFirst) + dayOfMonth - 1;
    }
  }
  throw new Error(`Lunar month ${month} not found between day ${fromDay} and ${toDay}`);
}

/** 正月初一 of the lunar year starting in Gregorian `year` (between Jan 21 and Feb 20). */
export function lunarNewYear(year: number): number {
  return lunarDateIn(dayOf(year, 1, 20), dayOf(year, 2, 28), 1, 1);
}

/** 端午: lunar 5/5. */
export function dragonBoatDay(year: number): number {
  return lunarDateIn(dayOf(year, 5, 10), dayOf(year, 7, 10), 5, 5);
}

/** 中秋: lunar 8/15. */
export function midAutumnDay(year: number): number {
  return lunarDateIn(dayOf(year, 8, 20), dayOf(year, 10, 20), 8, 15);
}

/** 清明 by the solar-term formula. */
export function qingmingDay(year: number): number {
  const y = year % 100;
  const c = year < 2000 ? 5.59 : 4.81;
  const day = Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
  return dayOf(year, 4, day);
}

export interface StatutoryHoliday {
  day: number;
  name: string;
}

const cache = new Map<number, StatutoryHoliday[]>();

/** The statutory days off of a year, ordered by date (13 days; 春节 may start in the previous lunar year's last days). */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (year < STATUTORY_MIN_YEAR || year > STATUTORY_MAX_YEAR) throw new RangeError(`Year ${year} is outside ${STATUTORY_MIN_YEAR}–${STATUTORY_MAX_YEAR}`);
  const hit = cache.get(year);
  if (hit) return hit;
  const eve = lunarNewYear(year) - 1;
  const list: StatutoryHoliday[] = [
    { day: dayOf(year, 1, 1), name: '元旦' },
    ...[0, 1, 2, 3].map((i) => ({ day: eve + i, name: '春节' })),
    { day: qingmingDay(year), name: '清明节' },
    { day: dayOf(year, 5, 1), name: '劳动节' },
    { day: dayOf(year, 5, 2), name: '劳动节' },
    { day: dragonBoatDay(year), name: '端午节' },
    { day: midAutumnDay(year), name: '中秋节' },
    { day: dayOf(year, 10, 1), name: '国庆节' },
    { day: dayOf(year, 10, 2), name: '国庆节' },
    { day: dayOf(year, 10, 3), name: '国庆节' },
  ];
  // 中秋 can fall on Oct 1–3 (as in 2020 and 2025): one day off, both names.
  const byDay = new Map<number, string>();
  for (const h of list) byDay.set(h.day, byDay.has(h.day) && byDay.get(h.day) !== h.name ? `${byDay.get(h.day)}、${h.name}` : h.name);
  const out = [...byDay].map(([day, name]) => ({ day, name })).sort((a, b) => a.day - b.day);
  cache.set(year, out);
  return out;
}
