import { useMemo } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import { listBundles, listItems, listTypes } from '../catalog.api.ts';
import type { ApplicantKind, ItemSummary, ItemType } from '../catalog.types.ts';
import { ItemCard } from './ItemCard.tsx';
import { PortalSection } from './PortalSection.tsx';
import { SearchBox } from './SearchBox.tsx';
import { useItemPages } from './useItemPages.ts';

type Tab = 'event' | 'dept' | 'type';

/** Life events and departments seen among the most-used items, most frequent first. */
function facets(items: ItemSummary[], bundleEvents: string[]) {
  const events = new Map<string, number>();
  const depts = new Map<number, { id: number; name: string; count: number }>();
  for (const e of bundleEvents) events.set(e, events.get(e) ?? 0);
  for (const i of items) {
    for (const e of i.lifeEvents) events.set(e, (events.get(e) ?? 0) + 1);
    if (i.org.id !== null) {
      const d = depts.get(i.org.id) ?? { id: i.org.id, name: i.org.name, count: 0 };
      d.count += 1;
      depts.set(i.org.id, d);
    }
  }
  return {
    events: [...events.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([name]) => name),
    depts: [...depts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh')),
  };
}

function Chips<T extends string | number>({ values, selected, label, onPick, testId }: { values: T[]; selected?: T; label(v: T): string; onPick(v?: T): void; testId: string }) {
  return (
    <Flex wrap gap={8} data-testid={testId}>
      {values.map((v) => (
        <Tag.CheckableTag
          key={v}
          checked={selected === v}
          onChange={(on) => onPick(on ? v : undefined)}
          style={{ border: '1px solid #d9e2ef', padding: '4px 12px', fontSize: 14, margin: 0 }}
        >
          {label(v)}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}

/** Browse the service items: by life event, by department, by type, for persons or legal persons. */
export function ServicesPage() {
  const { t } = useI18n();
  const bi = useBilingual();
  const [params, setParams] = useSearchParams();
  const applicant = (params.get('applicant') as ApplicantKind | null) ?? undefined;
  const tab = (params.get('tab') as Tab | null) ?? (params.get('org') ? 'dept' : params.get('type') ? 'type' : 'event');
  const event = params.get('event') ?? undefined;
  const orgId = params.get('org') ? Number(params.get('org')) : undefined;
  const type = (params.get('type') as ItemType | null) ?? undefined;

  const sample = useRemote((signal) => listItems({ sort: 'popularity', limit: 200, applicantKind: applicant }, signal), [applicant]);
  const bundles = useRemote((signal) => listBundles({ limit: 200, applicantKind: applicant }, signal), [applicant]);
  const types = useRemote((signal) => listTypes(signal), []);
  const { events, depts } = useMemo(
    () => facets(sample.data?.items ?? [], (bundles.data?.items ?? []).map((b) => b.lifeEvent)),
    [sample.data, bundles.data],
  );

  const filter = tab === 'event' ? { lifeEvent: event } : tab === 'dept' ? { orgId } : { type };
  const list = useItemPages(
    (cursor, signal) => listItems({ ...filter, applicantKind: applicant, sort: 'popularity', limit: 20, cursor }, signal),
    JSON.stringify({ filter, applicant }),
  );
  const eventBundles = (bundles.data?.items ?? []).filter((b) => (event ? b.lifeEvent === event : true));

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const deptName = depts.find((d) => d.id === orgId)?.name ?? list.rows.find((r) => r.org.id === orgId)?.org.name;
  const typeLabel = types.data?.items.find((x) => x.itemType === type);
  const heading =
    tab === 'event' && event ? event : tab === 'dept' && deptName ? deptName : tab === 'type' && typeLabel ? bi(typeLabel.zh, typeLabel.en) : t('catalog.services.popular');

  return (
    <PortalSection title={t('catalog.nav.services')} description={t('catalog.services.description')} crumbs={[{ title: t('catalog.nav.services') }]}>
      <Card style={{ marginBottom: 16 }} className="tb-search-hero">
        <SearchBox />
      </Card>
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingTop: 8 } }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Tabs
            activeKey={tab}
            onChange={(k) => update({ tab: k, event: undefined, org: undefined, type: undefined })}
            items={[
              { key: 'event', label: t('catalog.services.byEvent') },
              { key: 'dept', label: t('catalog.services.byDept') },
              { key: 'type', label: t('catalog.services.byType') },
            ]}
            style={{ marginBottom: 0 }}
          />
          <Segmented
            value={applicant ?? 'all'}
            onChange={(v) => update({ applicant: v === 'all' ? undefined : String(v) })}
            options={[
              { value: 'person', label: t('catalog.applicant.personService') },
              { value: 'legal', label: t('catalog.applicant.legalService') },
              { value: 'all', label: t('catalog.services.all') },
            ]}
            data-testid="services-applicant"
          />
        </Flex>
        <div style={{ marginTop: 12 }}>
          {sample.error ? (
            <LoadError error={sample.error} onRetry={sample.reload} />
          ) : !sample.data ? (
            <Skeleton active paragraph={{ rows: 2 }} title={false} />
          ) : tab === 'event' ? (
            events.length ? (
              <Chips values={events} selected={event} label={(v) => v} onPick={(v) => update({ event: v })} testId="services-events" />
            ) : (
              <Typography.Text type="secondary">{t('catalog.services.noEvents')}</Typography.Text>
            )
          ) : tab === 'dept' ? (
            <Chips values={depts.map((d) => d.id)} selected={orgId} label={(id) => depts.find((d) => d.id === id)?.name ?? String(id)} onPick={(v) => update({ org: v === undefined ? undefined : String(v) })} testId="services-depts" />
          ) : (
            <Chips
              values={(types.data?.items ?? []).map((x) => x.itemType)}
              selected={type}
              label={(v) => {
                const l = types.data?.items.find((x) => x.itemType === v);
                return l ? bi(l.zh, l.en) : v;
              }}
              onPick={(v) => update({ type: v })}
              testId="services-types"
            />
          )}
        </div>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={tab === 'event' && eventBundles.length ? 16 : 24} style={{ minWidth: 0 }}>
          <Card title={heading} data-testid="services-list">
            {list.error ? (
              <LoadError error={list.error} onRetry={list.reload} />
            ) : list.rows.length === 0 && !list.loading ? (
              <Empty description={t('catalog.services.empty')} />
            ) : (
              <>
                {list.rows.map((i) => (
                  <ItemCard
                    key={i.id}
                    d={{
                      id: i.id,
                      title: i.name,
                      subTitle: i.subItemName ?? undefined,
                      typeLabel: bi(i.typeLabel.zh, i.typeLabel.en),
                      department: i.org.name,
                      visits: i.visits,
                      online: i.online,
                      promisedDays: i.promisedDays,
                    }}
                  />
                ))}
                {list.loading && <Skeleton active paragraph={{ rows: 3 }} />}
                {list.hasMore && (
                  <Flex justify="center" style={{ marginTop: 12 }}>
                    <Button onClick={() => void list.more()} loading={list.loading}>
                      {t('common.loadMore')}
                    </Button>
                  </Flex>
                )}
              </>
            )}
          </Card>
        </Col>
        {tab === 'event' && eventBundles.length > 0 && (
          <Col xs={24} lg={8}>
            <Card title={<Space><AppstoreOutlined />{t('catalog.nav.bundles')}</Space>}>
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                {eventBundles.slice(0, 12).map((b) => (
                  <Link key={b.code} to={`/bundles/${encodeURIComponent(b.code)}`} style={{ display: 'block' }}>
                    <Typography.Text strong className="tb-wrap" style={{ color: 'inherit' }}>
                      {b.name}
                    </Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {t('catalog.bundle.counts', { items: b.memberCount, questions: b.questionCount })}
                      </Typography.Text>
                    </div>
                  </Link>
                ))}
              </Space>
            </Card>
          </Col>
        )}
      </Row>
    </PortalSection>
  );
}
