import { useRef, useState } from 'react';
import { App, Button, Select, Space } from 'antd';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n/index.tsx';
import { errorText } from '../../../app/errors.ts';
import { reuseMaterial, uploadMaterial } from '../services.api.ts';
import type { Material, MyLicence } from '../services.types.ts';

/** Upload a file for a material, or use one of my valid e-licences where the guide allows it (电子证照复用). */
export function MaterialActions({ applicationId, m, licences, onChanged }: { applicationId: number; m: Material; licences: MyLicence[]; onChanged(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const usable = m.licenseType ? licences.filter((l) => l.type === m.licenseType && (l.state ?? 'valid') === 'valid') : [];

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      onChanged();
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={6} wrap>
      <input
        ref={input}
        type="file"
        hidden
        accept=".pdf,.jpg,.jpeg,.png,.ofd,.doc,.docx,.xls,.xlsx"
        data-testid={`material-file-${m.key}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void run(() => uploadMaterial(applicationId, m.key, file));
        }}
      />
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid={`material-upload-${m.key}`}>
        {m.status === 'missing' ? t('svc.material.upload') : t('svc.material.replace')}
      </Button>
      {usable.length > 0 && (
        <Select
          size="small"
          style={{ minWidth: 180 }}
          placeholder={
            <Space size={4}>
              <SafetyCertificateOutlined />
              {t('svc.material.reuseLicence')}
            </Space>
          }
          disabled={busy}
          value={m.reusedLicence?.id}
          options={usable.map((l) => ({ value: l.id, label: `${l.type ?? ''} …${String(l.licenceNo).slice(-10)}` }))}
          onChange={(licenceId: string) => void run(() => reuseMaterial(applicationId, m.key, { licenceId }))}
          data-testid={`material-reuse-${m.key}`}
        />
      )}
    </Space>
  );
}
