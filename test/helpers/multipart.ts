/** One file part of a multipart/form-data body. */
export interface MultipartFile {
  filename: string;
  contentType: string | null;
  content: Buffer;
}

/** A parsed multipart/form-data body: text fields and file parts by field name. */
export interface Multipart {
  fields: Record<string, string>;
  files: Record<string, MultipartFile>;
}

/** The boundary of a multipart/form-data content type, or null for any other body. */
export function multipartBoundary(contentType: string): string | null {
  if (!contentType.includes('multipart/form-data')) return null;
  const m = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  return m ? (m[1] ?? m[2]!) : null;
}

/** Minimal multipart/form-data reader (enough for what grammY and @slack/web-api send); file bytes are kept exactly. */
export function parseMultipart(body: Buffer, boundary: string): Multipart {
  const fields: Record<string, string> = {};
  const files: Record<string, MultipartFile> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      // Binary content may hold CRLFs of its own: only the CRLF right before the next delimiter is framing.
      const content = Buffer.from(part.subarray(headerEnd + 4, part.length - 2));
      const name = /name="([^"]*)"/.exec(headers)?.[1];
      // grammY writes `filename=x.png` unquoted; browsers and undici quote it.
      const fn = /filename=(?:"([^"]*)"|([^;\r\n]*))/.exec(headers);
      const filename = fn ? (fn[1] ?? fn[2]!) : undefined;
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? null;
      if (name && filename !== undefined) files[name] = { filename, contentType, content };
      else if (name) fields[name] = content.toString('utf8');
    }
    at = next;
  }
  return { fields, files };
}
