import { useState } from 'react';
import { Alert, Button, Spin, Typography } from 'antd';
import { DownOutlined, ReadOutlined, UpOutlined } from '@ant-design/icons';
import { useCapabilities } from '../../../app/capabilities.tsx';
import { errorText } from '../../../app/errors.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { getLawArticle } from '../catalog.api.ts';
import type { LawArticle, LegalBasis, LawSummary } from '../catalog.types.ts';
import { citeLaw, citedArticle, findLaw, useLaws } from '../laws.ts';

/** The official text of the cited article, loaded when opened. */
function ArticleText({ law, no }: { law: LawSummary; no: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<{ article?: LawArticle; error?: unknown; loading: boolean }>({ loading: false });

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && !state.article && !state.loading) {
      setState({ loading: true });
      getLawArticle(law.id, no).then(
        (article) => setState({ article, loading: false }),
        (error: unknown) => setState({ error, loading: false }),
      );
    }
  };

  return (
    <div>
      <Button type="link" size="small" icon={<ReadOutlined />} onClick={toggle} style={{ paddingInline: 0 }} data-testid="law-article-toggle">
        {open ? t('catalog.law.hide') : t('catalog.law.show')} {open ? <UpOutlined /> : <DownOutlined />}
      </Button>
      {open && (
        <div style={{ background: '#f7f9fc', border: '1px solid #e6ebf2', borderRadius: 4, padding: '10px 14px', marginTop: 4 }} data-testid="law-article">
          {state.loading && <Spin size="small" />}
          {state.error !== undefined && <Alert type="warning" showIcon title={errorText(state.error, t)} />}
          {state.article && (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[`《${state.article.lawTitle}》`, state.article.chapter, state.article.section].filter(Boolean).join(' · ')}
              </Typography.Text>
              <div className="tb-law-text" style={{ marginTop: 6 }}>
                {state.article.text.split('\n').map((p, i) => (
                  <p key={i}>
                    {i === 0 && <strong>{state.article!.label}{'\u3000'}</strong>}
                    {p}
                  </p>
                ))}
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** 设定依据: each law and article, the quoted text, and the official article text where the server has the law. */
export function LegalBasisList({ basis }: { basis: LegalBasis[] }) {
  const { t } = useI18n();
  const { has } = useCapabilities();
  const laws = useLaws(has('GET /api/catalog/laws/:id/articles/:no'));
  if (basis.length === 0) return <Typography.Text type="secondary">{t('catalog.guide.noBasis')}</Typography.Text>;
  return (
    <div data-testid="legal-basis">
      {basis.map((b, i) => {
        const law = findLaw(laws, b.law);
        const no = citedArticle(b.article);
        return (
          <div key={i} style={{ padding: '10px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }} data-testid="legal-basis-entry">
            <Typography.Text strong className="tb-wrap">
              {citeLaw(b.law)}
              {b.article ?? ''}
            </Typography.Text>
            {b.text && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} className="tb-wrap">
                {b.text}
              </Typography.Paragraph>
            )}
            {law && no !== null && no <= law.lastArticle && <ArticleText law={law} no={no} />}
          </div>
        );
      })}
    </div>
  );
}
