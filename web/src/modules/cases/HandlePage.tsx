import { useState } from 'react';
import { Button, Flex } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n/index.tsx';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { casesApi } from './cases.api.ts';
import { CaseList } from './CaseList.tsx';
import { CaseDrawer } from './CaseDrawer.tsx';
import { useCasePages } from './useCasePages.ts';
import { CaseNotices } from './CaseNotices.tsx';

/** 处置: my unit's cases, overdue first, then due soonest and most urgent; sign, feed back, ask for more time or return. */
export function HandlePage() {
  const { t } = useI18n();
  useDocumentTitle([t('cases.nav.handle')]);
  const [open, setOpen] = useState<number | null>(null);
  const list = useCasePages((offset, signal) => casesApi.mine({ offset, limit: 30 }, signal), 'mine');
  return (
    <div>
      <PageHeader
        title={t('cases.nav.handle')}
        description={t('cases.handle.description')}
        extra={
          <Flex gap={8}>
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              {t('cases.list.reload')}
            </Button>
          </Flex>
        }
      />
      <CaseNotices onOpen={setOpen} tick={list.items.length} />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <CaseList items={list.items} loading={list.loading} onOpen={(c) => setOpen(c.id)} more={list.more} onMore={list.loadMore} unit="none" testId="handle-cases" />
      <CaseDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </div>
  );
}
