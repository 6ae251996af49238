import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Radio, Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { applyFormErrors } from '../../app/errors.ts';
import { isApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth/AuthProvider.tsx';
import { casesApi, URGENCIES, type CaseDetail, type Duplicate } from './cases.api.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { PhotoUpload } from './PhotoUpload.tsx';
import { LocationField, type LocationValue } from './LocationField.tsx';
import { RoutingCard } from './RoutingCard.tsx';
import { describePoint, useGridShapes } from './useGridShapes.ts';
import { limitText, urgencyLabel } from './labels.ts';

interface Values {
  categoryCode: string;
  description: string;
  photoFileIds?: string[];
  location?: LocationValue | null;
  address?: string;
  urgency?: string;
}

const FIELDS = ['categoryCode', 'description', 'photoFileIds', 'address', 'urgency', 'location'];

/** 事件上报: a grid worker reports a problem on a phone (category, description, photos, location on the grid map). */
export function ReportPage() {
  const { t } = useI18n();
  useDocumentTitle([t('cases.nav.report')]);
  const me = useMe();
  const town = me.roles.find((r) => r.regionCode && r.regionCode.length === 9)?.regionCode ?? null;
  const [form] = Form.useForm<Values>();
  const categories = useRemote(async (signal) => (await casesApi.categories(undefined, signal)).items.filter((k) => k.kind === 'event' || k.kind === 'asset'), []);
  const shapes = useGridShapes(town);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<(CaseDetail & { possibleDuplicates: Duplicate[] }) | null>(null);
  const code = Form.useWatch('categoryCode', form);
  const category = useMemo(() => categories.data?.find((k) => k.code === code), [categories.data, code]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const res = await casesApi.reportGrid({
        categoryCode: v.categoryCode,
        description: v.description,
        photoFileIds: v.photoFileIds?.length ? v.photoFileIds : undefined,
        lng: v.location?.lng,
        lat: v.location?.lat,
        address: v.address || undefined,
        urgency: (v.urgency as never) || undefined,
      });
      setDone(res);
    } catch (e) {
      if (isApiError(e)) {
        const loc = e.fieldErrors.filter((f) => f.field === 'lng' || f.field === 'lat');
        if (loc.length) form.setFields([{ name: 'location', errors: loc.map((f) => f.message) }]);
      }
      setError(applyFormErrors(form, e, FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <Result
          status="success"
          title={t('cases.report.done')}
          subTitle={
            <span data-testid="report-case-no" data-case-id={done.id}>
              {done.caseNo}
            </span>
          }
          extra={[
            <Link key="view" to={`/workbench/cases/${done.id}`}>
              <Button type="primary" data-testid="report-view">
                {t('cases.report.view')}
              </Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                setDone(null);
                form.resetFields();
              }}
            >
              {t('cases.report.again')}
            </Button>,
          ]}
        />
        <Flex vertical gap={12}>
          <RoutingCard c={done} />
          {done.possibleDuplicates.length > 0 && <Alert type="warning" showIcon title={t('cases.report.duplicates', { n: done.possibleDuplicates.length })} description={done.possibleDuplicates.map((d) => d.caseNo).join('、')} />}
        </Flex>
      </div>
    );
  }

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={t('cases.nav.report')} description={t('cases.report.description')} />
      <Card size="small">
        <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="report-form" requiredMark={false} initialValues={{ urgency: 'normal' }}>
          <Form.Item name="categoryCode" label={t('cases.report.category')} rules={[{ required: true, message: t('cases.report.categoryRequired') }]} extra={category && `${t('cases.report.filing')}：${category.filingConditions} · ${t('cases.detail.limit')} ${limitText(t, { amount: category.limitAmount, unit: category.limitUnit })}`}>
            <CategorySelect categories={categories.data ?? []} loading={categories.loading} testId="report-category" />
          </Form.Item>
          <Form.Item name="description" label={t('cases.report.descriptionLabel')} rules={[{ required: true, whitespace: true, message: t('cases.report.descriptionRequired') }]}>
            <Input.TextArea rows={3} maxLength={4000} showCount placeholder={t('cases.report.descriptionPlaceholder')} data-testid="report-description" />
          </Form.Item>
          <Form.Item name="photoFileIds" label={t('cases.report.photos')}>
            <PhotoUpload testId="report-photos" />
          </Form.Item>
          <Form.Item name="location" label={t('cases.report.location')} rules={[{ required: true, message: t('cases.report.locationRequired') }]}>
            <LocationField shapes={shapes.data} describe={(v, signal) => describePoint(v.lng, v.lat, signal)} testId="report-location" />
          </Form.Item>
          <Form.Item name="address" label={t('cases.report.address')}>
            <Input maxLength={300} placeholder={t('cases.report.addressPlaceholder')} data-testid="report-address" />
          </Form.Item>
          <Form.Item name="urgency" label={t('cases.report.urgency')}>
            <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: urgencyLabel(t, u) }))} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="report-error" />}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="report-submit">
            {t('cases.report.submit')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {t('cases.report.routingHint')}
          </Typography.Paragraph>
        </Form>
      </Card>
    </div>
  );
}
