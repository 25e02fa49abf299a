import type { ReportOutline } from '../../domain/report.js';

/** Finds parts and numbered sections in normalized text (stub; replaced by the outline stage). */
export function buildOutline(_text: string): ReportOutline {
  return { parts: [], sections: [] };
}
