import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCapabilities } from '../../../app/capabilities.tsx';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';

/** The published lists of the portal and the API operations each needs. */
export const PUBLIC_LISTS: { path: string; label: MessageKey; requires: string[] }[] = [
  { path: '/lists/power', label: 'catalog.nav.powerList', requires: ['GET /api/catalog/items'] },
  { path: '/lists/devolutions', label: 'catalog.nav.devolutions', requires: ['GET /api/catalog/devolutions'] },
  { path: '/lists/proofs', label: 'catalog.nav.proofs', requires: ['GET /api/catalog/proofs'] },
  { path: '/lists/commitment', label: 'catalog.nav.commitment', requires: ['GET /api/catalog/lists/commitment'] },
  { path: '/lists/deferrable', label: 'catalog.nav.deferrable', requires: ['GET /api/catalog/lists/deferrable'] },
];

/** Tabs between the published lists. */
export function ListsNav() {
  const { t } = useI18n();
  const { has } = useCapabilities();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const lists = PUBLIC_LISTS.filter((l) => l.requires.every(has));
  return (
    <Tabs
      activeKey={lists.find((l) => pathname.startsWith(l.path))?.path}
      onChange={(k) => navigate(k)}
      items={lists.map((l) => ({ key: l.path, label: t(l.label) }))}
      style={{ marginBottom: 8 }}
    />
  );
}
