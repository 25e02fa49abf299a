/** A line of the normalized text with its character offset. */
export interface TextLine {
  text: string;
  start: number;
  /** Offset just past the line (before its newline). */
  end: number;
}

/** Splits normalized text into lines with offsets. */
export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  return lines;
}
