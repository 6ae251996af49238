import type { MessageKey } from '../../i18n/index.tsx';
import { PUBLIC_LISTS } from '../../../modules/catalog/lists/ListsNav.tsx';

/** Portal sections backed by the catalog, shown when the server offers the endpoints behind them. */
export interface PortalSectionNav {
  path: string;
  nav: MessageKey;
  requires: string[];
  children?: { path: string; label: MessageKey; requires: string[] }[];
}

export const PORTAL_SECTIONS: PortalSectionNav[] = [
  { path: '/services', nav: 'catalog.nav.services', requires: ['GET /api/catalog/items', 'GET /api/catalog/items/:id'] },
  { path: '/bundles', nav: 'catalog.nav.bundles', requires: ['GET /api/catalog/bundles', 'GET /api/catalog/bundles/:code'] },
  { path: '/lists', nav: 'catalog.nav.lists', requires: ['GET /api/catalog/items'], children: PUBLIC_LISTS },
  { path: '/ratings', nav: 'rating.nav.stats', requires: ['GET /api/ratings/stats'] },
];
