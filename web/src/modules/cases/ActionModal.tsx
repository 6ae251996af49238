import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useBilingual, useI18n, type MessageKey } from '../../app/i18n/index.tsx';
import { applyFormErrors } from '../../app/errors.ts';
import { isApiError } from '../../app/api.ts';
import { casesApi, type CaseAction, type CaseDetail, type OrgOption } from './cases.api.ts';
import { PhotoUpload } from './PhotoUpload.tsx';
import { limitText } from './labels.ts';
import { round6 } from './geo.ts';

type Field = 'note' | 'noteRequired' | 'reason' | 'orgId' | 'masterId' | 'amount' | 'result' | 'photoFileIds' | 'passed' | 'approved' | 'satisfaction' | 'confirmed' | 'score' | 'here';

/** The form of each action (what the server requires, plus notes, photos and where the actor is). */
const FIELDS: Record<string, Field[]> = {
  file: ['note'],
  invalidate: ['reason'],
  merge: ['masterId', 'note'],
  dispatch: ['orgId', 'note'],
  reassign: ['orgId', 'reason'],
  sign: ['note', 'here'],
  return: ['reason'],
  request_extension: ['amount', 'reason'],
  approve_extension: ['note'],
  deny_extension: ['reason'],
  feedback: ['result', 'photoFileIds', 'here'],
  verify: ['passed', 'photoFileIds', 'note', 'here'],
  review: ['approved', 'note'],
  callback: ['satisfaction', 'note'],
  confirm: ['confirmed', 'note'],
  evaluate: ['score', 'note'],
  urge: ['noteRequired'],
};
const BODY_FIELDS = ['note', 'reason', 'orgId', 'masterId', 'amount', 'result', 'photoFileIds', 'passed', 'approved', 'satisfaction', 'confirmed', 'score', 'lng', 'lat'];

/** Org choices for a dispatch: the duty list's lead and supporting units first, then the units of the case's town, then a search. */
function useOrgOptions(c: CaseDetail, enabled: boolean, search: string) {
  const { t } = useI18n();
  const [town, setTown] = useState<OrgOption[]>([]);
  const [found, setFound] = useState<OrgOption[]>([]);
  useEffect(() => {
    if (!enabled || !c.townRegionCode) return;
    const ctrl = new AbortController();
    casesApi.orgs({ regionCode: c.townRegionCode, limit: 50 }, ctrl.signal).then((r) => setTown(r.items), () => undefined);
    return () => ctrl.abort();
  }, [enabled, c.townRegionCode]);
  useEffect(() => {
    if (!enabled || search.trim().length < 2) {
      setFound([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => casesApi.orgs({ q: search.trim(), regionCode: c.regionCode.slice(0, 6), limit: 20 }, ctrl.signal).then((r) => setFound(r.items), () => undefined), 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [enabled, search, c.regionCode]);
  return useMemo(() => {
    const s = c.routing?.suggestion;
    const seen = new Set<number>();
    const opt = (id: number, name: string, tag?: string) => {
      if (seen.has(id)) return null;
      seen.add(id);
      const returned = c.returnedOrgIds.includes(id);
      return { value: id, label: `${name}${tag ? `（${tag}）` : ''}${returned ? ` — ${t('cases.dispatch.returnedBefore')}` : ''}`, name };
    };
    const groups = [
      { label: t('cases.dispatch.suggested'), options: s ? [opt(s.lead.orgId, s.lead.name, t('cases.routing.lead')), ...s.supporting.map((u) => opt(u.orgId, u.name, t('cases.routing.supporting')))] : [] },
      { label: t('cases.dispatch.townUnits'), options: town.map((o) => opt(o.id, o.name)) },
      { label: t('cases.dispatch.search'), options: found.map((o) => opt(o.id, o.name)) },
    ];
    return groups.map((g) => ({ ...g, options: g.options.filter((o) => o !== null) })).filter((g) => g.options.length > 0);
  }, [c.routing, c.returnedOrgIds, town, found, t]);
}

type Done = (result: Awaited<ReturnType<typeof casesApi.act>>) => void;

/** The form for one workflow action on a case; submits with the version read and shows the server's field errors. */
export function ActionModal({ c, action, onClose, onDone }: { c: CaseDetail; action: CaseAction | null; onClose(): void; onDone: Done }) {
  return action ? <ActionDialog key={action.action} c={c} action={action} onClose={onClose} onDone={onDone} /> : null;
}

function ActionDialog({ c, action, onClose, onDone }: { c: CaseDetail; action: CaseAction; onClose(): void; onDone: Done }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [orgSearch, setOrgSearch] = useState('');
  const [here, setHere] = useState<{ lng: number; lat: number } | null>(null);
  const fields = FIELDS[action.action] ?? ['note'];
  const orgOptions = useOrgOptions(c, fields.includes('orgId'), orgSearch);
  const suggested = c.routing?.suggestion && !c.returnedOrgIds.includes(c.routing.suggestion.lead.orgId) ? c.routing.suggestion.lead.orgId : undefined;
  const initial = (action.action === 'dispatch' || action.action === 'reassign') && suggested ? { orgId: suggested } : {};

  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => setHere({ lng: round6(p.coords.longitude), lat: round6(p.coords.latitude) }),
      () => setError(t('cases.location.geoDenied')),
    );

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body: Record<string, unknown> = { version: c.version, ...(here ?? {}) };
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      body[k === 'noteRequired' ? 'note' : k] = v;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await casesApi.act(c.id, action.action, body as never);
      onDone(res);
    } catch (e) {
      if (isApiError(e) && e.status === 409 && e.code === 'common.VERSION_CONFLICT') setError(t('cases.action.stale'));
      else setError(applyFormErrors(form, e, BODY_FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  const yesNo = (yes: MessageKey, no: MessageKey, testId: string) => (
    <Radio.Group optionType="button" buttonStyle="solid" data-testid={testId}>
      <Radio value={true}>
        <span data-testid={`${testId}-yes`}>{t(yes)}</span>
      </Radio>
      <Radio value={false}>
        <span data-testid={`${testId}-no`}>{t(no)}</span>
      </Radio>
    </Radio.Group>
  );
  const required = (key: MessageKey) => [{ required: true, message: t(key) }];

  return (
    <Modal
      open
      title={`${pick(action.label.zh, action.label.en)} · ${c.caseNo}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('cases.action.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'action-submit' } as never}
      destroyOnHidden
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
      {action.action === 'approve_extension' && c.pendingExtension && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cases.extension.pending', { amount: limitText(t, { amount: c.pendingExtension.amount, unit: c.pendingExtension.unit }), by: c.pendingExtension.by })} description={c.pendingExtension.reason} />
      )}
      {fields.includes('orgId') && c.routing?.suggestion && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('cases.routing.reason')} description={pick(c.routing.suggestion.reason.zh, c.routing.suggestion.reason.en)} />
      )}
      <Form form={form} layout="vertical" data-testid="action-form" requiredMark={false} initialValues={initial}>
        {fields.includes('orgId') && (
          <Form.Item name="orgId" label={t('cases.action.org')} rules={action.action === 'reassign' ? required('cases.action.orgRequired') : undefined} extra={action.action === 'dispatch' ? t('cases.action.orgDefault') : undefined}>
            <Select showSearch={{ filterOption: false, onSearch: setOrgSearch }} options={orgOptions} placeholder={t('cases.action.orgPlaceholder')} data-testid="action-org" allowClear />
          </Form.Item>
        )}
        {fields.includes('masterId') && (
          <Form.Item name="masterId" label={t('cases.action.master')} rules={required('cases.action.masterRequired')}>
            {c.possibleDuplicates.length > 0 ? (
              <Select
                data-testid="action-master"
                options={c.possibleDuplicates.map((d) => ({ value: d.id, label: t('cases.duplicates.option', { caseNo: d.caseNo, m: Math.round(d.distanceMetres), h: d.hoursApart }) }))}
              />
            ) : (
              <InputNumber min={1} style={{ width: '100%' }} placeholder={t('cases.action.masterId')} data-testid="action-master" />
            )}
          </Form.Item>
        )}
        {fields.includes('passed') && (
          <Form.Item name="passed" label={t('cases.action.passed')} rules={required('cases.action.choose')}>
            {yesNo('cases.verify.passed', 'cases.verify.failed', 'action-passed')}
          </Form.Item>
        )}
        {fields.includes('approved') && (
          <Form.Item name="approved" label={t('cases.action.approved')} rules={required('cases.action.choose')}>
            {yesNo('cases.review.approved', 'cases.review.rejected', 'action-approved')}
          </Form.Item>
        )}
        {fields.includes('confirmed') && (
          <Form.Item name="confirmed" label={t('cases.action.confirmed')} rules={required('cases.action.choose')}>
            {yesNo('cases.yes', 'cases.no', 'action-confirmed')}
          </Form.Item>
        )}
        {fields.includes('satisfaction') && (
          <Form.Item name="satisfaction" label={t('cases.action.satisfaction')} rules={required('cases.action.choose')}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="action-satisfaction">
              <Radio value="satisfied">
                <span data-testid="action-satisfied">{t('cases.callback.satisfied')}</span>
              </Radio>
              <Radio value="unsatisfied">
                <span data-testid="action-unsatisfied">{t('cases.callback.unsatisfied')}</span>
              </Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {fields.includes('amount') && (
          <Form.Item name="amount" label={t(c.limit.unit === 'working_hours' ? 'cases.action.amountHours' : 'cases.action.amountDays')} rules={required('cases.action.amountRequired')}>
            <InputNumber min={0.5} max={60} step={c.limit.unit === 'working_hours' ? 0.5 : 1} style={{ width: 160 }} data-testid="action-amount" />
          </Form.Item>
        )}
        {fields.includes('score') && (
          <Form.Item name="score" label={t('cases.action.score')} rules={required('cases.action.scoreRequired')}>
            <InputNumber min={0} max={100} step={1} style={{ width: 160 }} data-testid="action-score" />
          </Form.Item>
        )}
        {fields.includes('result') && (
          <Form.Item name="result" label={t('cases.action.result')} rules={required('cases.action.resultRequired')}>
            <Input.TextArea rows={3} maxLength={4000} showCount data-testid="action-result" />
          </Form.Item>
        )}
        {fields.includes('reason') && (
          <Form.Item name="reason" label={t('cases.action.reason')} rules={required('cases.action.reasonRequired')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-reason" />
          </Form.Item>
        )}
        {fields.includes('photoFileIds') && (
          <Form.Item name="photoFileIds" label={t('cases.action.photos')}>
            <PhotoUpload testId="action-photos" />
          </Form.Item>
        )}
        {fields.includes('note') && (
          <Form.Item name="note" label={t('cases.action.note')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="action-note" />
          </Form.Item>
        )}
        {fields.includes('noteRequired') && (
          <Form.Item name="noteRequired" label={t('cases.action.urgeNote')} rules={required('cases.action.noteRequired')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="action-note" />
          </Form.Item>
        )}
        {fields.includes('here') && (
          <div>
            <Button size="small" icon={<AimOutlined />} onClick={locate} data-testid="action-here">
              {t('cases.action.here')}
            </Button>
            {here && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {here.lng.toFixed(5)}, {here.lat.toFixed(5)}
              </Typography.Text>
            )}
          </div>
        )}
      </Form>
    </Modal>
  );
}
