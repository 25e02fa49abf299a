import type { DecodedFile, NormalizedText } from '../../domain/report.js';
import { dedupeLines } from './dedupe.js';
import { dropJunk } from './junk.js';
import { joinBrokenParagraphs } from './paragraphs.js';
import { stripPinyin } from './pinyin.js';
import { unifyPunctuation } from './punctuation.js';
import { toSimplifiedScript } from './script.js';
import { stripInlinePageNumbers, stripStrayTokens, stripWatermarks } from './stray-tokens.js';
import { cleanWhitespace, halfWidthAlnum } from './whitespace.js';

/**
 * Cleans decoded text: whitespace → watermarks and stray tokens → pinyin → script → punctuation → junk → duplicates →
 * broken paragraphs. Output is Simplified text with one trimmed paragraph per line and no empty lines.
 */
export function normalize(decoded: DecodedFile): NormalizedText {
  let text = cleanWhitespace(decoded.text);
  text = stripStrayTokens(stripWatermarks(text));
  // Pinyin goes before conversion: the converter does not know the annotated forms.
  text = stripPinyin(text);
  const converted = toSimplifiedScript(text);
  text = unifyPunctuation(halfWidthAlnum(converted.text));
  text = stripInlinePageNumbers(text);

  const junk = dropJunk(text);
  const lines = dedupeLines(joinBrokenParagraphs(dedupeLines(junk.lines)));
  const pageDates = [...new Set([...(decoded.pageDate ? [decoded.pageDate] : []), ...junk.pageDates])];
  return {
    text: lines.join('\n'),
    script: converted.script,
    sourceUrl: junk.sourceUrl,
    pageDates,
  };
}
