import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFormErrors } from '../../../app/errors.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import type { ActionInput, AdjustmentDetail } from '../catalog.types.ts';

type Action = AdjustmentDetail['actions'][number];
interface Values {
  reason?: string;
  note?: string;
  approvalDocNo?: string;
  effectiveDate?: Dayjs;
}

/** Asks for what an action needs (a reason; the approval document number and effective date) and an optional note. */
export function ActionModal({ action, onCancel, onConfirm }: { action: Action; onCancel(): void; onConfirm(input: Omit<ActionInput, 'version'>): Promise<void> }) {
  const { t } = useI18n();
  const bi = useBilingual();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needs = (f: string) => action.requires.includes(f);
  const required = [{ required: true, whitespace: true, message: t('catalog.editor.required') }];

  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onConfirm({
        reason: v.reason?.trim() || undefined,
        note: v.note?.trim() || undefined,
        approvalDocNo: v.approvalDocNo?.trim() || undefined,
        effectiveDate: v.effectiveDate ? v.effectiveDate.format('YYYY-MM-DD') : undefined,
      });
    } catch (e) {
      setError(applyFormErrors(form, e, ['reason', 'note', 'approvalDocNo', 'effectiveDate'], t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={bi(action.label.zh, action.label.en)}
      onCancel={onCancel}
      onOk={() => void ok().catch(() => undefined)}
      confirmLoading={busy}
      okText={t('catalog.adj.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'action-confirm' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ effectiveDate: needs('effectiveDate') ? dayjs() : undefined }}>
        {needs('approvalDocNo') && (
          <Form.Item name="approvalDocNo" label={t('catalog.version.approvalDocNo')} rules={required} extra={t('catalog.adj.docNoHelp')}>
            <Input maxLength={100} placeholder="澄政发〔2026〕12号" data-testid="action-docno" />
          </Form.Item>
        )}
        {needs('effectiveDate') && (
          <Form.Item name="effectiveDate" label={t('catalog.version.effectiveDate')} rules={[{ required: true, message: t('catalog.editor.required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="action-date" />
          </Form.Item>
        )}
        {needs('reason') ? (
          <Form.Item name="reason" label={t('catalog.adj.actionReason')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="action-reason" />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('catalog.adj.note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="action-note" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
