import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLanguage } from '../api.ts';
import { en } from './en.ts';
import { initialLang, persistLang, type Lang } from './lang.ts';
import { zh, type MessageKey } from './zh.ts';

export type { Lang } from './lang.ts';
export type { MessageKey } from './zh.ts';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function apply(lang: Lang) {
  setApiLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = (lang === 'en' ? en : zh)[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : text;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    persistLang(l);
    apply(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    persistLang(l);
    apply(l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Picks the label in the UI language from a zh/en pair sent by the server. */
export function useBilingual() {
  const { lang } = useI18n();
  return (zhText: string, enText?: string | null) => (lang === 'en' && enText ? enText : zhText);
}
