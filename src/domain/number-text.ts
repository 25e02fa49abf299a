/** Where a stored figure is written in its evidence sentence, and how to quote around it without cutting a number. */

/** Characters that continue a written number (digits, decimal point, thousands comma, 万/亿 magnitudes, %). */
const NUMBER_CHAR = /[0-9０-９.,，%万亿]/;

/** The ways a value may be written: 2758, 2,758, and for values stored in a base unit 4.9万 / 1.2亿. */
function numberForms(value: number): string[] {
  const plain = String(value);
  const forms = [plain];
  if (Number.isInteger(value) && value >= 1000) forms.push(value.toLocaleString('en-US'));
  for (const [scale, mark] of [
    [1e8, '亿'],
    [1e4, '万'],
  ] as const) {
    if (value >= scale) forms.push(`${Number((value / scale).toFixed(4))}${mark}`);
  }
  return forms;
}

/**
 * The span of the first place `text` writes `value` as a whole number — never a piece of a longer one (27 is
 * not found in 2758, 5 not in 0.5) — or null when the text does not write it in digits.
 */
export function findNumber(text: string, value: number): { start: number; end: number } | null {
  let found: { start: number; end: number } | null = null;
  for (const form of numberForms(value)) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const before = text[at - 1] ?? '';
      const end = at + form.length;
      const after = text.slice(end, end + 2);
      if (/[0-9０-９.]/.test(before) || /^[0-9０-９]|^\.[0-9]/.test(after)) continue;
      if (!found || at < found.start) found = { start: at, end };
      break;
    }
  }
  return found;
}

/** Whether a cut between `text[at - 1]` and `text[at]` falls inside a written number. */
function cutsNumber(text: string, at: number): boolean {
  return at > 0 && at < text.length && NUMBER_CHAR.test(text.charAt(at - 1)) && NUMBER_CHAR.test(text.charAt(at));
}

/**
 * At most `max` characters of `text` around `[start, end)`, with `…` where cut. The cut points move off any
 * number they would split (…问题27… for 问题2758个 misquotes the report), so the quote may come out shorter.
 */
export function windowAround(text: string, start: number, end: number, max: number): string {
  if (text.length <= max) return text;
  let from = Math.max(0, Math.min(start - Math.floor(max * 0.55), text.length - max));
  let to = Math.min(text.length, Math.max(from + max, end));
  while (from < start && cutsNumber(text, from)) from++;
  while (to > end && cutsNumber(text, to)) to--;
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
