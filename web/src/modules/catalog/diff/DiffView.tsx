import type { ReactNode } from 'react';
import { Alert, Empty, Space, Tag, Typography } from 'antd';
import { ArrowRightOutlined, SwapOutlined } from '@ant-design/icons';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import type { ContentDiff, FieldDiff, ListEntry, SubChange } from '../catalog.types.ts';
import { entryPairs, fieldValueText, subValueText } from './formatValue.ts';
import '../catalog.css';

/** before → after, the old value struck through in red and the new one in green. */
function BeforeAfter({ before, after }: { before: string; after: string }) {
  return (
    <Space size={[6, 4]} wrap align="center" style={{ maxWidth: '100%' }}>
      <span className="tb-diff-before" data-testid="diff-before">
        {before}
      </span>
      <ArrowRightOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
      <span className="tb-diff-after" data-testid="diff-after">
        {after}
      </span>
    </Space>
  );
}

function SubChanges({ changes }: { changes: SubChange[] }) {
  const { t } = useI18n();
  const bi = useBilingual();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(72px, max-content) minmax(0, 1fr)', gap: '6px 12px', alignItems: 'baseline' }}>
      {changes.map((c) => (
        <FragmentRow key={c.field} label={bi(c.label.zh, c.label.en)}>
          <BeforeAfter before={subValueText(c.field, c.before, t)} after={subValueText(c.field, c.after, t)} />
        </FragmentRow>
      ))}
    </div>
  );
}

function FragmentRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </>
  );
}

/** A whole list entry that was added or removed. */
function Entry({ field, entry, kind }: { field: string; entry: ListEntry; kind: 'added' | 'removed' }) {
  const { t } = useI18n();
  const pairs = entryPairs(field, entry.value, t);
  const cls = kind === 'added' ? 'tb-diff-after' : 'tb-diff-before';
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginBottom: 6 }} data-testid={`diff-${kind}`}>
      <Tag color={kind === 'added' ? 'green' : 'red'} style={{ flex: 'none' }}>
        {kind === 'added' ? t('catalog.diff.added') : t('catalog.diff.removed')}
      </Tag>
      <span className={cls} style={{ display: 'inline-block', minWidth: 0 }}>
        {pairs.length === 1 && !pairs[0].label ? pairs[0].text : pairs.map((p) => `${p.label}：${p.text}`).join('；')}
      </span>
    </div>
  );
}

function FieldChange({ change }: { change: FieldDiff }) {
  const { t } = useI18n();
  const bi = useBilingual();
  let body: ReactNode;
  if (change.kind === 'value') {
    body = <BeforeAfter before={fieldValueText(change.field, change.before, t)} after={fieldValueText(change.field, change.after, t)} />;
  } else if (change.kind === 'object') {
    body = <SubChanges changes={change.changes} />;
  } else {
    body = (
      <div>
        {change.removed.map((e) => (
          <Entry key={`r${e.key}`} field={change.field} entry={e} kind="removed" />
        ))}
        {change.added.map((e) => (
          <Entry key={`a${e.key}`} field={change.field} entry={e} kind="added" />
        ))}
        {change.changed.map((c) => (
          <div key={`c${c.key}`} style={{ marginBottom: 8 }} data-testid="diff-changed">
            <Space size={6} style={{ marginBottom: 4 }} wrap>
              <Tag color="orange">{t('catalog.diff.changed')}</Tag>
              <Typography.Text strong className="tb-wrap">
                {c.key}
              </Typography.Text>
              {c.beforeIndex !== c.afterIndex && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('catalog.diff.moved', { from: c.beforeIndex + 1, to: c.afterIndex + 1 })}
                </Typography.Text>
              )}
            </Space>
            <div style={{ paddingInlineStart: 12, borderInlineStart: '2px solid #ffd591' }}>
              <SubChanges changes={c.changes} />
            </div>
          </div>
        ))}
        {change.reordered && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            <SwapOutlined /> {t('catalog.diff.reordered')}
          </Typography.Text>
        )}
      </div>
    );
  }
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px', padding: '12px 0', borderTop: '1px solid #f0f0f0' }} data-testid="diff-field" data-field={change.field}>
      <div style={{ flex: '0 0 200px', maxWidth: '100%' }}>
        <Typography.Text strong>{bi(change.label.zh, change.label.en)}</Typography.Text>
      </div>
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>{body}</div>
    </div>
  );
}

/** Field-by-field difference: exactly the changed fields, list entries added, removed or changed. */
export function DiffView({ diff }: { diff: ContentDiff }) {
  const { t } = useI18n();
  if (diff.changes.length === 0) return <Empty description={t('catalog.diff.none')} />;
  const s = diff.summary;
  return (
    <div data-testid="diff-view">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 8 }}
        title={t('catalog.diff.summary', { fields: s.fields, added: s.added, removed: s.removed, changed: s.changed })}
        data-testid="diff-summary"
      />
      {diff.changes.map((c) => (
        <FieldChange key={c.field} change={c} />
      ))}
    </div>
  );
}
