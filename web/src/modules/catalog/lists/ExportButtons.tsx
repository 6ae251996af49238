import { Button, Space } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useCapabilities } from '../../../app/capabilities.tsx';
import { useI18n } from '../../../app/i18n/index.tsx';
import { exportUrl } from '../catalog.api.ts';
import type { ItemFilter } from './ItemFilterBar.tsx';

/** Download the list as Excel or CSV with the filters in force (columns re-import unchanged). */
export function ExportButtons({ filter }: { filter: ItemFilter }) {
  const { t } = useI18n();
  const { has } = useCapabilities();
  const xlsx = has('GET /api/catalog/export.xlsx');
  const csv = has('GET /api/catalog/export.csv');
  if (!xlsx && !csv) return null;
  return (
    <Space wrap>
      {xlsx && (
        <Button href={exportUrl('xlsx', filter)} icon={<FileExcelOutlined />} data-testid="export-xlsx">
          {t('catalog.export.xlsx')}
        </Button>
      )}
      {csv && (
        <Button href={exportUrl('csv', filter)} icon={<FileTextOutlined />} data-testid="export-csv">
          {t('catalog.export.csv')}
        </Button>
      )}
    </Space>
  );
}
