import { Col, Row } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { useCapabilities } from '../../capabilities.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { WorkingDayCalculator } from '../../../modules/clock/WorkingDayCalculator.tsx';
import { YearCalendar } from '../../../modules/clock/YearCalendar.tsx';
import { RulesCard } from '../portal/RulesCard.tsx';

/** Deadline calculator and the official calendar, inside the workbench. */
export function WorkbenchWorkingDaysPage() {
  const { t } = useI18n();
  const { has } = useCapabilities();
  return (
    <>
      <PageHeader title={t('workbench.nav.workingDays')} description={t('clock.page.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <WorkingDayCalculator />
        </Col>
        <Col xs={24} lg={12}>
          <RulesCard title="clock.rules.title" points={['clock.rules.1', 'clock.rules.2', 'clock.rules.3', 'clock.rules.4']} />
        </Col>
        {has('GET /api/calendar/days') && (
          <Col span={24}>
            <YearCalendar />
          </Col>
        )}
      </Row>
    </>
  );
}
