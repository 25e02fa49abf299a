/**
 * `reports.terms` stored compactly: one line per count, `count<TAB>term<TAB>term…`, lines joined by newlines,
 * in the record's order (terms come sorted by count, so each count is one line). JSON spent four bytes a term
 * on quotes, colon and comma (~855 → ~600 bytes a report). A record this cannot write exactly (a term with a
 * tab or newline, a count that is not a positive integer) is stored as JSON, as rows before it were; a stored
 * value starting with `{` is read as JSON, the compact form always starts with a digit or is empty.
 */

const TAB = '\t';
const LINE = '\n';

/** The stored text of a record of term counts. */
export function encodeTermCounts(terms: Record<string, number>): string {
  const lines: string[] = [];
  let count = Number.NaN;
  for (const [term, n] of Object.entries(terms)) {
    if (!Number.isInteger(n) || n <= 0 || term.includes(TAB) || term.includes(LINE)) return JSON.stringify(terms);
    if (n === count) lines[lines.length - 1] += TAB + term;
    else lines.push(`${(count = n)}${TAB}${term}`);
  }
  return lines.join(LINE);
}

/** The record back from its stored text (compact or JSON). */
export function decodeTermCounts(stored: string): Record<string, number> {
  if (stored.startsWith('{')) return JSON.parse(stored) as Record<string, number>;
  if (!stored) return {};
  // fromEntries defines own properties: a term such as `__proto__` is a term, not the prototype.
  return Object.fromEntries(
    stored.split(LINE).flatMap((line) => {
      const [count, ...names] = line.split(TAB);
      return names.map((name) => [name, Number(count)] as const);
    }),
  );
}
