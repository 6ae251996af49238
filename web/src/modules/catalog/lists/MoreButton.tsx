import { Button, Flex } from 'antd';
import { useI18n } from '../../../app/i18n/index.tsx';

/** "Load more" under a cursor-paged list. */
export function MoreButton({ list }: { list: { hasMore: boolean; loading: boolean; more(): Promise<void> } }) {
  const { t } = useI18n();
  if (!list.hasMore) return null;
  return (
    <Flex justify="center" style={{ padding: 12 }}>
      <Button onClick={() => void list.more()} loading={list.loading}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
}
