import type { MessageKey } from '../../i18n/index.tsx';

/** Public tools of the portal and the API operations each needs. */
export interface PortalTool {
  path: string;
  nav: MessageKey;
  title: MessageKey;
  text: MessageKey;
  requires: string[];
}

export const PORTAL_TOOLS: PortalTool[] = [
  {
    path: '/tools/working-days',
    nav: 'portal.nav.workingDays',
    title: 'portal.tool.workingDays',
    text: 'portal.tool.workingDaysText',
    requires: ['GET /api/calendar/working-days'],
  },
  {
    path: '/tools/identifier',
    nav: 'portal.nav.identifier',
    title: 'portal.tool.identifier',
    text: 'portal.tool.identifierText',
    requires: ['GET /api/validate/uscc', 'GET /api/validate/resident-id'],
  },
  {
    path: '/report',
    nav: 'cases.public.nav',
    title: 'cases.public.title',
    text: 'cases.public.toolText',
    requires: ['POST /api/cases/reports/public', 'GET /api/cases/categories', 'GET /api/public/grids/geojson'],
  },
  {
    path: '/verify',
    nav: 'licenses.nav.verify',
    title: 'licenses.tool.title',
    text: 'licenses.tool.text',
    requires: ['GET /api/licenses/verify/:licenceNo', 'POST /api/licenses/verify'],
  },
];
