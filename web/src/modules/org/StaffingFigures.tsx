import { useState } from 'react';
import { Alert, Button, Col, Progress, Row, Statistic, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n/index.tsx';
import { formatInstant } from '../../app/format.ts';
import { StaffingEditModal } from './StaffingEditModal.tsx';
import type { Staffing } from './org.types.ts';

/** 编制数 / 实有人数 / 空编, 领导职数 and 内设机构, with over-quota warnings; editable with staffing:manage. */
export function StaffingFigures({ orgId, staffing, editable, onSaved }: { orgId: number; staffing: Staffing; editable: boolean; onSaved(): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const used = staffing.quota > 0 ? Math.round((staffing.actual / staffing.quota) * 100) : 0;
  return (
    <div data-testid="staffing-figures">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('staffing.quota')} value={staffing.quota} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('staffing.actual')} value={staffing.actual} styles={{ content: staffing.overQuota ? { color: '#b42318' } : undefined }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('staffing.vacancies')} value={staffing.vacancies} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('staffing.leaders')} value={staffing.leaderActual} suffix={`/ ${staffing.leaderQuota}`} styles={{ content: staffing.overLeadership ? { color: '#b42318' } : undefined }} />
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('staffing.usage')}</Typography.Text>
        <Progress percent={Math.min(used, 100)} status={staffing.overQuota ? 'exception' : 'normal'} format={() => `${used}%`} />
      </div>
      {(staffing.overQuota || staffing.overLeadership) && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={[staffing.overQuota && t('staffing.overQuota'), staffing.overLeadership && t('staffing.overLeadership')].filter(Boolean).join('；')}
        />
      )}
      <div style={{ marginTop: 12, display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('staffing.internalUnits')}：{staffing.internalUnits} · {t('staffing.updatedAt')}：{formatInstant(staffing.updatedAt)}
        </Typography.Text>
        {editable && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="staffing-edit">
            {t('staffing.edit')}
          </Button>
        )}
      </div>
      {editing && (
        <StaffingEditModal
          orgId={orgId}
          staffing={staffing}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      )}
    </div>
  );
}
