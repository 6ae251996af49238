import { useState } from 'react';
import { Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n/index.tsx';
import { errorText } from '../../app/errors.ts';
import { casesApi } from './cases.api.ts';

/**
 * Photos for a report or an action: each picture is uploaded at once
 * (staff: POST /api/files; the public: the report's photo endpoint) and the
 * form keeps the file ids. On phones the camera is offered.
 */
export function PhotoUpload({
  value,
  onChange,
  publicUpload,
  max = 9,
  testId,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  publicUpload?: boolean;
  max?: number;
  testId?: string;
}) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const ids = value ?? [];

  const sync = (list: UploadFile[]) => {
    setFiles(list);
    onChange?.(list.filter((f) => f.status === 'done' && typeof f.response?.id === 'string').map((f) => f.response.id as string));
  };

  return (
    <div data-testid={testId} data-count={ids.length}>
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        multiple
        fileList={files}
        maxCount={max}
        customRequest={({ file, onSuccess, onError }) => {
          (publicUpload ? casesApi.uploadPublicPhoto : casesApi.uploadPhoto)(file as File).then(
            (res) => onSuccess?.(res),
            (e: unknown) => onError?.(Object.assign(new Error(errorText(e, t)), { status: 400 })),
          );
        }}
        onChange={({ fileList }) => sync(fileList.map((f) => (f.status === 'error' ? { ...f, response: f.error?.message ?? f.response } : f)))}
        onPreview={(f) => {
          const url = f.thumbUrl ?? f.url;
          if (url) window.open(url, '_blank', 'noopener');
        }}
      >
        {files.length < max && (
          <div>
            <CameraOutlined style={{ fontSize: 20 }} />
            <div style={{ marginTop: 6, fontSize: 12 }}>{t('cases.photos.add')}</div>
          </div>
        )}
      </Upload>
    </div>
  );
}
