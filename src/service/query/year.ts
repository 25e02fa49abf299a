import { toArabicDigits } from '../../text/numerals.js';

/** A year or year range a user typed: `2022`, `2022年`, `二〇二二年`, `2020-2022`, `2020至2022`. */
export interface YearRange {
  from: number;
  to: number;
}

/** Parses one token as a year or year range, or null. */
function parseYearToken(token: string): YearRange | null {
  const halfWidth = token.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const t = toArabicDigits(halfWidth).replace(/年度?/g, '');
  const m = /^((?:19|20)\d{2})(?:\s*(?:-|—|–|~|～|至|到)\s*((?:19|20)\d{2}))?$/.exec(t);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return from <= to ? { from, to } : { from: to, to: from };
}

/**
 * Splits tokens into the year range (first one found) and the others. A lone `年`/`年度` right after the
 * year (`2022 年`, typed with a space) belongs to it and is no region name.
 */
export function takeYear(tokens: string[]): { year: YearRange | null; rest: string[] } {
  let year: YearRange | null = null;
  let previousWasYear = false;
  const rest: string[] = [];
  for (const tok of tokens) {
    if (previousWasYear && /^年度?$/.test(tok)) {
      previousWasYear = false;
      continue;
    }
    const y: YearRange | null = year ? null : parseYearToken(tok);
    previousWasYear = y !== null;
    if (y) year = y;
    else rest.push(tok);
  }
  return { year, rest };
}
