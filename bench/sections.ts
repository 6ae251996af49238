/** Further bench sections, one per module, appended after the HTTP baselines. */
export type Section = (out: (s?: string) => void, opts: { seconds: number }) => Promise<void>;

export const sections: Section[] = [];
