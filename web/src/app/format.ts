import dayjs from 'dayjs';

/** An instant in local time, "2026-11-22 23:31". */
export const formatInstant = (iso: string) => {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
};

/** Masks the middle of an identifier: 3202**********1234. */
export function maskIdentifier(value: string, head = 4, tail = 4): string {
  if (value.length <= head + tail) return value;
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(-tail);
}
