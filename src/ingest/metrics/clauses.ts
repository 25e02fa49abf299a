/** Clauses inside a figure's sentence, and the loose comparison of quotes with evidence. */

/** Clause boundaries inside a sentence: commas and colons, full- or half-width (、 is a list, not a boundary). */
const CLAUSE_BOUNDARY = /[,:\uFF0C\uFF1A]/;

/** Index just after the last clause boundary before `pos` (0 when none). */
export function clauseStart(sentence: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) if (CLAUSE_BOUNDARY.test(sentence.charAt(i))) return i + 1;
  return 0;
}

/** Compares quotes and evidence loosely: whitespace removed, full-width ,;:()% folded to half-width. */
export function looseText(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/\uFF0C/g, ',')
    .replace(/\uFF1B/g, ';')
    .replace(/\uFF1A/g, ':')
    .replace(/\uFF08/g, '(')
    .replace(/\uFF09/g, ')')
    .replace(/\uFF05/g, '%');
}
