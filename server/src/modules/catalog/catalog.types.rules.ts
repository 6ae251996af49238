/**
 * Item types (DOMAIN §1): one enum with the numeric codes of deployed data
 * and the two-letter codes of provincial standards as labels. The labels
 * are local practice: `catalog_type_labels` may override them per deployment.
 */
export const ITEM_TYPES = [
  'licensing',
  'penalty',
  'compulsion',
  'levy',
  'benefit',
  'inspection',
  'confirmation',
  'reward',
  'adjudication',
  'other',
  'public_service',
  'filing',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export interface ItemTypeLabel {
  zh: string;
  en: string;
  /** Numeric code used by deployed national/provincial data (1 licensing, 5 benefit, …, 20 public service). */
  num: number;
  /** Two-letter code of provincial standards (XK, CF, …). */
  letters: string;
}

export const DEFAULT_TYPE_LABELS: Record<ItemType, ItemTypeLabel> = {
  licensing: { zh: '行政许可', en: 'Licensing', num: 1, letters: 'XK' },
  penalty: { zh: '行政处罚', en: 'Penalty', num: 2, letters: 'CF' },
  compulsion: { zh: '行政强制', en: 'Compulsion', num: 3, letters: 'QZ' },
  levy: { zh: '行政征收', en: 'Levy', num: 4, letters: 'ZS' },
  benefit: { zh: '行政给付', en: 'Benefit', num: 5, letters: 'JF' },
  inspection: { zh: '行政检查', en: 'Inspection', num: 6, letters: 'JC' },
  confirmation: { zh: '行政确认', en: 'Confirmation', num: 7, letters: 'QR' },
  reward: { zh: '行政奖励', en: 'Reward', num: 8, letters: 'JL' },
  adjudication: { zh: '行政裁决', en: 'Adjudication', num: 9, letters: 'CJ' },
  other: { zh: '其他行政权力', en: 'Other administrative power', num: 10, letters: 'QT' },
  public_service: { zh: '公共服务', en: 'Public service', num: 20, letters: 'GG' },
  filing: { zh: '行政备案', en: 'Filing', num: 11, letters: 'BA' },
};

/** Resolves a type given as enum key, Chinese name, numeric code or letter code; null when unknown. */
export function parseItemType(raw: string | number, labels: Record<ItemType, ItemTypeLabel> = DEFAULT_TYPE_LABELS): ItemType | null {
  const v = String(raw).trim();
  if (!v) return null;
  for (const t of ITEM_TYPES) {
    const l = labels[t];
    if (v === t || v === l.zh || v === String(l.num) || v.toUpperCase() === l.letters) return t;
  }
  // published lists sometimes write 其他权力 / 其它行政权力
  if (/^其[他它](行政)?权力$/.test(v)) return 'other';
  return null;
}

/** Power items are everything but public services (the power list vs the public-service list). */
export const isPowerType = (t: ItemType) => t !== 'public_service';
