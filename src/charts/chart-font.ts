import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DigestError } from '../errors.js';

/** A font file the renderer loads explicitly, and the family name its SVG text asks for. */
export interface ChartFont {
  file: string;
  family: string;
}

/** Family name inside Noto Sans SC (both the vendored copy and the registry package). */
export const NOTO_SANS_SC = 'Noto Sans SC';

/** The copy shipped with the project (OFL 1.1, see fonts/OFL.txt). */
const VENDORED = fileURLToPath(new URL('./fonts/NotoSansSC-Regular.ttf', import.meta.url));

/** The same font from the registry package, if the project depends on it instead of vendoring. */
const PACKAGED = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let cached: ChartFont | null = null;

/** The CJK font charts are drawn with: an explicit file, else the vendored copy, else the registry package. */
export function resolveChartFont(explicit?: Partial<ChartFont>): ChartFont {
  if (explicit?.file) {
    if (!existsSync(explicit.file)) throw new DigestError('CONFIG', `图表字体文件不存在:${explicit.file}`);
    return { file: explicit.file, family: explicit.family ?? NOTO_SANS_SC };
  }
  if (cached) return cached;
  const file = existsSync(VENDORED) ? VENDORED : packagedFont();
  // System fonts are never a fallback: a server without CJK fonts would draw tofu boxes.
  if (!file) throw new DigestError('CONFIG', `找不到图表用的中文字体(${VENDORED} 或 ${PACKAGED})`);
  cached = { file, family: NOTO_SANS_SC };
  return cached;
}

function packagedFont(): string | null {
  try {
    return createRequire(import.meta.url).resolve(PACKAGED);
  } catch {
    return null;
  }
}
