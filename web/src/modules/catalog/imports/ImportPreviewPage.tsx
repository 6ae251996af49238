import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Popconfirm, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CheckOutlined, DeleteOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../app/api.ts';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { applyFormErrors, errorText } from '../../../app/errors.ts';
import { formatInstant } from '../../../app/format.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { commitImport, discardImport, getImport } from '../catalog.api.ts';
import type { ImportPreview, ImportRowPreview, RowError } from '../catalog.types.ts';
import { LEVEL_LABEL, daysText, labelOf, visitsText } from '../labels.ts';
import { ImportStateTag } from './ImportStateTag.tsx';

interface CommitValues {
  approvalDocNo: string;
  effectiveDate: Dayjs;
  reason?: string;
}

function ProblemTable({ rows, testId }: { rows: RowError[]; testId: string }) {
  const { t, lang } = useI18n();
  const multiSheet = rows.some((r) => r.sheet);
  return (
    <Table<RowError & { i: number }>
      size="small"
      rowKey="i"
      dataSource={rows.map((r, i) => ({ ...r, i }))}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      columns={[
        ...(multiSheet ? [{ title: t('catalog.import.sheet'), dataIndex: 'sheet', width: 100 }] : []),
        { title: t('catalog.import.row'), dataIndex: 'row', width: 64, align: 'right' as const },
        { title: t('catalog.import.column'), dataIndex: 'column', width: 140, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('catalog.import.wholeRow')}</Typography.Text> },
        { title: t('catalog.import.value'), dataIndex: 'value', width: 160, render: (v?: string) => <div style={{ maxWidth: 220 }} className="tb-wrap">{v ?? '—'}</div> },
        { title: t('catalog.import.message'), key: 'message', render: (_, r) => <div style={{ minWidth: 280 }}>{lang === 'en' ? r.messageEn : r.message}</div> },
      ]}
    />
  );
}

/** The preview of an uploaded list: counts, every row and column error, the first rows; commit with the approval document, or discard. */
export function ImportPreviewPage() {
  const { id } = useParams();
  const batchId = Number(id);
  const { t } = useI18n();
  const { message } = App.useApp();
  const remote = useRemote((signal) => getImport(batchId, signal), [batchId]);
  const [form] = Form.useForm<CommitValues>();
  const [busy, setBusy] = useState<'commit' | 'discard' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [override, setOverride] = useState<ImportPreview | null>(null);
  const b = override?.id === batchId ? override : remote.data;

  const fail = (e: unknown, fields: string[]) => {
    if (isApiError(e) && e.code === 'common.VERSION_CONFLICT') {
      setError(t('catalog.import.conflict'));
      setOverride(null);
      remote.reload();
      return;
    }
    setError(fields.length ? applyFormErrors(form, e, fields, t) : errorText(e, t));
  };

  const commit = async () => {
    if (!b) return;
    const v = await form.validateFields();
    setBusy('commit');
    setError(null);
    try {
      setOverride(await commitImport(b.id, { version: b.version, approvalDocNo: v.approvalDocNo.trim(), effectiveDate: v.effectiveDate.format('YYYY-MM-DD'), reason: v.reason?.trim() || undefined }));
      message.success(t('catalog.import.committedMessage'));
    } catch (e) {
      fail(e, ['approvalDocNo', 'effectiveDate', 'reason']);
    } finally {
      setBusy(null);
    }
  };

  const discard = async () => {
    if (!b) return;
    setBusy('discard');
    setError(null);
    try {
      setOverride(await discardImport(b.id, b.version));
      message.success(t('catalog.import.discardedMessage'));
    } catch (e) {
      fail(e, []);
    } finally {
      setBusy(null);
    }
  };

  if (remote.error) return <LoadError error={remote.error} onRetry={remote.reload} />;
  if (!b) return <Skeleton active />;
  const s = b.summary;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {t('catalog.import.previewTitle', { file: b.fileName })}
            <ImportStateTag batch={b} />
          </Space>
        }
        description={t('catalog.import.previewDescription', { region: b.regionName, at: b.createdAt ? formatInstant(b.createdAt) : '' })}
        extra={<Link to="/workbench/catalog/imports">{t('catalog.import.back')}</Link>}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="import-counts">
        {[
          { key: 'total', label: t('catalog.import.totalRows'), value: b.totalRows },
          { key: 'valid', label: t('catalog.import.validRows'), value: b.validRows },
          { key: 'errors', label: t('catalog.import.errors'), value: b.errorCount, danger: b.errorCount > 0 },
          { key: 'warnings', label: t('catalog.import.warnings'), value: b.warningCount },
          { key: 'create', label: t('catalog.import.create'), value: s.create },
          { key: 'update', label: t('catalog.import.update'), value: s.update },
        ].map((x) => (
          <Col xs={12} md={8} xl={4} key={x.key}>
            <Card size="small">
              <Statistic title={x.label} value={x.value} styles={{ content: x.danger ? { color: '#cf1322' } : undefined }} data-testid={`import-count-${x.key}`} />
            </Card>
          </Col>
        ))}
      </Row>

      {b.state === 'previewed' && b.errorCount > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('catalog.import.cannotCommit', { n: b.errorCount })} description={t('catalog.import.fixAndRetry')} data-testid="import-blocked" />
      )}
      {b.state === 'committed' && b.result && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.import.result', { created: b.result.created, updated: b.result.updated, unchanged: b.result.unchanged })}
          description={t('catalog.import.resultDoc', { doc: b.approvalDocNo ?? '', date: b.effectiveDate ?? '' })}
          data-testid="import-result"
        />
      )}
      {b.state === 'discarded' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('catalog.import.discardedNote')} data-testid="import-discarded" />}

      {b.errors.length > 0 && (
        <Card title={t('catalog.import.errorList', { n: b.errors.length })} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
          <ProblemTable rows={b.errors} testId="import-errors" />
        </Card>
      )}
      {b.warnings.length > 0 && (
        <Card title={t('catalog.import.warningList', { n: b.warnings.length })} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
          <ProblemTable rows={b.warnings} testId="import-warnings" />
        </Card>
      )}

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card title={t('catalog.import.byType')} size="small" style={{ height: '100%' }}>
            <Descriptions size="small" column={1} items={s.byType.map((x) => ({ key: x.itemType, label: x.label, children: x.count }))} />
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card title={t('catalog.import.byDepartment')} size="small" style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={s.byDepartment.map((x) => ({
                key: `${x.orgId ?? x.name}`,
                label: (
                  <span>
                    {x.name}
                    {x.create && (
                      <Tag color="orange" style={{ marginInlineStart: 4 }}>
                        {t('catalog.import.newOrg')}
                      </Tag>
                    )}
                  </span>
                ),
                children: x.count,
              }))}
            />
            {s.sheets.some((sh) => sh.unknownColumns.length > 0) && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
                {t('catalog.import.unknownColumns', { columns: [...new Set(s.sheets.flatMap((sh) => sh.unknownColumns))].join('、') })}
              </Typography.Paragraph>
            )}
            {s.skippedSheets.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
                {t('catalog.import.skippedSheets', { sheets: s.skippedSheets.join('、') })}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>

      <Card title={t('catalog.import.firstRows', { n: b.firstRows.length })} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
        <Table<ImportRowPreview>
          size="small"
          rowKey={(r) => `${r.sheet ?? ''}.${r.row}`}
          dataSource={b.firstRows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="import-rows"
          columns={[
            { title: t('catalog.import.row'), dataIndex: 'row', width: 60, align: 'right' },
            { title: t('catalog.import.action'), dataIndex: 'action', width: 72, render: (v: string) => (v === 'create' ? <Tag color="green">{t('catalog.import.create')}</Tag> : <Tag color="blue">{t('catalog.import.update')}</Tag>) },
            { title: t('catalog.field.name'), key: 'name', render: (_, r) => <div style={{ minWidth: 180, maxWidth: 320 }}>{[r.name, r.subItemName].filter(Boolean).join(' — ')}</div> },
            { title: t('catalog.field.itemType'), dataIndex: 'typeLabel', width: 96 },
            { title: t('catalog.field.implementingBody'), key: 'body', render: (_, r) => r.implementingBody.name },
            { title: t('catalog.field.implCode'), dataIndex: 'implCode', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('catalog.import.codeLater')}</Typography.Text> },
            { title: t('catalog.field.level'), dataIndex: 'level', width: 72, render: (v: ImportRowPreview['level']) => labelOf(LEVEL_LABEL, v, t) },
            { title: t('catalog.list.statutory'), dataIndex: 'statutoryDays', width: 100, render: (v: number | null) => daysText(v, t) },
            { title: t('catalog.list.promised'), dataIndex: 'promisedDays', width: 100, render: (v: number | null) => daysText(v, t) },
            { title: t('catalog.field.visits'), dataIndex: 'visits', width: 100, render: (v: number | null) => visitsText(v, t) },
          ]}
        />
      </Card>

      {b.state === 'previewed' && (
        <Card title={t('catalog.import.commitTitle')} data-testid="import-commit-card">
          <Form form={form} layout="vertical" initialValues={{ effectiveDate: dayjs() }} disabled={!b.canCommit}>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="approvalDocNo" label={t('catalog.version.approvalDocNo')} rules={[{ required: true, whitespace: true, message: t('catalog.editor.required') }]}>
                  <Input maxLength={100} placeholder="澄政发〔2026〕12号" data-testid="import-docno" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="effectiveDate" label={t('catalog.version.effectiveDate')} rules={[{ required: true, message: t('catalog.editor.required') }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="reason" label={t('catalog.import.reason')}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="import-commit-error" />}
          <Space wrap>
            <Button type="primary" icon={<CheckOutlined />} disabled={!b.canCommit || busy !== null} loading={busy === 'commit'} onClick={() => void commit().catch(() => undefined)} data-testid="import-commit">
              {t('catalog.import.commit', { n: b.validRows })}
            </Button>
            <Popconfirm title={t('catalog.import.discardConfirm')} onConfirm={() => void discard()} okText={t('catalog.import.discard')} cancelText={t('common.cancel')}>
              <Button danger icon={<DeleteOutlined />} disabled={busy !== null} loading={busy === 'discard'} data-testid="import-discard">
                {t('catalog.import.discard')}
              </Button>
            </Popconfirm>
          </Space>
        </Card>
      )}
    </>
  );
}
