import { useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n/index.tsx';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { NotFoundPage } from '../../app/components/NotFoundPage.tsx';
import { CaseView } from './CaseView.tsx';

/** 案件详情: the full trace of one case and the actions I may take. */
export function CaseDetailPage() {
  const { t } = useI18n();
  useDocumentTitle([t('cases.detail.title')]);
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return (
    <div style={{ maxWidth: 1080, margin: '0 auto' }}>
      <PageHeader title={t('cases.detail.title')} />
      <CaseView id={id} />
    </div>
  );
}
