import { useEffect, useState } from 'react';
import { Alert, Button, Flex, InputNumber, Skeleton, Typography } from 'antd';
import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n/index.tsx';
import type { GridCollection } from './cases.api.ts';
import { GridPickMap } from './GridPickMap.tsx';
import { round6 } from './geo.ts';

export interface LocationValue {
  lng: number;
  lat: number;
}

/**
 * Where the problem is: tap a point on the grid map, use the device's
 * position (when the browser allows it), or type the coordinates. Shows the
 * grid the point falls in (`describe`).
 */
export function LocationField({
  value,
  onChange,
  shapes,
  describe,
  testId = 'location',
  mapHeight = 260,
}: {
  value?: LocationValue | null;
  onChange?: (v: LocationValue | null) => void;
  shapes: GridCollection | undefined;
  describe: (v: LocationValue, signal: AbortSignal) => Promise<string | null>;
  testId?: string;
  mapHeight?: number;
}) {
  const { t } = useI18n();
  const [where, setWhere] = useState<{ text: string | null; pending: boolean } | null>(null);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);

  useEffect(() => {
    if (!value) {
      setWhere(null);
      return;
    }
    const ctrl = new AbortController();
    setWhere({ text: null, pending: true });
    describe(value, ctrl.signal).then(
      (text) => !ctrl.signal.aborted && setWhere({ text, pending: false }),
      () => !ctrl.signal.aborted && setWhere({ text: null, pending: false }),
    );
    return () => ctrl.abort();
  }, [value?.lng, value?.lat]);

  const useDevice = () => {
    if (!('geolocation' in navigator)) {
      setGeoError(t('cases.location.noGeo'));
      return;
    }
    setLocating(true);
    setGeoError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onChange?.({ lng: round6(pos.coords.longitude), lat: round6(pos.coords.latitude) });
      },
      () => {
        setLocating(false);
        setGeoError(t('cases.location.geoDenied'));
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  return (
    <div data-testid={testId}>
      {shapes ? <GridPickMap shapes={shapes} value={value} onPick={(p) => onChange?.(p)} height={mapHeight} testId={`${testId}-map`} /> : <Skeleton.Node active style={{ width: '100%', height: mapHeight }} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cases.location.tapHint')}
      </Typography.Text>
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        <Button icon={<AimOutlined />} onClick={useDevice} loading={locating} data-testid={`${testId}-device`}>
          {t('cases.location.device')}
        </Button>
        <InputNumber
          placeholder={t('cases.location.lng')}
          value={value?.lng}
          min={-180}
          max={180}
          step={0.0001}
          style={{ width: 130 }}
          onChange={(v) => typeof v === 'number' && onChange?.({ lng: v, lat: value?.lat ?? 0 })}
          data-testid={`${testId}-lng`}
        />
        <InputNumber
          placeholder={t('cases.location.lat')}
          value={value?.lat}
          min={-90}
          max={90}
          step={0.0001}
          style={{ width: 130 }}
          onChange={(v) => typeof v === 'number' && onChange?.({ lng: value?.lng ?? 0, lat: v })}
          data-testid={`${testId}-lat`}
        />
      </Flex>
      {geoError && <Alert type="warning" showIcon title={geoError} style={{ marginTop: 8 }} />}
      {value && (
        <div style={{ marginTop: 8 }} data-testid={`${testId}-grid`}>
          <EnvironmentOutlined />{' '}
          {where?.pending ? t('cases.location.locating') : where?.text ? <Typography.Text strong>{where.text}</Typography.Text> : <Typography.Text type="warning">{t('cases.location.outside')}</Typography.Text>}
        </div>
      )}
    </div>
  );
}
