import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Result, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { applyFormErrors } from '../../app/errors.ts';
import { useAuth } from '../../app/auth/AuthProvider.tsx';
import { PortalPage } from '../../app/shells/portal/PortalPage.tsx';
import { casesApi, type RequesterView } from './cases.api.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { PhotoUpload } from './PhotoUpload.tsx';
import { LocationField, type LocationValue } from './LocationField.tsx';
import { featureAt } from './geo.ts';

interface Values {
  categoryCode: string;
  description: string;
  photoFileIds?: string[];
  location?: LocationValue | null;
  address?: string;
  anonymous?: boolean;
  name?: string;
  phone?: string;
}

const FIELDS = ['categoryCode', 'description', 'photoFileIds', 'address', 'name', 'phone', 'location'];

/**
 * 我要反映: the public reports a problem, anonymously or signed in. The answer
 * shows the case number and its state only; nothing personal is echoed.
 */
export function PublicReportPage() {
  const { t } = useI18n();
  const pick = useBilingual();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const categories = useRemote(async (signal) => (await casesApi.categories(undefined, signal)).items.filter((k) => k.kind === 'event' || k.kind === 'asset'), []);
  const shapes = useRemote((signal) => casesApi.publicGeojson(1, signal), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<RequesterView | null>(null);
  const anonymous = Form.useWatch('anonymous', form);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const contact = !v.anonymous && (v.name || v.phone) ? { name: v.name || undefined, phone: v.phone || undefined } : undefined;
      const res = await casesApi.reportPublic({
        categoryCode: v.categoryCode,
        description: v.description,
        photoFileIds: v.photoFileIds?.length ? v.photoFileIds : undefined,
        lng: v.location?.lng,
        lat: v.location?.lat,
        townRegionCode: v.location && shapes.data ? featureAt(shapes.data, v.location.lng, v.location.lat)?.properties.town : undefined,
        address: v.address || undefined,
        contact,
      });
      form.resetFields();
      setDone(res);
    } catch (e) {
      if (e && typeof e === 'object' && 'fieldErrors' in e) for (const f of (e as { fieldErrors: { field: string }[] }).fieldErrors) f.field = f.field.replace(/^contact\./, '');
      setError(applyFormErrors(form, e, FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <PortalPage title={t('cases.public.title')}>
        <Card>
          <Result
            status="success"
            title={t('cases.public.done')}
            subTitle={
              <span>
                {t('cases.public.caseNo')}：
                <Typography.Text strong copyable data-testid="public-case-no">
                  {done.caseNo}
                </Typography.Text>
                {' · '}
                <span data-testid="public-state">{pick(done.stateLabel.zh, done.stateLabel.en)}</span>
              </span>
            }
            extra={[
              <Button key="again" type="primary" onClick={() => setDone(null)} data-testid="public-again">
                {t('cases.report.again')}
              </Button>,
            ]}
          >
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0 }}>
              {me && me.kind !== 'staff' ? (
                <Link to="/my/reports" data-testid="public-mine">
                  {t('cases.public.keepSigned')}
                </Link>
              ) : (
                t('cases.public.keepNumber')
              )}
            </Typography.Paragraph>
          </Result>
        </Card>
      </PortalPage>
    );
  }

  return (
    <PortalPage title={t('cases.public.title')} description={t('cases.public.description')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="public-form" initialValues={{ anonymous: !me }}>
              <Form.Item name="categoryCode" label={t('cases.report.category')} rules={[{ required: true, message: t('cases.report.categoryRequired') }]}>
                <CategorySelect categories={categories.data ?? []} loading={categories.loading} testId="public-category" />
              </Form.Item>
              <Form.Item name="description" label={t('cases.report.descriptionLabel')} rules={[{ required: true, whitespace: true, message: t('cases.report.descriptionRequired') }]}>
                <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('cases.report.descriptionPlaceholder')} data-testid="public-description" />
              </Form.Item>
              <Form.Item name="photoFileIds" label={t('cases.report.photos')}>
                <PhotoUpload publicUpload max={6} testId="public-photos" />
              </Form.Item>
              <Form.Item name="location" label={t('cases.report.location')} rules={[{ required: true, message: t('cases.report.locationRequired') }]}>
                <LocationField
                  shapes={shapes.data}
                  describe={async (v) => (shapes.data ? (featureAt(shapes.data, v.lng, v.lat)?.properties.name.replace(/网格$/, '') ?? null) : null)}
                  testId="public-location"
                  mapHeight={320}
                />
              </Form.Item>
              <Form.Item name="address" label={t('cases.report.address')}>
                <Input maxLength={300} placeholder={t('cases.report.addressPlaceholder')} data-testid="public-address" />
              </Form.Item>
              <Form.Item name="anonymous" valuePropName="checked">
                <Checkbox data-testid="public-anonymous">{t('cases.public.anonymous')}</Checkbox>
              </Form.Item>
              {!anonymous && (
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="name" label={t('cases.public.name')}>
                      <Input maxLength={50} autoComplete="name" data-testid="public-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="phone" label={t('cases.public.phone')}>
                      <Input maxLength={20} autoComplete="tel" data-testid="public-phone" />
                    </Form.Item>
                  </Col>
                </Row>
              )}
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="public-error" />}
              <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="public-submit">
                {t('cases.report.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('cases.public.howTitle')}>
            <Typography.Paragraph>{t('cases.public.how1')}</Typography.Paragraph>
            <Typography.Paragraph>{t('cases.public.how2')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('cases.public.privacy')}</Typography.Paragraph>
            {!me && (
              <Typography.Paragraph>
                <Link to="/login">{t('cases.public.signIn')}</Link>
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
    </PortalPage>
  );
}
