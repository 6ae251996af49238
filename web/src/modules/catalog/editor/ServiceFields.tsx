import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';
import { CHANNEL_LABEL, HANDLING_LABEL, SCOPE_LABEL } from '../labels.ts';

const options = <K extends string>(table: Record<K, MessageKey>, t: (k: MessageKey) => string) =>
  (Object.keys(table) as K[]).map((k) => ({ value: k, label: t(table[k]) }));

/** 时限与次数: statutory and promised limits (working days), visits, handling mode. */
export function LimitFields() {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={12} md={6}>
        <Form.Item name={['proposed', 'statutoryDays']} label={t('catalog.field.statutoryDays')}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} suffix={t('catalog.workingDaysUnit')} data-testid="editor-statutory" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['proposed', 'promisedDays']} label={t('catalog.field.promisedDays')}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} suffix={t('catalog.workingDaysUnit')} data-testid="editor-promised" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['proposed', 'visits']} label={t('catalog.field.visits')} help={t('catalog.editor.visitsHelp')}>
          <InputNumber min={0} max={9} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['proposed', 'handlingMode']} label={t('catalog.field.handlingMode')}>
          <Select allowClear options={options(HANDLING_LABEL, t)} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 办理渠道、通办范围、地点、时间、电话. */
export function ChannelFields() {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name={['proposed', 'channels']} label={t('catalog.field.channels')}>
          <Checkbox.Group options={options(CHANNEL_LABEL, t)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['proposed', 'scope']} label={t('catalog.field.scope')}>
          <Checkbox.Group options={options(SCOPE_LABEL, t)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['proposed', 'place']} label={t('catalog.field.place')}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['proposed', 'hours']} label={t('catalog.field.hours')}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={12} md={12}>
        <Form.Item name={['proposed', 'consultPhone']} label={t('catalog.field.consultPhone')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={12} md={12}>
        <Form.Item name={['proposed', 'complaintPhone']} label={t('catalog.field.complaintPhone')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={['proposed', 'remarks']} label={t('catalog.field.remarks')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Col>
    </Row>
  );
}
