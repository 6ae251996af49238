/** Further bench sections, one per module, appended after the HTTP baselines. */
export type Section = (out: (s?: string) => void, opts: { seconds: number }) => Promise<void>;

const { clockSection } = await import('./clock.ts');

export const sections: Section[] = [clockSection];
sections.push((await import('./catalog-search.ts')).catalogSearchSection);
sections.push((await import('./grids-locate.ts')).gridsLocateSection);
sections.push((await import('./services.ts')).servicesSection);
sections.push((await import('./cases.ts')).casesSection);
