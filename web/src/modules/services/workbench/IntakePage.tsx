/** 窗口受理: identify the walk-in applicant, choose any item, receive (clocks start), then pre-check and decide on the application's page. */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { IdcardOutlined, InboxOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { applyFormErrors } from '../../../app/errors.ts';
import { isApiError } from '../../../app/api.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { searchCatalog } from '../../catalog/catalog.api.ts';
import { identify, intakeQueue, newIdempotencyKey, windowCreate } from '../services.api.ts';
import type { Identity } from '../services.types.ts';
import { byUrgency } from '../labels.ts';
import { QueueTable } from './QueueTable.tsx';

interface Values {
  idNumber: string;
  name?: string;
  target?: string;
  at?: Dayjs;
}

/** "item:10" or "bundle:jy-qiye-kaiban" */
const parseTarget = (v: string) => (v.startsWith('bundle:') ? { bundleCode: v.slice(7) } : { itemId: Number(v.slice(5)) });

export function IntakePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const queue = useRemote((s) => intakeQueue({ limit: 200 }, s), []);
  const [who, setWho] = useState<Identity | null>(null);
  const [unknown, setUnknown] = useState(false);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [searching, setSearching] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const sorted = useMemo(() => [...(queue.data?.items ?? [])].sort(byUrgency), [queue.data]);

  const lookup = async () => {
    setLookupError(null);
    setWho(null);
    setUnknown(false);
    const idNumber = (form.getFieldValue('idNumber') as string | undefined)?.trim() ?? '';
    try {
      const found = await identify(idNumber);
      setWho(found);
      form.setFieldsValue({ name: found.name });
    } catch (e) {
      if (isApiError(e) && e.status === 404) setUnknown(true);
      else setLookupError(applyFormErrors(form, e, ['idNumber'], t));
    }
  };

  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    setSearching(true);
    try {
      const r = await searchCatalog({ q, limit: 20 });
      setOptions([
        ...r.bundles.map((b) => ({ value: `bundle:${b.code}`, label: `【${t('svc.kind.bundle')}】${b.name}` })),
        ...r.items.map((i) => ({ value: `item:${i.id}`, label: `${i.name}${i.subItemName ? `（${i.subItemName}）` : ''} — ${i.department}` })),
      ]);
    } finally {
      setSearching(false);
    }
  };

  const receive = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const a = await windowCreate({ ...parseTarget(v.target as string), idNumber: v.idNumber.trim(), name: v.name?.trim() || undefined, at: v.at?.toISOString() }, key);
      navigate(`/workbench/applications/${a.id}`);
    } catch (e) {
      setError(applyFormErrors(form, e, ['idNumber', 'name', 'at'], t));
      if (isApiError(e)) {
        const target = e.fieldErrors.find((f) => f.field === 'itemId' || f.field === 'bundleCode');
        if (target) form.setFields([{ name: 'target', errors: [target.message] }]);
      }
      setKey(newIdempotencyKey());
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('svc.nav.intake')} description={t('svc.intake.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card title={t('svc.intake.receive')} data-testid="intake-form-card">
            <Form form={form} layout="vertical" data-testid="intake-form">
              <Form.Item label={t('svc.intake.idNumber')} required>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="idNumber" noStyle rules={[{ required: true, min: 15, max: 18, message: t('svc.intake.idRequired') }]}>
                    <Input prefix={<IdcardOutlined />} maxLength={18} placeholder={t('svc.intake.idHint')} data-testid="intake-id" onPressEnter={() => void lookup()} />
                  </Form.Item>
                  <Button icon={<SearchOutlined />} onClick={() => void lookup()} data-testid="intake-lookup">
                    {t('svc.intake.lookup')}
                  </Button>
                </Space.Compact>
              </Form.Item>
              {lookupError && <Alert type="error" showIcon title={lookupError} style={{ marginBottom: 12 }} />}
              {who && (
                <Descriptions
                  size="small"
                  bordered
                  column={1}
                  style={{ marginBottom: 12 }}
                  data-testid="intake-identity"
                  items={[
                    { key: 'name', label: t('svc.intake.name'), children: who.name },
                    { key: 'kind', label: t('svc.intake.kind'), children: <Tag>{t(who.kind === 'legal' ? 'kind.legal' : 'kind.person')}</Tag> },
                    { key: 'id', label: t('svc.intake.idNumber'), children: who.idNumber },
                    { key: 'account', label: t('svc.intake.account'), children: who.accountId ? t('svc.intake.hasAccount') : t('svc.intake.noAccount') },
                    ...(who.status ? [{ key: 'status', label: t('svc.intake.status'), children: who.status }] : []),
                  ]}
                />
              )}
              {unknown && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('svc.intake.unknown')} data-testid="intake-unknown" />}
              <Form.Item name="name" label={t('svc.intake.name')} rules={[{ required: unknown, message: t('svc.intake.nameRequired') }]}>
                <Input maxLength={200} data-testid="intake-name" />
              </Form.Item>
              <Form.Item name="target" label={t('svc.intake.item')} rules={[{ required: true, message: t('svc.intake.itemRequired') }]}>
                <Select
                  showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
                  loading={searching}
                  options={options}
                  placeholder={t('svc.intake.itemHint')}
                  notFoundContent={null}
                  data-testid="intake-item"
                />
              </Form.Item>
              <Form.Item name="at" label={t('svc.act.at')} extra={t('svc.act.atHelp')}>
                <DatePicker showTime disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="intake-at" />
              </Form.Item>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="intake-error" />}
              <Button type="primary" block icon={<InboxOutlined />} loading={busy} onClick={() => void receive()} data-testid="intake-submit">
                {t('svc.intake.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={15} style={{ minWidth: 0 }}>
          <Card
            title={t('svc.intake.queue')}
            extra={<Button size="small" icon={<ReloadOutlined />} onClick={queue.reload} />}
          >
            <Typography.Paragraph type="secondary">{t('svc.intake.queueHelp')}</Typography.Paragraph>
            {queue.error ? <LoadError error={queue.error} onRetry={queue.reload} /> : <QueueTable items={sorted} loading={queue.loading} testId="intake-queue" />}
          </Card>
        </Col>
      </Row>
    </>
  );
}

