import type { MessageKey } from '../../app/i18n/index.tsx';
import type { ItemType } from './catalog.types.ts';

/** Default names of the item types (the server's /api/catalog/types may carry local labels). */
export const TYPE_LABEL: Record<ItemType, MessageKey> = {
  licensing: 'catalog.type.licensing',
  penalty: 'catalog.type.penalty',
  compulsion: 'catalog.type.compulsion',
  levy: 'catalog.type.levy',
  benefit: 'catalog.type.benefit',
  inspection: 'catalog.type.inspection',
  confirmation: 'catalog.type.confirmation',
  reward: 'catalog.type.reward',
  adjudication: 'catalog.type.adjudication',
  other: 'catalog.type.other',
  public_service: 'catalog.type.public_service',
  filing: 'catalog.type.filing',
};
