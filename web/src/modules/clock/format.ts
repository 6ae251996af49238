import dayjs from 'dayjs';
import type { Lang } from '../../app/i18n/index.tsx';

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** "2026年10月22日 星期四" / "Thu, 22 Oct 2026" for a YYYY-MM-DD date. */
export function formatDate(iso: string, lang: Lang): string {
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return lang === 'en' ? d.locale('en').format('ddd, D MMM YYYY') : `${d.format('YYYY年M月D日')} ${WEEKDAYS_ZH[d.day()]}`;
}
