import { useEffect, useState } from 'react';
import { useAuth } from '../../app/auth/AuthProvider.tsx';
import { can } from '../../app/auth/home.ts';
import { useCapabilities } from '../../app/capabilities.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { getOrg, getRegion } from './org.api.ts';

const names = new Map<string, Promise<string | null>>();

/** Resolves a name once per page load; null when it cannot be read. */
function cachedName(key: string, load: () => Promise<string>): Promise<string | null> {
  let p = names.get(key);
  if (!p) {
    p = load().catch(() => null);
    names.set(key, p);
  }
  return p;
}

/** "江阴市 · 江阴市城市运行指挥中心" for a role grant's scope; "全部辖区" when unrestricted. */
export function GrantScope({ regionCode, orgId }: { regionCode: string | null; orgId: number | null }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { has } = useCapabilities();
  const [region, setRegion] = useState<string | null>(null);
  const [org, setOrg] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    if (regionCode && has('GET /api/regions/:code'))
      void cachedName(`r:${regionCode}`, async () => (await getRegion(regionCode)).name).then((n) => live && setRegion(n));
    if (orgId !== null && can(me ?? null, 'org:read') && has('GET /api/orgs/:id'))
      void cachedName(`o:${orgId}`, async () => (await getOrg(orgId)).name).then((n) => live && setOrg(n));
    return () => {
      live = false;
    };
  }, [regionCode, orgId, has, me]);

  if (!regionCode && orgId === null) return <>{t('scope.all')}</>;
  const parts: string[] = [];
  if (regionCode) parts.push(t('scope.region', { name: region ?? regionCode }));
  if (orgId !== null) parts.push(t('scope.org', { name: org ?? `#${orgId}` }));
  return <>{parts.join(' · ')}</>;
}
