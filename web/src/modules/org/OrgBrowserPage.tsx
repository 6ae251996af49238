import { useEffect } from 'react';
import { Card, Col, Empty, Grid, Row } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { getOrgTree } from './org.api.ts';
import { OrgTreePanel } from './OrgTreePanel.tsx';
import { OrgPicker } from './OrgPicker.tsx';
import { OrgDetailPanel } from './OrgDetailPanel.tsx';

/** Organisation browser: the hierarchy in scope, and one organisation's detail (selected via ?org=). */
export function OrgBrowserPage() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const tree = useRemote((signal) => getOrgTree(signal), []);
  const roots = tree.data?.items ?? [];
  const selected = Number(params.get('org')) || undefined;
  const select = (id: number) => setParams({ org: String(id) }, { replace: false });

  useEffect(() => {
    if (!selected && roots.length) setParams({ org: String(roots[0].id) }, { replace: true });
  }, [selected, roots, setParams]);

  return (
    <>
      <PageHeader title={t('workbench.nav.orgs')} description={t('org.page.description')} />
      {tree.error ? (
        <LoadError error={tree.error} onRetry={tree.reload} />
      ) : (
        <Row gutter={[16, 16]}>
          {screens.lg ? (
            <Col lg={8} xl={7}>
              <OrgTreePanel tree={roots} selected={selected} onSelect={select} loading={tree.loading && !tree.data} />
            </Col>
          ) : (
            <Col span={24}>
              <OrgPicker tree={roots} value={selected} onChange={select} />
            </Col>
          )}
          <Col xs={24} lg={16} xl={17}>
            {selected ? <OrgDetailPanel orgId={selected} onSelect={select} /> : !tree.loading && <Card><Empty description={t('org.tree.empty')} /></Card>}
          </Col>
        </Row>
      )}
    </>
  );
}
