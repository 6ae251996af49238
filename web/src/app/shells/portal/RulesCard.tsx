import { Card, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

/** A titled card with numbered explanatory points. */
export function RulesCard({ title, points }: { title: MessageKey; points: MessageKey[] }) {
  const { t } = useI18n();
  return (
    <Card title={t(title)} style={{ height: '100%' }}>
      <ol style={{ paddingInlineStart: 20, margin: 0 }}>
        {points.map((p) => (
          <li key={p} style={{ marginBottom: 10 }}>
            <Typography.Text>{t(p)}</Typography.Text>
          </li>
        ))}
      </ol>
    </Card>
  );
}
