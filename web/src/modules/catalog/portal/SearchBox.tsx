import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/index.tsx';

/** The catalog search box: everyday words in, the results page out. */
export function SearchBox({ initial = '', size = 'large', autoFocus = false }: { initial?: string; size?: 'large' | 'middle'; autoFocus?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  return (
    <Input.Search
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onSearch={(q) => {
        const v = q.trim();
        if (v) navigate(`/search?q=${encodeURIComponent(v)}`);
      }}
      placeholder={t('catalog.search.placeholder')}
      enterButton={t('catalog.search.button')}
      size={size}
      maxLength={100}
      allowClear
      autoFocus={autoFocus}
      aria-label={t('catalog.search.placeholder')}
      data-testid="catalog-search"
    />
  );
}
