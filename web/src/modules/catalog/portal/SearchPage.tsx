import { Alert, Card, Checkbox, Col, Empty, Flex, Pagination, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { searchCatalog } from '../catalog.api.ts';
import { ITEM_TYPES, type ApplicantKind, type ItemKind, type SearchQuery } from '../catalog.types.ts';
import { Highlight } from '../Highlight.tsx';
import { TYPE_LABEL } from '../typeLabels.ts';
import { ItemCard } from './ItemCard.tsx';
import { PortalSection } from './PortalSection.tsx';
import { SearchBox } from './SearchBox.tsx';

const PAGE_SIZE = 10;
/** The server pages at most this far (MAX_SEARCH_OFFSET). */
const MAX_OFFSET = 1000;

/** Results of the catalog search: highlighted names and excerpts, filters, expanded terms, pages. */
export function SearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters: Omit<SearchQuery, 'q'> = {
    type: params.get('type') ?? undefined,
    kind: (params.get('kind') as ItemKind | null) ?? undefined,
    applicantKind: (params.get('applicantKind') as ApplicantKind | null) ?? undefined,
    visits: params.get('visits') !== null ? Number(params.get('visits')) : undefined,
    online: params.get('online') === 'true' ? true : undefined,
  };
  const key = params.toString();
  const result = useRemote(q ? (signal) => searchCatalog({ q, ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal) : null, [key]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
    window.scrollTo({ top: 0 });
  };

  const r = result.data;
  return (
    <PortalSection title={q ? t('catalog.search.titleFor', { q }) : t('catalog.search.title')} crumbs={[{ title: t('catalog.search.title') }]} hideTitle>
      <Card style={{ marginBottom: 16 }} className="tb-search-hero">
        <SearchBox initial={q} />
        <Row gutter={[8, 8]} style={{ marginTop: 12 }}>
          <Col xs={12} md={6}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder={t('catalog.filter.type')}
              value={filters.type}
              onChange={(v?: string) => update({ type: v })}
              options={ITEM_TYPES.map((it) => ({ value: it, label: t(TYPE_LABEL[it]) }))}
              data-testid="search-filter-type"
            />
          </Col>
          <Col xs={12} md={5}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder={t('catalog.filter.applicant')}
              value={filters.applicantKind}
              onChange={(v?: string) => update({ applicantKind: v })}
              options={[
                { value: 'person', label: t('catalog.applicant.personService') },
                { value: 'legal', label: t('catalog.applicant.legalService') },
              ]}
            />
          </Col>
          <Col xs={12} md={5}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder={t('catalog.filter.visits')}
              value={filters.visits}
              onChange={(v?: number) => update({ visits: v === undefined ? undefined : String(v) })}
              options={[
                { value: 0, label: t('catalog.visits.zero') },
                { value: 1, label: t('catalog.visits.atMostOne') },
              ]}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder={t('catalog.filter.kind')}
              value={filters.kind}
              onChange={(v?: string) => update({ kind: v })}
              options={[
                { value: 'service', label: t('catalog.kind.service') },
                { value: 'power', label: t('catalog.kind.power') },
              ]}
            />
          </Col>
          <Col xs={24} md={4} style={{ display: 'flex', alignItems: 'center' }}>
            <Checkbox checked={filters.online === true} onChange={(e) => update({ online: e.target.checked ? 'true' : undefined })}>
              {t('catalog.filter.online')}
            </Checkbox>
          </Col>
        </Row>
      </Card>

      {!q ? (
        <Empty description={t('catalog.search.enter')} />
      ) : result.error ? (
        <LoadError error={result.error} onRetry={result.reload} />
      ) : !r ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <Card data-testid="search-results">
          <Flex wrap gap={8} align="baseline" style={{ marginBottom: 8 }}>
            <Typography.Text data-testid="search-total">{t('catalog.search.total', { n: r.total })}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalog.search.took', { ms: Math.max(1, Math.round(r.took)) })}
            </Typography.Text>
          </Flex>
          {r.expanded.length > 1 && (
            <div style={{ marginBottom: 8 }} data-testid="search-expanded">
              <Typography.Text type="secondary">{t('catalog.search.expanded')}</Typography.Text>{' '}
              {r.expanded.map((term) => (
                <Tag key={term} color={term === q ? undefined : 'geekblue'}>
                  {term}
                </Tag>
              ))}
            </div>
          )}
          {r.relaxed && r.items.length > 0 && page === 1 && (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('catalog.search.relaxed')} data-testid="search-relaxed" />
              <div style={{ marginBottom: 8 }} data-testid="search-didyoumean">
                <Typography.Text type="secondary">{t('catalog.search.didYouMean')}</Typography.Text>
                {r.items.slice(0, 3).map((h, i) => (
                  <span key={h.id}>
                    {i > 0 && '、'}
                    <Link to={`/items/${h.id}`}>{h.name}</Link>
                  </span>
                ))}
              </div>
            </>
          )}
          {r.bundles.length > 0 && page === 1 && (
            <div style={{ background: '#f5f8fd', borderRadius: 6, padding: '10px 14px', margin: '8px 0' }} data-testid="search-bundles">
              <Typography.Text strong>
                <AppstoreOutlined /> {t('catalog.search.bundles')}
              </Typography.Text>
              <Space orientation="vertical" size={4} style={{ display: 'flex', marginTop: 6 }}>
                {r.bundles.map((b) => (
                  <Link key={b.code} to={`/bundles/${encodeURIComponent(b.code)}`} className="tb-wrap">
                    <Highlight html={b.highlight} />
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {' '}
                      · {b.lifeEvent}
                    </Typography.Text>
                  </Link>
                ))}
              </Space>
            </div>
          )}
          {r.items.length === 0 ? (
            <Empty description={t('catalog.search.none')} />
          ) : (
            r.items.map((h) => (
              <ItemCard
                key={h.id}
                testId="search-hit"
                d={{
                  id: h.id,
                  title: <Highlight html={h.highlight} />,
                  subTitle: h.subItemName ?? undefined,
                  snippet: h.snippet ? <Highlight html={h.snippet} /> : undefined,
                  typeLabel: h.typeLabel,
                  department: h.department,
                  visits: h.visits,
                  online: h.online,
                  promisedDays: h.promisedDays,
                  extra: h.match === 'fuzzy' ? <Tag>{t('catalog.search.fuzzy')}</Tag> : undefined,
                }}
              />
            ))
          )}
          {r.total > PAGE_SIZE && (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={Math.min(r.total, MAX_OFFSET + PAGE_SIZE)}
                showSizeChanger={false}
                size="small"
                onChange={(p) => update({ page: String(p) })}
              />
            </Flex>
          )}
        </Card>
      )}
    </PortalSection>
  );
}
