/** True for ingest arguments that are web addresses rather than paths (the CLI and the chat `/ingest <url>`). */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}
