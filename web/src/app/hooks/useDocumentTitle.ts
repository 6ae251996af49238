import { useEffect } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** Sets the tab title: "组织机构 · 工作台 · 通办". */
export function useDocumentTitle(parts: string[]) {
  const { t } = useI18n();
  const title = [...parts, t('brand.name')].filter(Boolean).join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
