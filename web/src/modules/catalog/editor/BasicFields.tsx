import { Checkbox, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useCapabilities } from '../../../app/capabilities.tsx';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';
import { getOrgTree } from '../../org/org.api.ts';
import { OrgPicker } from '../../org/OrgPicker.tsx';
import type { OrgTreeNode } from '../../org/org.types.ts';
import { ITEM_TYPES } from '../catalog.types.ts';
import { APPLICANT_LABEL, LEVEL_LABEL, VARIANT_LABEL } from '../labels.ts';
import { TYPE_LABEL } from '../typeLabels.ts';

const options = <K extends string>(table: Record<K, MessageKey>, t: (k: MessageKey) => string) =>
  (Object.keys(table) as K[]).map((k) => ({ value: k, label: t(table[k]) }));

const find = (nodes: OrgTreeNode[], id: number): OrgTreeNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = find(n.children, id);
    if (hit) return hit;
  }
  return undefined;
};

/** The implementing body: chosen from the organisations in scope (its name follows), or typed. */
function BodyField() {
  const { t } = useI18n();
  const { has } = useCapabilities();
  const form = Form.useFormInstance();
  const orgId = Form.useWatch(['proposed', 'implementingBody', 'orgId'], form) as number | null | undefined;
  const tree = useRemote(has('GET /api/orgs/tree') ? (signal) => getOrgTree(signal) : null, []);
  return (
    <Row gutter={12}>
      {tree.data && (
        <Col xs={24} md={12}>
          <Form.Item label={t('catalog.editor.bodyOrg')} help={t('catalog.editor.bodyOrgHelp')}>
            <OrgPicker
              tree={tree.data.items}
              value={orgId ?? undefined}
              onChange={(id) => {
                const node = find(tree.data?.items ?? [], id);
                form.setFieldValue(['proposed', 'implementingBody'], { orgId: id, name: node?.name ?? '' });
              }}
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={tree.data ? 12 : 24}>
        <Form.Item name={['proposed', 'implementingBody', 'name']} label={t('catalog.field.implementingBody')} rules={[{ required: true, whitespace: true, message: t('catalog.editor.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['proposed', 'implementingBody', 'orgId']} hidden>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 基本信息 of the proposed content. */
export function BasicFields() {
  const { t } = useI18n();
  const required = [{ required: true, whitespace: true, message: t('catalog.editor.required') }];
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={['proposed', 'name']} label={t('catalog.field.name')} rules={required}>
            <Input maxLength={300} data-testid="editor-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['proposed', 'subItemName']} label={t('catalog.field.subItemName')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['proposed', 'itemType']} label={t('catalog.field.itemType')} rules={[{ required: true, message: t('catalog.editor.required') }]}>
            <Select options={ITEM_TYPES.map((it) => ({ value: it, label: t(TYPE_LABEL[it]) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['proposed', 'variant']} label={t('catalog.field.variant')}>
            <Select allowClear options={options(VARIANT_LABEL, t)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['proposed', 'level']} label={t('catalog.field.level')}>
            <Select options={options(LEVEL_LABEL, t)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['proposed', 'regionCode']} label={t('catalog.field.regionCode')}>
            <Input maxLength={12} placeholder="320281" data-testid="editor-region" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['proposed', 'baseCode']} label={t('catalog.field.baseCode')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['proposed', 'implCode']} label={t('catalog.field.implCode')} help={t('catalog.editor.implCodeHelp')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <BodyField />
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={['proposed', 'applicantKinds']} label={t('catalog.field.applicantKinds')}>
            <Checkbox.Group options={options(APPLICANT_LABEL, t)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name={['proposed', 'lifeEvents']} label={t('catalog.field.lifeEvents')} help={t('catalog.editor.lifeEventsHelp')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['proposed', 'commitmentAllowed']} label={t('catalog.field.commitmentAllowed')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
