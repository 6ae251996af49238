/**
 * CJK font resolution for PDFs. A fresh machine may have no system fonts, so
 * the first choice is the Noto Sans SC (Hans) OpenType files shipped by the npm
 * package `@embedpdf/fonts-sc` (a server dependency); the fallback is Debian's
 * `fonts-noto-cjk` collection. Font files are read once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type FontWeight = 'regular' | 'bold';

export interface ResolvedFont {
  /** Where the font came from (for logs and errors). */
  source: string;
  data: Buffer;
  /** PostScript name inside a TrueType/OpenType collection (.ttc), else undefined. */
  family?: string;
}

const NPM_FILES: Record<FontWeight, string> = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };
const SYSTEM_FILES: Record<FontWeight, { path: string; family: string }> = {
  regular: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Bold' },
};

function npmFontPath(weight: FontWeight): string | null {
  try {
    // The package exports only its entry point (dist/index.js); the fonts sit in ../fonts beside it.
    const entry = import.meta.resolve('@embedpdf/fonts-sc');
    const path = fileURLToPath(new URL(`../fonts/${NPM_FILES[weight]}`, entry));
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const cache = new Map<FontWeight, ResolvedFont>();

export class MissingCjkFontError extends Error {
  constructor(weight: FontWeight) {
    super(
      `No Chinese (CJK) font found for PDF output (${weight}). Run \`npm install\` so that the npm package ` +
        `@embedpdf/fonts-sc is present, or install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk), ` +
        `which provides ${SYSTEM_FILES[weight].path}.`,
    );
    this.name = 'MissingCjkFontError';
  }
}

/** The CJK font for a weight; bold falls back to regular when only that is available. */
export function resolveCjkFont(weight: FontWeight = 'regular'): ResolvedFont {
  const hit = cache.get(weight);
  if (hit) return hit;
  let found: ResolvedFont | null = null;
  const npm = npmFontPath(weight);
  if (npm) found = { source: npm, data: readFileSync(npm) };
  else if (existsSync(SYSTEM_FILES[weight].path)) {
    found = { source: SYSTEM_FILES[weight].path, data: readFileSync(SYSTEM_FILES[weight].path), family: SYSTEM_FILES[weight].family };
  } else if (weight === 'bold') {
    found = resolveCjkFont('regular');
  }
  if (!found) throw new MissingCjkFontError(weight);
  cache.set(weight, found);
  return found;
}
