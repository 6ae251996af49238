import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n/index.tsx';
import type { ImportSummary } from '../catalog.types.ts';

/** previewed (with or without errors), committed or discarded. */
export function ImportStateTag({ batch }: { batch: ImportSummary }) {
  const { t } = useI18n();
  if (batch.state === 'committed') return <Tag color="success">{t('catalog.import.committed')}</Tag>;
  if (batch.state === 'discarded') return <Tag>{t('catalog.import.discarded')}</Tag>;
  return batch.errorCount > 0 ? <Tag color="error">{t('catalog.import.hasErrors')}</Tag> : <Tag color="processing">{t('catalog.import.previewed')}</Tag>;
}
