/** The UI language: Chinese first, English on request. Saved in localStorage and in the `tb_lang` cookie the server reads. */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'tb_lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // storage unavailable (private mode): fall back to Chinese
  }
  return 'zh';
}

export function persistLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage unavailable: the cookie still carries the choice for this session
  }
  document.cookie = `${STORAGE_KEY}=${lang}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

/** Value for the Accept-Language header. */
export const acceptLanguage = (lang: Lang) => (lang === 'en' ? 'en' : 'zh-CN');
