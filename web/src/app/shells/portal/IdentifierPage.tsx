import { Col, Row } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { IdentifierChecker } from '../../../modules/ids/IdentifierChecker.tsx';
import { PortalPage } from './PortalPage.tsx';
import { RulesCard } from './RulesCard.tsx';

export function IdentifierPage() {
  const { t } = useI18n();
  return (
    <PortalPage title={t('ids.page.title')} description={t('ids.page.description')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <IdentifierChecker />
        </Col>
        <Col xs={24} lg={12}>
          <RulesCard title="ids.rules.title" points={['ids.rules.1', 'ids.rules.2', 'ids.rules.3']} />
        </Col>
      </Row>
    </PortalPage>
  );
}
