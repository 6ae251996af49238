import { useMemo } from 'react';
import { Select } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import type { Category } from './cases.api.ts';

/** Categories grouped by kind and class, searchable by name, class or code. */
export function CategorySelect({ categories, value, onChange, testId, loading }: { categories: Category[]; value?: string; onChange?: (code: string) => void; testId?: string; loading?: boolean }) {
  const { t } = useI18n();
  const options = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string; search: string }[] }>();
    for (const k of categories) {
      const key = `${k.kind}:${k.className}`;
      if (!groups.has(key)) groups.set(key, { label: `${t(`cases.kind.${k.kind}` as 'cases.kind.event')} · ${k.className}`, options: [] });
      groups.get(key)!.options.push({ value: k.code, label: k.name, search: `${k.name} ${k.className} ${k.code}` });
    }
    return [...groups.values()];
  }, [categories, t]);
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      showSearch={{ filterOption: (input, o) => !!o && 'search' in o && String(o.search).includes(input.trim()) }}
      placeholder={t('cases.report.categoryPlaceholder')}
      data-testid={testId}
      listHeight={320}
    />
  );
}
