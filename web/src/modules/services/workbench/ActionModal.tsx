/**
 * One staff action on an application as a form: the fields each action's
 * route takes, the version read (optimistic locking), an Idempotency-Key, and
 * the server's field errors shown on the fields they name.
 */
import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyFormErrors } from '../../../app/errors.ts';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';
import { act, newIdempotencyKey } from '../services.api.ts';
import type { ApplicationDetail } from '../services.types.ts';
import { actionName } from '../ApplicationParts.tsx';

export interface ActionContext {
  /** Materials still missing (from the pre-check). */
  missing: { key: string; name: string; deferrable: boolean }[];
  /** Special procedures of the guide. */
  procedures: { name: string; counted?: boolean; days?: number }[];
  /** Departments that may be asked to countersign. */
  orgs: { id: number; name: string }[];
}

/** Actions that may be back-dated (paper received earlier at the window). */
const BACKDATED = new Set(['accept', 'requestCorrection', 'receiveCorrection', 'acceptDeferred', 'acceptCommitment', 'refuse', 'startSpecial', 'endSpecial', 'decide', 'approveExtension']);

const HELP: Partial<Record<string, MessageKey>> = {
  accept: 'svc.act.acceptHelp',
  requestCorrection: 'svc.act.correctionHelp',
  receiveCorrection: 'svc.act.receiveHelp',
  acceptDeferred: 'svc.act.deferredHelp',
  acceptCommitment: 'svc.act.commitmentHelp',
  refuse: 'svc.act.refuseHelp',
  requestExtension: 'svc.act.extensionHelp',
  startSpecial: 'svc.act.specialHelp',
  decide: 'svc.act.decideHelp',
};

type Values = Record<string, unknown> & { at?: Dayjs; deferredUntil?: Dayjs; missingKeys?: string[]; reasons?: Record<string, string> };

function bodyOf(action: string, v: Values, a: ApplicationDetail): Record<string, unknown> {
  const at = v.at ? { at: v.at.toISOString() } : {};
  const version = { version: a.version };
  switch (action) {
    case 'accept':
    case 'receiveCorrection':
      return { ...version, ...at };
    case 'requestCorrection':
      return { ...version, ...at, missing: (v.missingKeys ?? []).map((key) => ({ key, ...(v.reasons?.[key] ? { reason: v.reasons[key] } : {}) })) };
    case 'acceptDeferred':
      return { ...version, ...at, deferred: v.deferred ?? [], deferredUntil: v.deferredUntil?.format('YYYY-MM-DD') };
    case 'acceptCommitment':
      return { ...version, ...at, commitments: v.commitments };
    case 'refuse':
      return { ...version, ...at, reason: v.reason, legalBasis: v.legalBasis };
    case 'advance':
      return { ...version, opinion: v.opinion || undefined };
    case 'returnStep':
      return { ...version, toStep: v.toStep, reason: v.reason };
    case 'requestCountersign':
      return { ...version, orgIds: v.orgIds ?? [], question: v.question };
    case 'startSpecial':
      return { ...version, ...at, procedure: v.procedure, expectedDays: v.expectedDays };
    case 'endSpecial':
      return { ...version, ...at, result: v.result || undefined };
    case 'requestExtension':
      return { ...version, reason: v.reason };
    case 'decide':
      return { ...version, ...at, approve: v.approve === true, reason: v.reason, legalBasis: v.legalBasis || undefined };
    case 'approveExtension':
      return { ...version, ...at, approve: true, reason: v.reason || undefined };
    case 'rejectExtension':
      return { ...version, approve: false, reason: v.reason };
    default:
      return version;
  }
}

export interface ActionModalProps {
  action: string | null;
  app: ApplicationDetail;
  ctx: ActionContext;
  onClose(): void;
  onDone(a: ApplicationDetail): void;
}

/** Mounts a fresh dialog (its own form, initial values and Idempotency-Key) each time an action is opened. */
export function ActionModal(props: ActionModalProps) {
  if (!props.action) return null;
  return <ActionDialog key={props.action} {...props} action={props.action} />;
}

function initialValues(action: string, ctx: ActionContext): Partial<Values> {
  if (action === 'requestCorrection') return { missingKeys: ctx.missing.map((m) => m.key) };
  if (action === 'acceptDeferred') return { deferred: ctx.missing.filter((m) => m.deferrable).map((m) => m.key) };
  if (action === 'decide') return { approve: true };
  return {};
}

function ActionDialog({ action, app, ctx, onClose, onDone }: ActionModalProps & { action: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [initial] = useState(() => initialValues(action, ctx));

  const ok = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const done = await act(app.id, action, bodyOf(action, values, app), key);
      onDone(done);
    } catch (e) {
      // field names on this form match the body's, so the server's errors land on them
      const names = ['at', 'missing', 'deferred', 'deferredUntil', 'commitments', 'reason', 'legalBasis', 'opinion', 'toStep', 'orgIds', 'question', 'procedure', 'expectedDays', 'result', 'approve'];
      setError(applyFormErrors(form, e, names, t));
      setKey(newIdempotencyKey());
    } finally {
      setBusy(false);
    }
  };

  const steps = app.step?.steps ?? [];
  const earlier = steps.slice(0, app.step?.index ?? 0);
  const reasonRequired = action !== 'approveExtension';

  return (
    <Modal
      open
      title={actionName(action, t)}
      onCancel={onClose}
      onOk={() => void ok()}
      okText={actionName(action, t)}
      okButtonProps={{ loading: busy, ...({ 'data-testid': 'action-ok' } as Record<string, string>) }}
      destroyOnHidden
      width={640}
    >
      {HELP[action] && <Typography.Paragraph type="secondary">{t(HELP[action])}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={initial} data-testid={`action-form-${action}`}>
        {action === 'requestCorrection' && (
          <>
            <Form.Item name="missingKeys" label={t('svc.act.missingList')} rules={[{ required: true, type: 'array', min: 1, message: t('svc.act.missingRequired') }]}>
              <Checkbox.Group style={{ width: '100%' }}>
                <Space orientation="vertical">
                  {app.materials.map((m) => (
                    <Checkbox key={m.key} value={m.key} data-testid={`correction-${m.key}`}>
                      {m.name}
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            </Form.Item>
            <Form.Item name="missing" hidden>
              <Input />
            </Form.Item>
          </>
        )}
        {action === 'acceptDeferred' && (
          <>
            <Form.Item name="deferred" label={t('svc.act.deferredList')} rules={[{ required: true, type: 'array', min: 1, message: t('svc.act.missingRequired') }]}>
              <Checkbox.Group options={app.materials.filter((m) => m.deferrable).map((m) => ({ value: m.key, label: m.name }))} />
            </Form.Item>
            <Form.Item name="deferredUntil" label={t('svc.act.deferredUntil')} rules={[{ required: true, message: t('svc.act.dateRequired') }]}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </>
        )}
        {action === 'acceptCommitment' && (
          <Form.Item name="commitments" label={t('svc.act.commitments')} rules={[{ required: true, min: 2, message: t('svc.act.textRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'returnStep' && (
          <Form.Item name="toStep" label={t('svc.act.toStep')} rules={[{ required: true, message: t('svc.act.stepRequired') }]}>
            <Select options={earlier.map((s, i) => ({ value: i, label: `${i + 1}. ${s.name}` }))} />
          </Form.Item>
        )}
        {action === 'requestCountersign' && (
          <>
            <Form.Item name="orgIds" label={t('svc.act.orgs')} rules={[{ required: true, type: 'array', min: 1, message: t('svc.act.orgsRequired') }]}>
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={ctx.orgs.map((o) => ({ value: o.id, label: o.name }))} data-testid="countersign-orgs" />
            </Form.Item>
            <Form.Item name="question" label={t('svc.act.question')} rules={[{ required: true, min: 2, message: t('svc.act.textRequired') }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {action === 'startSpecial' && (
          <>
            <Form.Item name="procedure" label={t('svc.act.procedure')} rules={[{ required: true, message: t('svc.act.procedureRequired') }]}>
              <Select
                options={ctx.procedures.map((p) => ({ value: p.name, label: `${p.name}${p.counted ? '' : `（${t('svc.act.notCounted')}）`}` }))}
                onChange={(name: string) => {
                  const p = ctx.procedures.find((x) => x.name === name);
                  if (p?.days) form.setFieldsValue({ expectedDays: p.days });
                }}
              />
            </Form.Item>
            <Form.Item name="expectedDays" label={t('svc.act.expectedDays')} rules={[{ required: true, message: t('svc.act.daysRequired') }]}>
              <InputNumber min={1} max={3650} />
            </Form.Item>
          </>
        )}
        {action === 'endSpecial' && (
          <Form.Item name="result" label={t('svc.act.result')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'advance' && (
          <Form.Item name="opinion" label={t('svc.act.opinion')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-opinion" />
          </Form.Item>
        )}
        {action === 'decide' && (
          <Form.Item name="approve" label={t('svc.act.outcome')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('svc.act.approve') },
                { value: false, label: t('svc.act.deny') },
              ]}
              data-testid="decide-outcome"
            />
          </Form.Item>
        )}
        {['refuse', 'returnStep', 'requestExtension', 'decide', 'approveExtension', 'rejectExtension'].includes(action) && (
          <Form.Item name="reason" label={t('svc.act.reason')} rules={reasonRequired ? [{ required: true, min: 2, message: t('svc.act.textRequired') }] : []}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-reason" />
          </Form.Item>
        )}
        {['refuse', 'decide'].includes(action) && (
          <Form.Item name="legalBasis" label={t('svc.act.legalBasis')} rules={action === 'refuse' ? [{ required: true, min: 2, message: t('svc.act.textRequired') }] : []}>
            <Input maxLength={500} placeholder={t('svc.act.legalBasisHint')} data-testid="action-basis" />
          </Form.Item>
        )}
        {BACKDATED.has(action) && (
          <Form.Item name="at" label={t('svc.act.at')} extra={t('svc.act.atHelp')}>
            <DatePicker showTime disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="action-at" />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="action-error" />}
    </Modal>
  );
}
