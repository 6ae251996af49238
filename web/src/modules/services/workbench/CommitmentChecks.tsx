/** 告知承诺核查: verification tasks of approvals on commitment, with their deadline; record whether the commitment holds. */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Table, Tag } from 'antd';
import { api } from '../../../app/api.ts';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { applyFormErrors } from '../../../app/errors.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import { formatInstant } from '../../../app/format.ts';
import type { Page } from '../services.types.ts';

export interface CommitmentCheck {
  id: number;
  applicationId: number;
  applicationNo: string;
  itemName: string;
  holderName: string;
  commitments: string;
  handlingOrgName: string;
  approvedAt: string;
  state: 'open' | 'met' | 'breached';
  stateLabel: { zh: string; en: string };
  result: string | null;
  version: number;
  dueDate: string | null;
  overdue: boolean;
  actions: { action: string }[];
}

export const commitmentChecks = (state: string | undefined, signal?: AbortSignal) =>
  api.get<Page<CommitmentCheck>>('/api/supervision/commitment-checks', { state, limit: 200 }, signal);

export function CommitmentChecks() {
  const { t } = useI18n();
  const bi = useBilingual();
  const { message } = App.useApp();
  const [state, setState] = useState<'open' | 'met' | 'breached'>('open');
  const list = useRemote((s) => commitmentChecks(state, s), [state]);
  const [recording, setRecording] = useState<CommitmentCheck | null>(null);
  const [form] = Form.useForm<{ met: boolean; result: string }>();

  const submit = async () => {
    if (!recording) return;
    const v = await form.validateFields();
    try {
      await api.post(`/api/supervision/commitment-checks/${recording.id}/result`, { version: recording.version, met: v.met, result: v.result });
      message.success(bi('已记录核查结果', 'Result recorded'));
      setRecording(null);
      list.reload();
    } catch (e) {
      applyFormErrors(form, e, ['met', 'result'], t);
    }
  };

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Radio.Group value={state} onChange={(e) => setState(e.target.value)} style={{ marginBottom: 12 }} optionType="button">
        <Radio.Button value="open">{bi('待核查', 'To verify')}</Radio.Button>
        <Radio.Button value="met">{bi('核查属实', 'Met')}</Radio.Button>
        <Radio.Button value="breached">{bi('承诺不实', 'Breached')}</Radio.Button>
      </Radio.Group>
      <Table<CommitmentCheck>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="commitment-checks"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: bi('办件编号', 'Application'), dataIndex: 'applicationNo', render: (v: string, r) => <a href={`/workbench/applications/${r.applicationId}`}>{v}</a> },
          { title: bi('事项', 'Item'), dataIndex: 'itemName' },
          { title: bi('申请人', 'Applicant'), dataIndex: 'holderName' },
          { title: bi('承诺内容', 'Commitment'), dataIndex: 'commitments', ellipsis: true },
          { title: bi('批准时间', 'Approved'), dataIndex: 'approvedAt', render: (v: string) => formatInstant(v) },
          {
            title: bi('核查期限', 'Verify by'),
            dataIndex: 'dueDate',
            render: (v: string | null, r) => (v ? <Tag color={r.overdue ? 'red' : 'blue'}>{v}</Tag> : '—'),
          },
          { title: bi('状态', 'State'), render: (_: unknown, r) => bi(r.stateLabel.zh, r.stateLabel.en) + (r.result ? `：${r.result}` : '') },
          {
            title: '',
            render: (_: unknown, r) =>
              r.actions.some((a) => a.action === 'record') ? (
                <Button size="small" onClick={() => (form.resetFields(), setRecording(r))}>
                  {bi('记录核查结果', 'Record result')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={recording !== null} title={bi('记录核查结果', 'Record the result')} onCancel={() => setRecording(null)} onOk={() => void submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ met: true }}>
          <Form.Item name="met" label={bi('承诺是否属实', 'Does the commitment hold?')}>
            <Radio.Group>
              <Radio value={true}>{bi('属实', 'Yes')}</Radio>
              <Radio value={false}>{bi('不实（撤销许可）', 'No (revoke the approval)')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="result" label={bi('核查情况', 'Findings')} rules={[{ required: true, min: 4, message: bi('请写明核查情况（至少 4 个字）', 'Describe the findings (at least 4 characters)') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
