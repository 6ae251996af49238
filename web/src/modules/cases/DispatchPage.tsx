import { useState } from 'react';
import { Button, Flex, Input, Tabs } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../../app/i18n/index.tsx';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { casesApi, type CaseSummary, type Page } from './cases.api.ts';
import { CaseList } from './CaseList.tsx';
import { CaseDrawer } from './CaseDrawer.tsx';
import { useCasePages } from './useCasePages.ts';
import { CaseNotices } from './CaseNotices.tsx';

type View = 'queue' | 'reported' | 'filed' | 'returned' | 'arbitration' | 'review' | 'callback' | 'extension' | 'all';

const filtered = async (p: Promise<Page<CaseSummary>>, keep: (c: CaseSummary) => boolean) => {
  const page = await p;
  return { ...page, items: page.items.filter(keep) };
};

/** What each tab lists: the command centre's queue by state, replies to review, call-backs, extension requests, and every case. */
function loaderOf(view: View, q: string) {
  return (offset: number, signal: AbortSignal): Promise<Page<CaseSummary>> => {
    const base = { offset, limit: 30 };
    switch (view) {
      case 'queue':
        return casesApi.queue(base, signal);
      case 'reported':
      case 'filed':
      case 'returned':
      case 'arbitration':
        return casesApi.queue({ ...base, state: view }, signal);
      case 'review':
        return filtered(casesApi.list({ ...base, state: 'handled' }, signal), (c) => c.kind === 'hotline' || c.kind === 'complaint');
      case 'callback':
        return casesApi.list({ ...base, state: 'reviewed', kind: 'hotline' }, signal);
      case 'extension':
        return filtered(casesApi.list({ ...base, state: 'signed', limit: 200 }, signal), (c) => !!c.pendingExtension);
      case 'all':
        return casesApi.list({ ...base, q: q || undefined }, signal);
    }
  };
}

const TABS: { key: View; label: MessageKey }[] = [
  { key: 'queue', label: 'cases.dispatch.tab.queue' },
  { key: 'reported', label: 'cases.dispatch.tab.reported' },
  { key: 'filed', label: 'cases.dispatch.tab.filed' },
  { key: 'returned', label: 'cases.dispatch.tab.returned' },
  { key: 'arbitration', label: 'cases.dispatch.tab.arbitration' },
  { key: 'review', label: 'cases.dispatch.tab.review' },
  { key: 'callback', label: 'cases.dispatch.tab.callback' },
  { key: 'extension', label: 'cases.dispatch.tab.extension' },
  { key: 'all', label: 'cases.dispatch.tab.all' },
];

/**
 * 调度台: the command centre's queue with the duty list's routing suggestion
 * and its reason; file, dispatch, reassign, arbitrate returns, merge
 * duplicates, review replies, approve extensions and urge, in a drawer
 * beside the list.
 */
export function DispatchPage() {
  const { t } = useI18n();
  useDocumentTitle([t('cases.nav.dispatch')]);
  const [view, setView] = useState<View>('queue');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const list = useCasePages(loaderOf(view, q), `${view}:${q}`);
  return (
    <div>
      <PageHeader
        title={t('cases.nav.dispatch')}
        description={t('cases.dispatch.description')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={list.reload} data-testid="dispatch-reload">
            {t('cases.list.reload')}
          </Button>
        }
      />
      <CaseNotices onOpen={setOpen} tick={list.items.length} />
      <Tabs
        activeKey={view}
        onChange={(k) => setView(k as View)}
        items={TABS.map((tab) => ({ key: tab.key, label: <span data-testid={`dispatch-tab-${tab.key}`}>{t(tab.label)}</span> }))}
      />
      {view === 'all' && (
        <Flex style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('cases.dispatch.searchPlaceholder')} onSearch={setQ} style={{ maxWidth: 360 }} data-testid="dispatch-search" />
        </Flex>
      )}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <CaseList items={list.items} loading={list.loading} onOpen={(c) => setOpen(c.id)} more={list.more} onMore={list.loadMore} unit="suggestion" testId="dispatch-cases" />
      <CaseDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </div>
  );
}
