import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../app/api.ts';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { errorText } from '../../../app/errors.ts';
import { formatInstant } from '../../../app/format.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import { actOnAdjustment, getAdjustment } from '../catalog.api.ts';
import type { ActionInput, AdjustmentDetail } from '../catalog.types.ts';
import { DiffView } from '../diff/DiffView.tsx';
import { MaterialsTable } from '../guide/MaterialsTable.tsx';
import { ACTION_LABEL, CHANGE_LABEL, STATE_COLOR, STATE_LABEL, daysText, labelOf } from '../labels.ts';
import { citeLaw } from '../laws.ts';
import { ActionModal } from './ActionModal.tsx';

type Action = AdjustmentDetail['actions'][number];
const DANGER = new Set(['reject', 'withdraw', 'return']);

/** What a new item would look like (a create request has nothing to compare with). */
function ProposedSummary({ a }: { a: AdjustmentDetail }) {
  const { t } = useI18n();
  const c = a.proposed;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: t('catalog.field.name'), children: c.name },
          { key: 'body', label: t('catalog.field.implementingBody'), children: c.implementingBody.name },
          { key: 's', label: t('catalog.field.statutoryDays'), children: daysText(c.statutoryDays, t) },
          { key: 'p', label: t('catalog.field.promisedDays'), children: daysText(c.promisedDays, t) },
          { key: 'basis', label: t('catalog.field.legalBasis'), children: c.legalBasis.map((b) => `${citeLaw(b.law)}${b.article ?? ''}`).join('；') || '—' },
        ]}
      />
      <MaterialsTable materials={c.materials} />
    </Space>
  );
}

/** One adjustment request: the proposal against the version in force, its history, and the actions the caller may take. */
export function AdjustmentDetailPage() {
  const { id } = useParams();
  const adjId = Number(id);
  const { t } = useI18n();
  const bi = useBilingual();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const remote = useRemote((signal) => getAdjustment(adjId, signal), [adjId]);
  const [pending, setPending] = useState<Action | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const a = remote.data;

  const run = async (action: Action, input: Omit<ActionInput, 'version'>) => {
    if (!a) return;
    try {
      await actOnAdjustment(a.id, action.action, { ...input, version: a.version });
      setPending(null);
      setConflict(null);
      setFailure(null);
      message.success(t('catalog.adj.done', { action: bi(action.label.zh, action.label.en) }));
      remote.reload();
    } catch (e) {
      if (isApiError(e) && e.code === 'common.VERSION_CONFLICT') {
        setPending(null);
        setConflict(errorText(e, t));
        return;
      }
      if (isApiError(e) && e.status === 409) {
        setPending(null);
        setFailure(errorText(e, t));
        return;
      }
      throw e;
    }
  };

  const reload = () => {
    setConflict(null);
    setFailure(null);
    remote.reload();
  };

  if (remote.error) return <LoadError error={remote.error} onRetry={remote.reload} />;
  if (!a) return <Skeleton active />;

  const editable = (a.state === 'draft' || a.state === 'returned') && a.actions.some((x) => x.action === 'submit');
  const actionButtons = (
    <Space wrap data-testid="adjustment-actions">
      {editable && (
        <Link to={`/workbench/catalog/adjustments/${a.id}/edit`}>
          <Button icon={<EditOutlined />} data-testid="adjustment-edit">
            {t('catalog.adj.edit')}
          </Button>
        </Link>
      )}
      {a.actions.map((x) => (
        <Button
          key={x.action}
          type={DANGER.has(x.action) ? 'default' : 'primary'}
          danger={x.action === 'reject'}
          disabled={conflict !== null}
          onClick={() => {
            setFailure(null);
            setPending(x);
          }}
          data-testid={`action-${x.action}`}
        >
          {bi(x.label.zh, x.label.en)}
        </Button>
      ))}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {t('catalog.adj.detailTitle', { id: a.id })}
            <Tag color={STATE_COLOR[a.state]} data-testid="adjustment-state">
              {bi(a.stateLabel.zh, a.stateLabel.en)}
            </Tag>
          </Space>
        }
        description={`${labelOf(CHANGE_LABEL, a.change, t)}：${a.name ?? '—'}`}
        extra={actionButtons}
      />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.adj.conflictTitle')}
          description={conflict}
          action={
            <Button icon={<ReloadOutlined />} onClick={reload} data-testid="adjustment-reload">
              {t('catalog.adj.reload')}
            </Button>
          }
          data-testid="adjustment-conflict"
        />
      )}
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure} closable={{ onClose: () => setFailure(null) }} />}
      {a.stale && !['published', 'rejected', 'withdrawn'].includes(a.state) && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('catalog.adj.staleTitle', { base: a.baseVersion, current: a.currentVersion })} description={t('catalog.adj.staleText')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16} style={{ minWidth: 0 }}>
          <Card
            title={a.change === 'create' ? t('catalog.adj.proposedNew') : t('catalog.adj.diffTitle', { version: a.baseVersion })}
            extra={
              a.itemId && (
                <Link to={`/items/${a.itemId}`} target="_blank">
                  {t('catalog.adj.viewCurrent')}
                </Link>
              )
            }
            data-testid="adjustment-diff"
          >
            {a.change === 'retire' ? (
              <Alert type="error" showIcon title={t('catalog.adj.retireNote')} />
            ) : a.diff ? (
              <DiffView diff={a.diff} />
            ) : (
              <ProposedSummary a={a} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('catalog.adj.request')} size="small">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'change', label: t('catalog.adj.change'), children: labelOf(CHANGE_LABEL, a.change, t) },
                  { key: 'org', label: t('catalog.field.implementingBody'), children: a.orgName ?? '—' },
                  { key: 'by', label: t('catalog.adj.requestedBy'), children: a.requestedBy.name ?? `#${a.requestedBy.id}` },
                  { key: 'at', label: t('catalog.adj.createdAt'), children: formatInstant(a.createdAt) },
                  { key: 'reason', label: t('catalog.adj.reason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.reason}</span> },
                  { key: 'basis', label: t('catalog.adj.basis'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.basis}</span> },
                  ...(a.itemId ? [{ key: 'base', label: t('catalog.adj.baseVersion'), children: t('catalog.adj.versions', { base: a.baseVersion, current: a.currentVersion }) }] : []),
                  ...(a.approvalDocNo ? [{ key: 'doc', label: t('catalog.version.approvalDocNo'), children: a.approvalDocNo }] : []),
                  ...(a.effectiveDate ? [{ key: 'date', label: t('catalog.version.effectiveDate'), children: a.effectiveDate }] : []),
                  ...(a.reviewNote ? [{ key: 'note', label: t('catalog.adj.reviewNote'), children: a.reviewNote }] : []),
                ]}
              />
            </Card>
            <Card title={t('catalog.adj.history')} size="small">
              <Timeline
                items={a.history.map((h) => ({
                  key: `${h.version}-${h.at}`,
                  content: (
                    <div>
                      <Typography.Text strong>{h.actorName}</Typography.Text> <Typography.Text>{t('catalog.adj.historyLine', { action: labelOf(ACTION_LABEL, h.action, t), to: labelOf(STATE_LABEL, h.to, t) })}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatInstant(h.at)}
                        </Typography.Text>
                      </div>
                      {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
                    </div>
                  ),
                }))}
              />
            </Card>
            {a.state === 'published' && a.itemId && (
              <Flex gap={8} wrap>
                <Button onClick={() => navigate(`/items/${a.itemId}/diff`)} data-testid="adjustment-published-diff">
                  {t('catalog.adj.publishedDiff')}
                </Button>
              </Flex>
            )}
          </Space>
        </Col>
      </Row>
      {pending && <ActionModal action={pending} onCancel={() => setPending(null)} onConfirm={(input) => run(pending, input)} />}
    </>
  );
}
