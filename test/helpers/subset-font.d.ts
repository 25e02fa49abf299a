/** Types of the subset-font package (it ships none). */
declare module 'subset-font' {
  /** Subsets a font to the glyphs of `text`. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2' },
  ): Promise<Buffer>;
}
