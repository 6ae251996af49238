import { useState } from 'react';
import { Alert, Button, Checkbox, Flex, Form, Input, Rate, Typography } from 'antd';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { applyFormErrors } from '../../app/errors.ts';
import type { RatingBody, RatingMeta } from './ratings.api.ts';
import './ratings.css';

const LEVEL_COLORS: Record<number, string> = { 5: '#389e0d', 4: '#7cb305', 3: '#d4b106', 2: '#d46b08', 1: '#cf1322' };

/**
 * The rating form (好差评): five levels as large buttons, the channel's
 * dimensions as stars, bad-rating reasons and a comment. Used by the
 * applicant centre on a completed matter, by "my ratings" to re-rate and by
 * the window tablet. `onSubmit` may throw an ApiError: its field problems are
 * shown on the form.
 */
export function RatingForm({
  meta,
  channel,
  onSubmit,
  submitText,
}: {
  meta: RatingMeta;
  channel: 'online' | 'onsite';
  onSubmit: (body: RatingBody) => Promise<void>;
  submitText?: string;
}) {
  const { t } = useI18n();
  const pick = useBilingual();
  const [form] = Form.useForm();
  const [level, setLevel] = useState<number | null>(null);
  const [dims, setDims] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dimensionKeys = meta.channels[channel].filter((d) => d !== 'overall');
  const bad = level !== null && level <= 2;

  const choose = (l: number) => {
    setLevel(l);
    // start every detail at the overall level; the rater adjusts what differs
    setDims(Object.fromEntries(dimensionKeys.map((d) => [d, dims[d] ?? l])));
  };

  const submit = async (values: { comment?: string; reasons?: string[] }) => {
    if (level === null) {
      setError(t('rating.form.chooseLevel'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ level, dimensions: dims, comment: values.comment?.trim() || null, reasons: bad ? (values.reasons ?? []) : [] });
    } catch (e) {
      setError(applyFormErrors(form, e, ['comment', 'reasons'], t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="rating-form" className="rating-form">
      <Typography.Paragraph type="secondary">{t('rating.form.intro')}</Typography.Paragraph>
      <Form.Item label={t('rating.form.level')} required>
        <Flex gap={8} wrap>
          {meta.levels.map((l) => (
            <Button
              key={l.level}
              size="large"
              className="rating-level"
              data-testid={`rating-level-${l.level}`}
              type={level === l.level ? 'primary' : 'default'}
              style={level === l.level ? { background: LEVEL_COLORS[l.level], borderColor: LEVEL_COLORS[l.level] } : { color: LEVEL_COLORS[l.level] }}
              onClick={() => choose(l.level)}
            >
              {pick(l.zh, l.en)}
            </Button>
          ))}
        </Flex>
      </Form.Item>
      {level !== null && (
        <Form.Item label={t('rating.form.dimensions')}>
          <div className="rating-dimensions">
            {dimensionKeys.map((d) => (
              <Flex key={d} align="center" gap={12}>
                <span className="rating-dimension-label">{pick(meta.dimensions[d].zh, meta.dimensions[d].en)}</span>
                <Rate value={dims[d]} onChange={(v) => setDims((x) => ({ ...x, [d]: v || 1 }))} data-testid={`rating-dim-${d}`} />
              </Flex>
            ))}
          </div>
        </Form.Item>
      )}
      {bad && (
        <Form.Item name="reasons" label={t('rating.form.reasons')} required>
          <Checkbox.Group options={meta.reasons.map((r) => ({ value: r.code, label: pick(r.zh, r.en) }))} data-testid="rating-reasons" />
        </Form.Item>
      )}
      <Form.Item name="comment" label={t('rating.form.comment')}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('rating.form.commentPlaceholder')} />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={level === null} data-testid="rating-submit">
        {submitText ?? t('rating.form.submit')}
      </Button>
    </Form>
  );
}
