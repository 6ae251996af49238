import type { ReactNode } from 'react';
import { Button, Col, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';

export interface EntryField {
  key: string;
  label: MessageKey;
  kind?: 'text' | 'textarea' | 'number' | 'switch' | 'custom';
  required?: boolean;
  /** Grid span on wide screens (24 = full row). */
  span?: number;
  max?: number;
  render?: () => ReactNode;
}

function Control({ f }: { f: EntryField }) {
  if (f.kind === 'custom' && f.render) return <>{f.render()}</>;
  if (f.kind === 'textarea') return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={f.max} />;
  if (f.kind === 'number') return <InputNumber min={0} max={f.max ?? 3650} precision={0} style={{ width: '100%' }} />;
  if (f.kind === 'switch') return <Switch />;
  return <Input maxLength={f.max} />;
}

const box = { border: '1px solid #e6ebf2', borderRadius: 6, padding: '12px 12px 0', marginBottom: 12, background: '#fbfcfe' } as const;

/** A list of objects in the proposed content (legal basis, steps, fees …): one bordered block per entry. */
export function ObjectListEditor({ name, fields, blank, addLabel, entryTitle }: { name: string; fields: EntryField[]; blank: () => object; addLabel: MessageKey; entryTitle: MessageKey }) {
  const { t } = useI18n();
  return (
    <Form.List name={['proposed', name]}>
      {(entries, { add, remove }) => (
        <div data-testid={`editor-${name}`}>
          {entries.map((entry, i) => (
            <div key={entry.key} style={box} data-testid={`editor-${name}-entry`}>
              <Row justify="space-between" align="middle" style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">{t(entryTitle, { n: i + 1 })}</Typography.Text>
                <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(entry.name)} aria-label={t('catalog.editor.remove')}>
                  {t('catalog.editor.remove')}
                </Button>
              </Row>
              <Row gutter={12}>
                {fields.map((f) => (
                  <Col xs={24} md={f.span ?? 12} key={f.key}>
                    <Form.Item
                      name={[entry.name, f.key]}
                      label={t(f.label)}
                      valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
                      rules={f.required ? [{ required: true, whitespace: true, message: t('catalog.editor.required') }] : undefined}
                    >
                      <Control f={f} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank())} block>
            {t(addLabel)}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** A list of texts in the proposed content (acceptance conditions, accountability cases …). */
export function StringListEditor({ name, addLabel, max = 2000 }: { name: string; addLabel: MessageKey; max?: number }) {
  const { t } = useI18n();
  return (
    <Form.List name={['proposed', name]}>
      {(entries, { add, remove }) => (
        <div data-testid={`editor-${name}`}>
          {entries.map((entry, i) => (
            <Row key={entry.key} gutter={8} align="top" wrap={false}>
              <Col flex="none" style={{ paddingTop: 6 }}>
                <Typography.Text type="secondary">{i + 1}.</Typography.Text>
              </Col>
              <Col flex="auto" style={{ minWidth: 0 }}>
                <Form.Item name={entry.name} rules={[{ required: true, whitespace: true, message: t('catalog.editor.required') }]} style={{ marginBottom: 8 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={max} />
                </Form.Item>
              </Col>
              <Col flex="none">
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(entry.name)} aria-label={t('catalog.editor.remove')} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block>
            {t(addLabel)}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
