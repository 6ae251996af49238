import { useState } from 'react';
import { Alert, App, Col, Form, InputNumber, Modal, Row } from 'antd';
import { applyFormErrors } from '../../app/errors.ts';
import { useI18n, type MessageKey } from '../../app/i18n/index.tsx';
import { updateStaffing } from './org.api.ts';
import type { Staffing, StaffingUpdate } from './org.types.ts';

type Values = Omit<StaffingUpdate, 'version'>;

const FIELDS: { name: keyof Values; label: MessageKey }[] = [
  { name: 'quota', label: 'staffing.quota' },
  { name: 'actual', label: 'staffing.actual' },
  { name: 'leaderQuota', label: 'staffing.leaderQuota' },
  { name: 'leaderActual', label: 'staffing.leaderActual' },
  { name: 'internalUnits', label: 'staffing.internalUnits' },
];

/** PUT /api/orgs/:id/staffing with the version read; a conflict asks to reload. */
export function StaffingEditModal({ orgId, staffing, onClose, onSaved }: { orgId: number; staffing: Staffing; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await updateStaffing(orgId, { ...v, version: staffing.version });
      message.success(t('staffing.saved'));
      onSaved();
    } catch (e) {
      setError(
        applyFormErrors(
          form,
          e,
          FIELDS.map((f) => f.name),
          t,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('staffing.edit')} onCancel={onClose} onOk={() => void save().catch(() => undefined)} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" initialValues={staffing} requiredMark={false}>
        <Row gutter={16}>
          {FIELDS.map((f) => (
            <Col xs={24} sm={12} key={f.name}>
              <Form.Item name={f.name} label={t(f.label)} rules={[{ required: true, message: t('staffing.required') }]}>
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
