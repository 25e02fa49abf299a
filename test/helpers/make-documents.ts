/** Builds real PDF and .docx files from a report's text at test time (no binary fixtures in git). */
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import subsetFont from 'subset-font';

const FONT = new URL('../../src/charts/fonts/NotoSansSC-Regular.ttf', import.meta.url);

/** Layout variants of generated PDFs. */
export type PdfVariant = 'plain' | 'header-footer' | 'two-column';

const subsets = new Map<string, Promise<Uint8Array>>();

/** The CJK font subset to the characters of `text` (the full font is 10 MB), cached per character set. */
function fontFor(text: string): Promise<Uint8Array> {
  const chars = [...new Set(`${text}第页共内部资料注意保存0123456789-— `)].sort().join('');
  let subset = subsets.get(chars);
  if (!subset) {
    subset = readFile(FONT).then((font) => subsetFont(font, chars, { targetFormat: 'truetype' }));
    subsets.set(chars, subset);
  }
  return subset;
}

/** fontkit's default OpenType features turn 2020/12 into fraction glyphs that pdf-lib maps back wrongly. */
const NO_FEATURES = { frac: false, numr: false, dnom: false, liga: false, calt: false, ccmp: false, locl: false };

/** Greedy line breaking by measured width (CJK text breaks anywhere). */
function wrap(paragraph: string, font: PDFFont, size: number, width: number, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  let room = width - indent;
  for (const ch of paragraph) {
    if (line && font.widthOfTextAtSize(line + ch, size) > room) {
      lines.push(line);
      line = '';
      room = width;
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A PDF of `text` (one paragraph per input line): A4, 10.5 pt, first lines indented two characters,
 * a page number at the bottom; `header-footer` adds a running header and "第 N 页 共 M 页"; `two-column`
 * sets the text in two columns.
 */
export async function makePdf(text: string, variant: PdfVariant = 'plain'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await fontFor(text), { subset: false, features: NO_FEATURES });
  const size = 10.5;
  const leading = 16;
  const [pageW, pageH] = [595.3, 841.9];
  const margin = 72;
  const gap = 24;
  const columns = variant === 'two-column' ? 2 : 1;
  const colW = (pageW - 2 * margin - gap * (columns - 1)) / columns;
  const pages: PDFPage[] = [];
  let page: PDFPage | null = null;
  let col = 0;
  let y = 0;
  const newColumn = () => {
    if (!page || col === columns - 1) {
      page = pdf.addPage([pageW, pageH]);
      pages.push(page);
      col = 0;
    } else {
      col++;
    }
    y = pageH - margin;
  };
  newColumn();
  for (const paragraph of text.split('\n').map((l) => l.trim())) {
    if (!paragraph) continue;
    const lines = wrap(paragraph, font, size, colW, size * 2);
    lines.forEach((line, i) => {
      if (y < margin) newColumn();
      const x = margin + col * (colW + gap) + (i === 0 ? size * 2 : 0);
      (page as PDFPage).drawText(line, { x, y, size, font });
      y -= leading;
    });
  }
  pages.forEach((p, i) => {
    const n = i + 1;
    const footer = variant === 'header-footer' ? `第 ${n} 页 共 ${pages.length} 页` : `- ${n} -`;
    p.drawText(footer, { x: pageW / 2 - font.widthOfTextAtSize(footer, 9) / 2, y: 40, size: 9, font });
    if (variant === 'header-footer') p.drawText('内部资料 注意保存', { x: margin, y: pageH - 45, size: 9, font });
  });
  return pdf.save();
}

/** Variants of generated .docx files. */
export type DocxVariant = 'plain' | 'header-footer';

/** A .docx of `text`, one paragraph per input line; `header-footer` adds a running header and page numbers. */
export async function makeDocx(text: string, variant: DocxVariant = 'plain'): Promise<Buffer> {
  const children = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => new Paragraph({ children: [new TextRun(line)] }));
  const doc = new Document({
    sections: [
      {
        headers:
          variant === 'header-footer' ? { default: new Header({ children: [new Paragraph('内部资料 注意保存')] }) } : undefined,
        footers:
          variant === 'header-footer'
            ? {
                default: new Footer({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ children: [PageNumber.CURRENT] })],
                    }),
                  ],
                }),
              }
            : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
