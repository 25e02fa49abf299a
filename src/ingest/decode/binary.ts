/** Heuristic refusal of binary input (images, archives, office files renamed to .txt). */

const SAMPLE_BYTES = 8192;
/** Share of control bytes above which a sample is treated as binary. */
const MAX_CONTROL_SHARE = 0.1;

/** True when the bytes look binary: a NUL byte or many control characters in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.length === 0) return false;
  let control = 0;
  // An index loop: the iterator's result objects were a tenth of what extracting a report allocated.
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    // Tab, LF, VT, FF, CR and ESC occur in real text files.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control / sample.length > MAX_CONTROL_SHARE;
}
