import { Checkbox, Radio, Space, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n/index.tsx';
import type { Condition, Question } from '../catalog.types.ts';

export type Answers = Record<string, string[]>;

/** Whether a condition holds over the options chosen so far (bundles.rules.ts conditionHolds). */
export function conditionHolds(c: Condition | null, answers: Answers): boolean {
  if (!c) return true;
  const chosen = (ref: string) => {
    const dot = ref.indexOf('.');
    return answers[ref.slice(0, dot)]?.includes(ref.slice(dot + 1)) ?? false;
  };
  if (c.all && !c.all.every(chosen)) return false;
  if (c.any && c.any.length > 0 && !c.any.some(chosen)) return false;
  if (c.none && c.none.some(chosen)) return false;
  return true;
}

/** The questions to ask now: a question is shown when its showIf holds over the visible earlier answers. */
export function visibleQuestions(questions: Question[], answers: Answers): Question[] {
  const shown: Question[] = [];
  const seen: Answers = {};
  for (const q of questions) {
    if (!conditionHolds(q.showIf, seen)) continue;
    shown.push(q);
    if (answers[q.key]) seen[q.key] = answers[q.key];
  }
  return shown;
}

/** The situation questions (情形引导) with single or multiple choices. */
export function BundleQuestions({ questions, answers, onChange }: { questions: Question[]; answers: Answers; onChange(a: Answers): void }) {
  const { t } = useI18n();
  const shown = visibleQuestions(questions, answers);
  const label = (text: string, hint?: string) => (
    <span className="tb-wrap">
      {text}
      {hint && (
        <Tooltip title={hint}>
          <QuestionCircleOutlined style={{ marginInlineStart: 6, color: '#8c8c8c' }} />
        </Tooltip>
      )}
    </span>
  );
  return (
    <Space orientation="vertical" size={18} style={{ width: '100%' }} data-testid="bundle-questions">
      {shown.map((q, i) => (
        <div key={q.key} data-testid={`bundle-question-${q.key}`}>
          <Typography.Text strong className="tb-wrap">
            {i + 1}. {q.text}
            {!q.required && (
              <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                {' '}
                {t('catalog.bundle.optional')}
              </Typography.Text>
            )}
            {q.kind === 'multi' && (
              <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                {' '}
                {t('catalog.bundle.multi')}
              </Typography.Text>
            )}
          </Typography.Text>
          <div style={{ marginTop: 8 }}>
            {q.kind === 'single' ? (
              <Radio.Group value={answers[q.key]?.[0]} onChange={(e) => onChange({ ...answers, [q.key]: [e.target.value as string] })}>
                <Space orientation="vertical" size={6}>
                  {q.options.map((o) => (
                    <Radio key={o.id} value={o.id}>
                      {label(o.label, o.hint)}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            ) : (
              <Checkbox.Group value={answers[q.key] ?? []} onChange={(v) => onChange({ ...answers, [q.key]: v as string[] })}>
                <Space orientation="vertical" size={6}>
                  {q.options.map((o) => (
                    <Checkbox key={o.id} value={o.id}>
                      {label(o.label, o.hint)}
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            )}
          </div>
        </div>
      ))}
    </Space>
  );
}
