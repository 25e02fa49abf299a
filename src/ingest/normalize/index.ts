import type { DecodedFile, NormalizedText } from '../../domain/report.js';

/** Cleans decoded text (stub; replaced by the normalize stage). */
export function normalize(decoded: DecodedFile): NormalizedText {
  const text = decoded.text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  return { text, script: 'simplified', sourceUrl: null, pageDates: decoded.pageDate ? [decoded.pageDate] : [] };
}
