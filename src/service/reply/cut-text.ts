const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * Cuts `text` to at most `max` grapheme clusters, adding `…` when cut. Why graphemes: a cut in UTF-16 units can
 * leave a lone surrogate (half an emoji), which Telegram refuses, so the whole reply would be lost.
 */
export function cutText(text: string, max: number): string {
  // Fewer UTF-16 units than the limit means fewer graphemes too: nothing to cut, no segmenting needed.
  if (text.length <= max) return text;
  let count = 0;
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (count === max) return `${text.slice(0, index)}…`;
    count++;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
