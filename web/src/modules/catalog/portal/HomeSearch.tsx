import '../catalog.css';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/index.tsx';
import { SearchBox } from './SearchBox.tsx';

/** Everyday phrases people type, shown under the search box as examples. */
const HOT = ['开饭店', '办营业执照', '公积金', '盖厂房', '社保卡', '新生儿落户'];

/** The prominent search on the portal home: one box for "what do I want to do". */
export function HomeSearch() {
  const { t } = useI18n();
  return (
    <div style={{ maxWidth: 720, marginTop: 24 }} className="tb-search-hero tb-search-home" data-testid="home-search">
      <SearchBox />
      <Flex wrap gap={8} align="center" style={{ marginTop: 12 }}>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', fontSize: 13 }}>{t('catalog.search.hot')}</Typography.Text>
        {HOT.map((w) => (
          <Link key={w} to={`/search?q=${encodeURIComponent(w)}`} style={{ color: '#fff', fontSize: 13, border: '1px solid rgba(255,255,255,0.35)', borderRadius: 12, padding: '1px 10px' }}>
            {w}
          </Link>
        ))}
      </Flex>
    </div>
  );
}
