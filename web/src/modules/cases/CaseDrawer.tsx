import { Drawer, Grid } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { CaseView } from './CaseView.tsx';

/** A case opened beside its list; the list reloads after an action. */
export function CaseDrawer({ id, onClose, onChanged }: { id: number | null; onClose(): void; onChanged(): void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer open={id !== null} onClose={onClose} size={screens.md ? 760 : '100%'} title={t('cases.detail.title')} destroyOnHidden styles={{ body: { background: '#f5f7fa', padding: 12 } }} data-testid="case-drawer">
      {id !== null && <CaseView id={id} onChanged={onChanged} showLink />}
    </Drawer>
  );
}
