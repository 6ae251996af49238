import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n/index.tsx';
import { applyFormErrors } from '../../app/errors.ts';
import { addWorkingDays, type WorkingDaysResult } from './clock.api.ts';
import { formatDate } from './format.ts';

interface Values {
  from: Dayjs;
  add: number;
}

const FIELDS = ['from', 'add'] as const;

/** +N working days from a start date (the start day is not counted), on the official calendar. */
export function WorkingDayCalculator() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<(WorkingDaysResult & { from: string; add: number }) | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const from = v.from.format('YYYY-MM-DD');
    try {
      const r = await addWorkingDays(from, v.add);
      setResult({ ...r, from, add: v.add });
    } catch (e) {
      setResult(null);
      setError(applyFormErrors(form, e, FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('clock.calc.title')}>
      <Form form={form} layout="vertical" initialValues={{ from: dayjs(), add: 20 }} onFinish={submit} requiredMark={false}>
        <Form.Item name="from" label={t('clock.calc.from')} rules={[{ required: true, message: t('clock.calc.fromRequired') }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="wd-from" />
        </Form.Item>
        <Form.Item name="add" label={t('clock.calc.add')} rules={[{ required: true, message: t('clock.calc.addRequired') }]} extra={t('clock.calc.addHelp')}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} suffix={t('clock.calc.days')} data-testid="wd-add" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="wd-submit">
          {t('clock.calc.submit')}
        </Button>
      </Form>
      {result && (
        <div style={{ marginTop: 20 }} data-testid="wd-result">
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'from', label: t('clock.calc.from'), children: formatDate(result.from, lang) },
              { key: 'add', label: t('clock.calc.add'), children: t('clock.calc.nDays', { n: result.add }) },
              {
                key: 'date',
                label: t('clock.calc.due'),
                children: (
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {formatDate(result.date, lang)}
                  </Typography.Text>
                ),
              },
            ]}
          />
          {result.provisional && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('clock.calc.provisional')} description={t('clock.calc.provisionalText')} />}
        </div>
      )}
    </Card>
  );
}
