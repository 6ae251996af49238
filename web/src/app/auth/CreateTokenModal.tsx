import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { applyFormErrors } from '../errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { createToken } from './tokens.api.ts';
import type { CreatedToken } from './types.ts';

interface Values {
  name: string;
  expiresInDays: number | 'never';
}

const FIELDS = ['name', 'expiresInDays'] as const;

export function CreateTokenModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(token: CreatedToken): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const created = await createToken(v.name.trim(), v.expiresInDays === 'never' ? null : v.expiresInDays);
      form.resetFields();
      onCreated(created);
    } catch (e) {
      setError(applyFormErrors(form, e, FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('tokens.create')}
      okText={t('tokens.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ expiresInDays: 365 }} requiredMark={false} preserve={false}>
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]} extra={t('tokens.nameHelp')}>
          <Input maxLength={100} data-testid="token-name" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.validity')}>
          <Select
            options={[
              { value: 30, label: t('tokens.days', { n: 30 }) },
              { value: 90, label: t('tokens.days', { n: 90 }) },
              { value: 365, label: t('tokens.days', { n: 365 }) },
              { value: 'never', label: t('tokens.never') },
            ]}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
