import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n/index.tsx';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, actionKey, entityKey } from './actions.ts';
import type { AuditFilter } from './audit.api.ts';

interface Values {
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filter bar: action, entity, time range. */
export function AuditFilters({ onChange }: { onChange(f: AuditFilter): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const apply = (v: Values) =>
    onChange({
      action: v.action || undefined,
      entityType: v.entityType || undefined,
      entityId: v.entityId?.trim() || undefined,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('audit.any')}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(actionKey(a)!) }))}
        />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Select allowClear style={{ width: 140 }} placeholder={t('audit.anyEntity')} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(entityKey(e)!) }))} />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input style={{ width: 100 }} allowClear />
      </Form.Item>
      <Form.Item name="range" label={t('audit.range')}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
