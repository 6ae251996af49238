import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { errorText } from '../../../app/errors.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { evaluateBundle, getBundle } from '../catalog.api.ts';
import type { Evaluation } from '../catalog.types.ts';
import { PortalSection } from '../portal/PortalSection.tsx';
import { bundleApplicantText } from './bundleLabels.ts';
import { BundleQuestions, visibleQuestions, type Answers } from './BundleQuestions.tsx';
import { BundleResult } from './BundleResult.tsx';
import { OnlineApplyButton } from '../../services/OnlineApplyButton.tsx';

/** One bundle (一件事): answer the situation questions, get the applicable items and one merged material list. */
export function BundlePage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const remote = useRemote((signal) => getBundle(code, signal), [code]);
  const [answers, setAnswers] = useState<Answers>({});
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bundle = remote.data;

  useEffect(() => {
    if (!bundle) return;
    setAnswers(bundle.evaluation.answers);
    setEvaluation(bundle.evaluation);
  }, [bundle]);

  const evaluate = async () => {
    if (!bundle) return;
    setBusy(true);
    setError(null);
    try {
      const shown = visibleQuestions(bundle.questions, answers);
      const body = Object.fromEntries(shown.map((q) => [q.key, q.kind === 'single' ? (answers[q.key]?.[0] ?? null) : (answers[q.key] ?? [])]));
      setEvaluation(await evaluateBundle(code, body));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const crumbs = [{ title: t('catalog.nav.bundles'), to: '/bundles' }, { title: bundle?.name ?? code }];
  if (remote.error) {
    return (
      <PortalSection title={code} crumbs={crumbs}>
        <LoadError error={remote.error} onRetry={remote.reload} />
      </PortalSection>
    );
  }
  if (!bundle) {
    return (
      <PortalSection title={code} crumbs={crumbs}>
        <Card>
          <Skeleton active />
        </Card>
      </PortalSection>
    );
  }

  return (
    <PortalSection
      title={bundle.name}
      crumbs={crumbs}
      description={
        <Space size={[6, 6]} wrap>
          <Tag color="blue">{bundle.lifeEvent}</Tag>
          <Tag>{bundleApplicantText(bundle.applicantKind, t)}</Tag>
          <span>{bundle.description}</span>
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={t('catalog.bundle.situation')} data-testid="bundle-situation">
            {bundle.questions.length === 0 ? (
              <Typography.Text type="secondary">{t('catalog.bundle.noQuestions')}</Typography.Text>
            ) : (
              <>
                <Typography.Paragraph type="secondary">{t('catalog.bundle.situationHelp')}</Typography.Paragraph>
                <BundleQuestions questions={bundle.questions} answers={answers} onChange={setAnswers} />
                <Button type="primary" icon={<CalculatorOutlined />} block style={{ marginTop: 20 }} loading={busy} onClick={() => void evaluate()} data-testid="bundle-evaluate">
                  {t('catalog.bundle.evaluate')}
                </Button>
                {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
                {bundle.status === 'published' && (
                  <div style={{ marginTop: 12 }}>
                    <OnlineApplyButton bundleCode={bundle.code} block />
                  </div>
                )}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} style={{ minWidth: 0 }}>
          {evaluation && <BundleResult evaluation={evaluation} />}
        </Col>
      </Row>
    </PortalSection>
  );
}
