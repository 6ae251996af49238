/**
 * 在线申报: pick the situation (bundles), fill one form, hand in the materials
 * (upload or reuse an e-licence), save the draft, submit with an Idempotency-Key.
 * `/my/apply?item=ID` or `?bundle=CODE` starts; `/my/apply/:id` continues a draft.
 */
import { useEffect, useMemo, useState } from 'react';
import { App, Alert, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Result, Select, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { applyFormErrors, errorText } from '../../../app/errors.ts';
import { isApiError } from '../../../app/api.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { evaluateBundle, getBundle, getItem } from '../../catalog/catalog.api.ts';
import { BundleQuestions, visibleQuestions, type Answers } from '../../catalog/bundles/BundleQuestions.tsx';
import { MaterialTable } from '../ApplicationParts.tsx';
import { createDraft, getApplication, myLicences, newIdempotencyKey, saveDraft, submitApplication } from '../services.api.ts';
import type { ApplicationDetail } from '../services.types.ts';
import { MaterialActions } from './MaterialActions.tsx';

interface FieldDef {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options?: string[];
}

/** The form of a single item: who to contact and what is asked for (items carry no form of their own). */
const ITEM_FIELDS = (t: ReturnType<typeof useI18n>['t']): FieldDef[] => [
  { key: 'contactName', label: t('svc.apply.contactName'), type: 'text', required: true },
  { key: 'contactPhone', label: t('svc.apply.contactPhone'), type: 'phone', required: true },
  { key: 'address', label: t('svc.apply.address'), type: 'address', required: false },
  { key: 'request', label: t('svc.apply.request'), type: 'textarea', required: false },
];

export function ApplyPage() {
  const { id } = useParams();
  return id ? <DraftWizard id={Number(id)} /> : <StartApplication />;
}

/** Step 0: the situation questions of a bundle, or the item's summary; creates the draft. */
function StartApplication() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const bundleCode = params.get('bundle');
  const itemId = Number(params.get('item')) || null;
  const bundle = useRemote(bundleCode ? (s) => getBundle(bundleCode, s) : null, [bundleCode]);
  const item = useRemote(itemId ? (s) => getItem(itemId, s) : null, [itemId]);
  const [answers, setAnswers] = useState<Answers>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);

  useEffect(() => {
    if (bundle.data) setAnswers(bundle.data.evaluation.answers);
  }, [bundle.data]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      let draft: ApplicationDetail;
      if (bundleCode && bundle.data) {
        const shown = visibleQuestions(bundle.data.questions, answers);
        const body = Object.fromEntries(shown.map((q) => [q.key, q.kind === 'single' ? (answers[q.key]?.[0] ?? null) : (answers[q.key] ?? [])]));
        draft = await createDraft({ bundleCode, answers: body }, key);
      } else {
        draft = await createDraft({ itemId: itemId ?? undefined }, key);
      }
      navigate(`/my/apply/${draft.id}`, { replace: true });
    } catch (e) {
      setError(isApiError(e) && e.fieldErrors.length ? `${errorText(e, t)}：${e.fieldErrors.map((f) => f.message).join('；')}` : errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (!bundleCode && !itemId) return <Result status="info" title={t('svc.apply.pick')} extra={<Link to="/services">{t('svc.apply.toServices')}</Link>} />;
  const remote = bundleCode ? bundle : item;
  if (remote.error) return <LoadError error={remote.error} onRetry={remote.reload} />;
  const name = bundleCode ? bundle.data?.name : item.data?.name;

  return (
    <>
      <PageHeader title={t('svc.apply.title', { name: name ?? '' })} description={t('svc.apply.description')} crumbs={[t('svc.nav.mine'), t('svc.apply.crumb')]} />
      <Steps current={0} style={{ marginBottom: 16 }} items={[{ title: t('svc.apply.stepSituation') }, { title: t('svc.apply.stepForm') }, { title: t('svc.apply.stepMaterials') }, { title: t('svc.apply.stepSubmit') }]} />
      <Card data-testid="apply-start">
        {!remote.data ? (
          <Skeleton active />
        ) : bundleCode && bundle.data ? (
          <>
            <Typography.Paragraph type="secondary">{t('svc.apply.situationHelp')}</Typography.Paragraph>
            <BundleQuestions questions={bundle.data.questions} answers={answers} onChange={setAnswers} />
          </>
        ) : (
          item.data && (
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('svc.field.item'), children: item.data.name },
                { key: 'org', label: t('svc.field.handlingOrg'), children: item.data.org.name },
                { key: 'days', label: t('svc.field.decisionDays'), children: item.data.promisedDays === null ? '—' : t('svc.days', { n: item.data.promisedDays }) },
              ]}
            />
          )
        )}
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} data-testid="apply-error" />}
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button type="primary" loading={busy} disabled={!remote.data} onClick={() => void start()} data-testid="apply-start-submit">
            {t('svc.apply.createDraft')}
          </Button>
        </Flex>
      </Card>
    </>
  );
}

/** The control of one form field; Form.Item passes id, value and onChange through `rest`. */
function FieldInput({ f, ...rest }: { f: FieldDef; id?: string; value?: unknown; onChange?: (v: unknown) => void }) {
  const props = rest as Record<string, unknown>;
  if (f.type === 'select' && f.options) return <Select {...props} options={f.options.map((o) => ({ value: o, label: o }))} allowClear />;
  if (f.type === 'number') return <InputNumber {...props} style={{ width: '100%' }} />;
  if (f.type === 'textarea') return <Input.TextArea {...props} rows={3} maxLength={2000} showCount />;
  return <Input {...props} maxLength={f.type === 'address' ? 200 : 100} />;
}

const PATTERNS: Record<string, RegExp> = {
  phone: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/,
  resident_id: /^\d{17}[\dXx]$/,
  uscc: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
};

/** Steps 1–3 on a draft: the form, the materials, the submission. */
function DraftWizard({ id }: { id: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const remote = useRemote((s) => getApplication(id, s), [id]);
  const licences = useRemote((s) => myLicences(s).catch(() => ({ items: [] })), []);
  const [app, setApp] = useState<ApplicationDetail | undefined>();
  const [fields, setFields] = useState<FieldDef[] | null>(null);
  const [step, setStep] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missingKeys, setMissingKeys] = useState<string[]>([]);
  const [submitKey, setSubmitKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (remote.data) setApp(remote.data);
  }, [remote.data]);

  useEffect(() => {
    if (!remote.data) return;
    const a = remote.data;
    if (a.state !== 'draft') {
      navigate(`/my/applications/${a.id}`, { replace: true });
      return;
    }
    if (a.kind === 'bundle' && a.bundleCode) {
      const code = a.bundleCode;
      // the draft keeps answers as option lists; single-choice questions are asked with one option
      getBundle(code)
        .then((b) => {
          const stored = a.answers as Record<string, string[] | string | null>;
          const body = Object.fromEntries(
            b.questions
              .filter((q) => stored[q.key] !== undefined)
              .map((q) => {
                const v = stored[q.key];
                const list = Array.isArray(v) ? v : v === null ? [] : [v];
                return [q.key, q.kind === 'single' ? (list[0] ?? null) : list];
              }),
          );
          return evaluateBundle(code, body);
        })
        .then(
          (ev) => setFields(ev.formFields),
          (e: unknown) => {
            setError(errorText(e, t));
            setFields(ITEM_FIELDS(t));
          },
        );
    } else setFields(ITEM_FIELDS(t));
  }, [remote.data?.id]);

  const refresh = async () => setApp(await getApplication(id));

  const save = async (): Promise<ApplicationDetail | null> => {
    if (!app) return null;
    setError(null);
    try {
      const values = await form.validateFields();
      const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      const saved = await saveDraft(app.id, clean, app.version);
      setApp(saved);
      return saved;
    } catch (e) {
      if (isApiError(e)) setError(applyFormErrors(form, e, (fields ?? []).map((f) => f.key), t));
      return null;
    }
  };

  const submit = async () => {
    if (!app) return;
    setBusy(true);
    setError(null);
    setMissingKeys([]);
    try {
      const done = await submitApplication(app.id, app.version, submitKey);
      void message.success(t('svc.apply.submitted', { no: done.applicationNo }));
      navigate(`/my/applications/${done.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e)) {
        setMissingKeys(e.fieldErrors.filter((f) => f.field.startsWith('materials.')).map((f) => f.field.slice('materials.'.length)));
        if (e.status !== 400) setSubmitKey(newIdempotencyKey());
      }
      setError(errorText(e, t));
      await refresh().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const missingRequired = useMemo(() => (app ? app.materials.filter((m) => m.requirement === 'required' && m.status === 'missing') : []), [app]);

  if (remote.error) return <LoadError error={remote.error} onRetry={remote.reload} />;
  if (!app || !fields) return <Skeleton active />;

  return (
    <>
      <PageHeader
        title={t('svc.apply.title', { name: app.itemName })}
        description={
          <Space size={6} wrap>
            <span>{t('svc.field.applicationNo')}:</span>
            <Typography.Text copyable data-testid="draft-no">
              {app.applicationNo}
            </Typography.Text>
            <Tag>{t('svc.apply.draftSaved', { v: app.version })}</Tag>
          </Space>
        }
        crumbs={[t('svc.nav.mine'), t('svc.apply.crumb')]}
      />
      <Steps
        current={step}
        onChange={(s) => s > 0 && setStep(s)}
        style={{ marginBottom: 16 }}
        items={[{ title: t('svc.apply.stepSituation'), disabled: true }, { title: t('svc.apply.stepForm') }, { title: t('svc.apply.stepMaterials') }, { title: t('svc.apply.stepSubmit') }]}
        data-testid="apply-steps"
      />
      {error && <Alert style={{ marginBottom: 16 }} type="error" showIcon title={error} data-testid="apply-error" />}
      <Card style={{ display: step === 1 ? undefined : 'none' }} title={t('svc.apply.stepForm')} data-testid="apply-form-card">
        {app.kind === 'bundle' && <Typography.Paragraph type="secondary">{t('svc.apply.oneForm', { n: fields.length })}</Typography.Paragraph>}
        <Form form={form} name="apply" layout="vertical" initialValues={remote.data?.formData} data-testid="apply-form" style={{ maxWidth: 720 }}>
          {fields.map((f) => (
            <Form.Item
              key={f.key}
              name={f.key}
              label={f.label}
              rules={[
                { required: f.required, message: t('svc.apply.requiredField', { label: f.label }) },
                ...(PATTERNS[f.type] ? [{ pattern: PATTERNS[f.type], message: t('svc.apply.badFormat', { label: f.label }) }] : []),
              ]}
            >
              <FieldInput f={f} />
            </Form.Item>
          ))}
        </Form>
        <Flex gap={8} justify="flex-end">
          <Button icon={<SaveOutlined />} onClick={() => void save().then((s) => s && message.success(t('svc.apply.saved')))} data-testid="apply-save">
            {t('svc.apply.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => void save().then((s) => s && setStep(2))} data-testid="apply-form-next">
            {t('svc.apply.next')}
          </Button>
        </Flex>
      </Card>
      {step === 2 && (
        <Card title={t('svc.apply.stepMaterials')} data-testid="apply-materials-card">
          <Typography.Paragraph type="secondary">{t('svc.apply.materialsHelp')}</Typography.Paragraph>
          <MaterialTable
            materials={app.materials}
            extra={(m) => <MaterialActions applicationId={app.id} m={m} licences={licences.data?.items ?? []} onChanged={() => void refresh()} />}
          />
          <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
            <Button onClick={() => setStep(1)}>{t('svc.apply.back')}</Button>
            <Button type="primary" onClick={() => setStep(3)} data-testid="apply-materials-next">
              {t('svc.apply.next')}
            </Button>
          </Flex>
        </Card>
      )}
      {step === 3 && (
        <Card title={t('svc.apply.stepSubmit')} data-testid="apply-submit-card">
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'item', label: t('svc.field.item'), children: app.itemName },
              { key: 'org', label: t('svc.field.handlingOrg'), children: app.handlingOrg.name },
              { key: 'days', label: t('svc.field.decisionDays'), children: t('svc.days', { n: app.decisionDays }) },
              { key: 'materials', label: t('svc.apply.materialsIn'), children: t('svc.apply.materialsCount', { done: app.materials.filter((m) => m.status !== 'missing').length, total: app.materials.length }) },
            ]}
          />
          {missingRequired.length > 0 && (
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              title={t('svc.apply.stillMissing', { n: missingRequired.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="apply-missing">
                  {missingRequired.map((m) => (
                    <li key={m.key} style={{ color: missingKeys.includes(m.key) ? '#cf1322' : undefined }}>
                      {m.name}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('svc.apply.submitHelp')}
          </Typography.Paragraph>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setStep(2)}>{t('svc.apply.back')}</Button>
            <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => void submit()} data-testid="apply-submit">
              {t('svc.apply.submit')}
            </Button>
          </Flex>
        </Card>
      )}
    </>
  );
}
