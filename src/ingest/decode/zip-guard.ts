/** Zip-bomb guard: reads a zip's central directory and refuses archives that would inflate too far. */

/** Total uncompressed bytes a .docx may hold. */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
/** Entries a .docx may hold. */
const MAX_ENTRIES = 2000;
/** Compression ratio above which a large entry is a bomb (text compresses ~10×, not 1000×). */
const MAX_RATIO = 200;
const RATIO_CHECK_FROM = 1024 * 1024;

/** Why an archive is refused, or null when its central directory is sane. */
export function zipRefusal(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return '不是有效的 .docx 文件(zip 目录缺失)';
  const entries = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: a .docx report never needs them, and their sizes would have to be read elsewhere.
  if (entries === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) return '.docx 使用了 ZIP64 格式,过大,已拒绝';
  if (entries > MAX_ENTRIES) return `.docx 内部文件过多(${entries} 个)`;
  if (dirOffset + dirSize > eocd) return '不是有效的 .docx 文件(zip 目录损坏)';
  let total = 0;
  let at = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return '不是有效的 .docx 文件(zip 目录损坏)';
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    if (size === 0xffffffff || compressed === 0xffffffff) return '.docx 使用了 ZIP64 格式,过大,已拒绝';
    total += size;
    if (size >= RATIO_CHECK_FROM && size > Math.max(1, compressed) * MAX_RATIO) {
      return `.docx 压缩比异常(${Math.round(size / Math.max(1, compressed))} 倍),疑似压缩炸弹,已拒绝`;
    }
    if (total > MAX_UNZIPPED_BYTES) return `.docx 解压后过大(超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB),疑似压缩炸弹,已拒绝`;
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return null;
}
