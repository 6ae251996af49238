import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Collapse, Empty, Flex, Form, Input, Radio, Result, Row, Select, Skeleton, Tabs, Typography } from 'antd';
import { PhoneOutlined, SearchOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { applyFormErrors, errorText } from '../../app/errors.ts';
import { formatInstant } from '../../app/format.ts';
import { casesApi, HOTLINE_KINDS, URGENCIES, type CaseDetail, type HotlineKind } from './cases.api.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { LocationField, type LocationValue } from './LocationField.tsx';
import { RoutingCard } from './RoutingCard.tsx';
import { CaseDrawer } from './CaseDrawer.tsx';
import { CaseList } from './CaseList.tsx';
import { StateTag } from './CaseTags.tsx';
import { useCasePages } from './useCasePages.ts';
import { describePoint } from './useGridShapes.ts';
import { hotlineKindLabel, urgencyLabel } from './labels.ts';

interface Values {
  phone: string;
  name?: string;
  hotlineKind: HotlineKind;
  categoryCode: string;
  description: string;
  townRegionCode?: string;
  address?: string;
  location?: LocationValue | null;
  urgency?: string;
}

const FIELDS = ['phone', 'name', 'hotlineKind', 'categoryCode', 'description', 'townRegionCode', 'address', 'urgency'];

/** The caller's earlier requests by phone number (masked; the lookup is audited). */
function CallerHistory({ phone, onOpen, tick }: { phone: string; onOpen(id: number): void; tick: number }) {
  const { t } = useI18n();
  const digits = phone.replace(/\D/g, '');
  const history = useRemote(digits.length >= 5 ? (signal) => casesApi.callers(phone, signal) : null, [phone, tick]);
  if (digits.length < 5) return <Typography.Text type="secondary">{t('cases.hotline.lookupHint')}</Typography.Text>;
  if (history.error) return <LoadError error={history.error} onRetry={history.reload} />;
  const items = history.data?.items ?? [];
  if (history.loading && !history.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.hotline.noHistory')} data-testid="hotline-history" />;
  return (
    <Flex vertical data-testid="hotline-history">
      {items.map((c) => (
        <div
          key={c.id}
          role="button"
          tabIndex={0}
          style={{ cursor: 'pointer', padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          onClick={() => onOpen(c.id)}
          onKeyDown={(e) => e.key === 'Enter' && onOpen(c.id)}
          data-testid="hotline-history-item"
          data-case-no={c.caseNo}
        >
          <Flex gap={6} wrap align="center">
            <Typography.Link>{c.caseNo}</Typography.Link>
            <StateTag state={c.state} label={c.stateLabel} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.hotlineKind ? `${hotlineKindLabel(t, c.hotlineKind)} · ` : ''}
            {c.category.name} · {formatInstant(c.reportedAt)}
          </Typography.Text>
          <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: 0 }} type="secondary">
            {c.description}
          </Typography.Paragraph>
        </div>
      ))}
    </Flex>
  );
}

function IntakeForm({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const categories = useRemote(async (signal) => (await casesApi.categories(undefined, signal)).items, []);
  const towns = useRemote((signal) => casesApi.geojson({ level: 1 }, signal), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<CaseDetail | null>(null);
  const [phone, setPhone] = useState('');
  const [tick, setTick] = useState(0);
  const kind = Form.useWatch('hotlineKind', form);
  const code = Form.useWatch('categoryCode', form);
  const matters = useMemo(() => (categories.data ?? []).filter((k) => k.kind === 'event' || k.kind === 'asset' || k.kind === 'hotline'), [categories.data]);
  const script = useMemo(() => {
    const all = categories.data ?? [];
    const byKind = all.find((k) => k.kind === 'hotline' && k.hotlineKind === kind)?.callScript;
    const byCategory = all.find((k) => k.code === code);
    return { byKind, category: byCategory };
  }, [categories.data, kind, code]);
  const townOptions = useMemo(
    () => (towns.data?.features ?? []).map((f) => ({ value: f.properties.town, label: f.properties.name.replace(/网格$/, '') })).sort((a, b) => a.value.localeCompare(b.value)),
    [towns.data],
  );

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const res = await casesApi.reportHotline({
        categoryCode: v.categoryCode,
        description: v.description,
        hotlineKind: v.hotlineKind,
        caller: { phone: v.phone, name: v.name || undefined },
        townRegionCode: v.townRegionCode || undefined,
        address: v.address || undefined,
        lng: v.location?.lng,
        lat: v.location?.lat,
        urgency: (v.urgency as never) || undefined,
      });
      setDone(res);
      setTick((n) => n + 1);
    } catch (e) {
      // the caller's fields are nested on the server (caller.phone)
      const mapped = e && typeof e === 'object' && 'fieldErrors' in e ? (e as { fieldErrors: { field: string }[] }).fieldErrors : [];
      for (const f of mapped) f.field = f.field.replace(/^caller\./, '');
      setError(applyFormErrors(form, e, FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('cases.hotline.form')}>
          {done ? (
            <Result
              status="success"
              title={t('cases.hotline.done')}
              subTitle={
                <span data-testid="hotline-case-no" data-case-id={done.id}>
                  {done.caseNo}
                </span>
              }
              extra={[
                <Button key="open" type="primary" onClick={() => onOpen(done.id)} data-testid="hotline-open">
                  {t('cases.report.view')}
                </Button>,
                <Button
                  key="next"
                  onClick={() => {
                    setDone(null);
                    form.resetFields();
                    setPhone('');
                  }}
                  data-testid="hotline-next"
                >
                  {t('cases.hotline.next')}
                </Button>,
              ]}
            >
              <RoutingCard c={done} />
            </Result>
          ) : (
            <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="hotline-form" initialValues={{ hotlineKind: 'complaint', urgency: 'normal' }}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="phone" label={t('cases.hotline.phone')} rules={[{ required: true, message: t('cases.hotline.phoneRequired') }]}>
                    <Input prefix={<PhoneOutlined />} maxLength={20} onBlur={(e) => setPhone(e.target.value.trim())} data-testid="hotline-phone" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="name" label={t('cases.hotline.name')}>
                    <Input maxLength={50} data-testid="hotline-name" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="hotlineKind" label={t('cases.hotline.kind')} rules={[{ required: true }]}>
                <Radio.Group optionType="button" buttonStyle="solid" data-testid="hotline-kind" options={HOTLINE_KINDS.map((k) => ({ value: k, label: hotlineKindLabel(t, k) }))} />
              </Form.Item>
              {(script.byKind || script.category?.callScript) && (
                <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('cases.hotline.script')} description={<span data-testid="hotline-script">{[script.byKind, script.category?.callScript].filter(Boolean).join(' ')}</span>} />
              )}
              <Form.Item
                name="categoryCode"
                label={t('cases.hotline.category')}
                rules={[{ required: true, message: t('cases.report.categoryRequired') }]}
                extra={script.category?.filingConditions && `${t('cases.report.filing')}：${script.category.filingConditions}`}
              >
                <CategorySelect categories={matters} loading={categories.loading} testId="hotline-category" />
              </Form.Item>
              <Form.Item name="description" label={t('cases.hotline.content')} rules={[{ required: true, whitespace: true, message: t('cases.report.descriptionRequired') }]}>
                <Input.TextArea rows={4} maxLength={4000} showCount data-testid="hotline-description" />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={10}>
                  <Form.Item name="townRegionCode" label={t('cases.hotline.town')} extra={t('cases.hotline.townHint')}>
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={townOptions} loading={towns.loading} data-testid="hotline-town" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={14}>
                  <Form.Item name="address" label={t('cases.report.address')}>
                    <Input maxLength={300} data-testid="hotline-address" />
                  </Form.Item>
                </Col>
              </Row>
              <Collapse
                size="small"
                style={{ marginBottom: 16 }}
                items={[
                  {
                    key: 'map',
                    label: t('cases.hotline.map'),
                    children: (
                      <Form.Item name="location" noStyle>
                        <LocationField shapes={towns.data} describe={(v, signal) => describePoint(v.lng, v.lat, signal)} testId="hotline-location" mapHeight={320} />
                      </Form.Item>
                    ),
                  },
                ]}
              />
              <Form.Item name="urgency" label={t('cases.report.urgency')}>
                <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: urgencyLabel(t, u) }))} />
              </Form.Item>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="hotline-error" />}
              {categories.error ? <Alert type="error" title={errorText(categories.error, t)} /> : null}
              <Button type="primary" htmlType="submit" loading={busy} data-testid="hotline-submit">
                {t('cases.hotline.submit')}
              </Button>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={t('cases.hotline.history')}
          extra={
            <Button size="small" icon={<SearchOutlined />} onClick={() => setPhone(String(form.getFieldValue('phone') ?? '').trim())} data-testid="hotline-lookup">
              {t('cases.hotline.lookup')}
            </Button>
          }
        >
          <CallerHistory phone={phone} onOpen={onOpen} tick={tick} />
        </Card>
      </Col>
    </Row>
  );
}

/** Call-backs waiting: replies reviewed by the centre, to be confirmed with the caller. */
function Callbacks({ onOpen, tick }: { onOpen(id: number): void; tick: number }) {
  const list = useCasePages((offset, signal) => casesApi.list({ offset, limit: 30, state: 'reviewed', kind: 'hotline' }, signal), String(tick));
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return <CaseList items={list.items} loading={list.loading} onOpen={(c) => onOpen(c.id)} more={list.more} onMore={list.loadMore} testId="hotline-callbacks" />;
}

/** 12345 热线受理: intake with the caller's details and the call script, the caller's earlier requests, and call-backs. */
export function HotlinePage() {
  const { t } = useI18n();
  useDocumentTitle([t('cases.nav.hotline')]);
  const [open, setOpen] = useState<number | null>(null);
  const [tab, setTab] = useState('intake');
  const [tick, setTick] = useState(0);
  return (
    <div>
      <PageHeader title={t('cases.nav.hotline')} description={t('cases.hotline.description')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'intake', label: <span data-testid="hotline-tab-intake">{t('cases.hotline.tab.intake')}</span>, children: <IntakeForm onOpen={setOpen} /> },
          { key: 'callback', label: <span data-testid="hotline-tab-callback">{t('cases.hotline.tab.callback')}</span>, children: <Callbacks onOpen={setOpen} tick={tick} /> },
        ]}
      />
      <CaseDrawer id={open} onClose={() => setOpen(null)} onChanged={() => setTick((n) => n + 1)} />
    </div>
  );
}
