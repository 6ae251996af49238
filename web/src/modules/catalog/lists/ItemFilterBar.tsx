import { useEffect, useState } from 'react';
import { Button, Col, Input, Row, Select } from 'antd';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import { listTypes } from '../catalog.api.ts';
import type { ItemQuery } from '../catalog.types.ts';
import { LEVEL_LABEL } from '../labels.ts';

export type ItemFilter = Pick<ItemQuery, 'q' | 'type' | 'kind' | 'level' | 'status' | 'lifeEvent' | 'applicantKind'>;

/** Filters of the item lists: name, type, power or service, level, status. */
export function ItemFilterBar({ value, onChange, showStatus = true }: { value: ItemFilter; onChange(f: ItemFilter): void; showStatus?: boolean }) {
  const { t } = useI18n();
  const bi = useBilingual();
  const types = useRemote((signal) => listTypes(signal), []);
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  const set = (patch: Partial<ItemFilter>) => onChange({ ...value, ...patch });
  return (
    <Row gutter={[8, 8]} data-testid="item-filters">
      <Col xs={24} md={8}>
        <Input.Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('catalog.filter.name')}
          allowClear
          data-testid="item-filter-q"
        />
      </Col>
      <Col xs={12} md={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('catalog.filter.kind')}
          value={value.kind}
          onChange={(v) => set({ kind: v, type: undefined })}
          options={[
            { value: 'power', label: t('catalog.kind.power') },
            { value: 'service', label: t('catalog.kind.service') },
          ]}
        />
      </Col>
      <Col xs={12} md={4}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('catalog.filter.type')}
          value={value.type}
          onChange={(v) => set({ type: v })}
          options={(types.data?.items ?? []).filter((x) => !value.kind || x.kind === value.kind).map((x) => ({ value: x.itemType, label: bi(x.zh, x.en) }))}
        />
      </Col>
      <Col xs={12} md={3}>
        <Select
          style={{ width: '100%' }}
          allowClear
          placeholder={t('catalog.filter.level')}
          value={value.level}
          onChange={(v) => set({ level: v })}
          options={(Object.keys(LEVEL_LABEL) as (keyof typeof LEVEL_LABEL)[]).map((l) => ({ value: l, label: t(LEVEL_LABEL[l]) }))}
        />
      </Col>
      {showStatus && (
        <Col xs={12} md={3}>
          <Select
            style={{ width: '100%' }}
            value={value.status ?? 'published'}
            onChange={(v) => set({ status: v === 'published' ? undefined : v })}
            options={[
              { value: 'published', label: t('catalog.status.published') },
              { value: 'retired', label: t('catalog.status.retired') },
            ]}
          />
        </Col>
      )}
      <Col xs={24} md={2}>
        <Button block onClick={() => onChange({})}>
          {t('common.reset')}
        </Button>
      </Col>
    </Row>
  );
}
