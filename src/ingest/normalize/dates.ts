/** Loose date reading shared by the decode (HTML meta) and normalize (page lines) stages. */

const DATE_PATTERN = /((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)/g;

/** Every plausible full date (year, month, day) in `text`, as ISO YYYY-MM-DD, in order of appearance. */
export function findDates(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const iso = toIso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) found.push(iso);
  }
  return found;
}

/** The first date in `text` as ISO, or null. */
export function firstDate(text: string): string | null {
  return findDates(text)[0] ?? null;
}

function toIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
