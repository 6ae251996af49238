import { Button, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';
import { FORM_LABEL, MEDIUM_LABEL, REQUIREMENT_LABEL, SOURCE_LABEL } from '../labels.ts';
import { blankMaterial } from './contentForm.ts';

const options = <K extends string>(table: Record<K, MessageKey>, t: (k: MessageKey) => string) =>
  (Object.keys(table) as K[]).map((k) => ({ value: k, label: t(table[k]) }));

/** 申请材料: name, copies, original or copy, source, required, paper or electronic, replacing e-licence, deferrable. */
export function MaterialsEditor() {
  const { t } = useI18n();
  const required = [{ required: true, whitespace: true, message: t('catalog.editor.required') }];
  return (
    <Form.List name={['proposed', 'materials']}>
      {(entries, { add, remove, move }) => (
        <div data-testid="editor-materials">
          {entries.map((entry, i) => (
            <div key={entry.key} style={{ border: '1px solid #e6ebf2', borderRadius: 6, padding: '12px 12px 0', marginBottom: 12, background: '#fbfcfe' }} data-testid="editor-material">
              <Row justify="space-between" align="middle" style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t('catalog.editor.materialN', { n: i + 1 })}</Typography.Text>
                <span>
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('catalog.editor.up')} />
                  <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === entries.length - 1} onClick={() => move(i, i + 1)} aria-label={t('catalog.editor.down')} />
                  <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(entry.name)}>
                    {t('catalog.editor.remove')}
                  </Button>
                </span>
              </Row>
              <Row gutter={12}>
                <Col xs={24} md={16}>
                  <Form.Item name={[entry.name, 'name']} label={t('catalog.material.name')} rules={required}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[entry.name, 'copies']} label={t('catalog.material.copies')}>
                    <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[entry.name, 'form']} label={t('catalog.material.form')}>
                    <Select options={options(FORM_LABEL, t)} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[entry.name, 'requirement']} label={t('catalog.material.requirement')}>
                    <Select options={options(REQUIREMENT_LABEL, t)} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[entry.name, 'medium']} label={t('catalog.material.medium')}>
                    <Select options={options(MEDIUM_LABEL, t)} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[entry.name, 'deferrable']} label={t('catalog.material.deferrable')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[entry.name, 'source']} label={t('catalog.material.source')}>
                    <Select options={options(SOURCE_LABEL, t)} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[entry.name, 'sourceNote']} label={t('catalog.material.sourceNote')}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[entry.name, 'licenseType']} label={t('catalog.material.license')}>
                    <Input maxLength={100} placeholder={t('catalog.editor.licensePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[entry.name, 'proofCode']} label={t('catalog.material.proof')}>
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[entry.name, 'condition']} label={t('catalog.material.condition')}>
                    <Input maxLength={500} placeholder={t('catalog.editor.conditionPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[entry.name, 'notes']} label={t('catalog.material.notes')}>
                    <Input maxLength={1000} />
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blankMaterial())} block data-testid="editor-material-add">
            {t('catalog.editor.addMaterial')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
