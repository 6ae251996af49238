import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, Row, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useI18n, type Translate } from '../../../app/i18n/index.tsx';
import { actOnAdjustment, createAdjustment, editAdjustment, getAdjustment, getItem } from '../catalog.api.ts';
import type { AdjustmentDetail, ChangeKind, ItemContent, ItemDetail } from '../catalog.types.ts';
import { CHANGE_LABEL, FIELD_LABEL } from '../labels.ts';
import { applyNestedErrors, blankContent, contentFromForm, type AdjustmentFormValues } from './contentForm.ts';
import { ItemContentForm } from './ItemContentForm.tsx';

interface Loaded {
  change: ChangeKind;
  item?: ItemDetail;
  adjustment?: AdjustmentDetail;
  initial: AdjustmentFormValues;
}

/** "proposed.materials.2.copies" → "申请材料 3 · copies" for errors the form cannot place. */
function fieldLabel(field: string, t: Translate): string {
  const parts = field.split('.');
  if (parts[0] === 'reason') return t('catalog.adj.reason');
  if (parts[0] === 'basis') return t('catalog.adj.basis');
  if (parts[0] !== 'proposed' || parts.length < 2) return field;
  const key = parts[1] as keyof ItemContent;
  const head = key in FIELD_LABEL ? t(FIELD_LABEL[key]) : parts[1];
  const rest = parts.slice(2).map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : p));
  return [head, ...rest].join(' · ');
}

async function load(params: { id?: string; change: string | null; itemId: string | null }): Promise<Loaded> {
  if (params.id) {
    const adjustment = await getAdjustment(Number(params.id));
    return { change: adjustment.change, adjustment, initial: { proposed: adjustment.proposed, reason: adjustment.reason, basis: adjustment.basis } };
  }
  const change = (params.change as ChangeKind | null) ?? 'create';
  if (change === 'create') return { change, initial: { proposed: blankContent(), reason: '', basis: '' } };
  const item = await getItem(Number(params.itemId));
  return { change, item, initial: { proposed: item.content, reason: '', basis: '' } };
}

/** A request to create, change or retire an item: the full proposed content, the reason and the basis. */
export function AdjustmentEditorPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustmentFormValues>();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rebase, setRebase] = useState(false);
  const change = search.get('change');
  const itemId = search.get('itemId');

  useEffect(() => {
    setLoaded(null);
    setLoadError(null);
    load({ id, change, itemId }).then(setLoaded, setLoadError);
  }, [id, change, itemId]);

  const save = async (submit: boolean) => {
    if (!loaded) return;
    setError(null);
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    const values = form.getFieldsValue(true) as AdjustmentFormValues;
    const proposed = loaded.change === 'retire' ? undefined : contentFromForm(values.proposed);
    setBusy(submit ? 'submit' : 'save');
    try {
      let result: AdjustmentDetail;
      if (loaded.adjustment) {
        result = await editAdjustment(loaded.adjustment.id, { version: loaded.adjustment.version, proposed, reason: values.reason, basis: values.basis, rebase: rebase || undefined });
        if (submit) result = await actOnAdjustment(result.id, 'submit', { version: result.version });
      } else {
        result = await createAdjustment({ change: loaded.change, itemId: loaded.item?.id, proposed, reason: values.reason, basis: values.basis, submit });
      }
      message.success(submit ? t('catalog.adj.submitted') : t('catalog.adj.saved'));
      navigate(`/workbench/catalog/adjustments/${result.id}`);
    } catch (e) {
      const { message: text, first } = applyNestedErrors(form, e, t, (f) => fieldLabel(f, t));
      setError(text);
      if (first) form.scrollToField(first, { block: 'center' });
    } finally {
      setBusy(null);
    }
  };

  if (loadError) return <LoadError error={loadError} />;
  if (!loaded) return <Skeleton active />;
  const name = loaded.item?.name ?? loaded.adjustment?.name ?? '';
  const title = loaded.adjustment ? t('catalog.adj.editTitle', { id: loaded.adjustment.id }) : t('catalog.adj.newTitle', { change: t(CHANGE_LABEL[loaded.change]) });

  return (
    <>
      <PageHeader title={title} description={name ? `${t(CHANGE_LABEL[loaded.change])}：${name}` : t('catalog.adj.newDescription')} />
      {loaded.adjustment?.stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.adj.staleTitle', { base: loaded.adjustment.baseVersion, current: loaded.adjustment.currentVersion })}
          description={
            <Checkbox checked={rebase} onChange={(e) => setRebase(e.target.checked)}>
              {t('catalog.adj.rebase')}
            </Checkbox>
          }
        />
      )}
      <Form form={form} layout="vertical" initialValues={loaded.initial} data-testid="adjustment-form">
        <Card title={t('catalog.adj.request')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="reason" label={t('catalog.adj.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('catalog.adj.reasonRequired') }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('catalog.adj.reasonPlaceholder')} data-testid="editor-reason" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="basis" label={t('catalog.adj.basis')} rules={[{ required: true, min: 2, whitespace: true, message: t('catalog.adj.basisRequired') }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('catalog.adj.basisPlaceholder')} data-testid="editor-basis" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {loaded.change === 'retire' ? (
          <Card title={t('catalog.adj.retiring')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'name', label: t('catalog.field.name'), children: loaded.item?.name ?? loaded.adjustment?.name },
                { key: 'code', label: t('catalog.field.implCode'), children: loaded.item?.implCode ?? loaded.adjustment?.implCode },
                { key: 'org', label: t('catalog.field.implementingBody'), children: loaded.item?.org.name ?? loaded.adjustment?.orgName },
              ]}
            />
            <Typography.Text type="secondary">{t('catalog.adj.retireNote')}</Typography.Text>
          </Card>
        ) : (
          <ItemContentForm />
        )}
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="editor-error" />}
        <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5 }}>
          <Flex justify="flex-end" wrap gap={8}>
            <Space wrap>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
              <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== null} onClick={() => void save(false)} data-testid="editor-save">
                {t('catalog.adj.saveDraft')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={busy !== null} onClick={() => void save(true)} data-testid="editor-submit">
                {t('catalog.adj.submit')}
              </Button>
            </Space>
          </Flex>
        </Card>
      </Form>
    </>
  );
}
