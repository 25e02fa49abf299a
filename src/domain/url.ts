/** True for ingest arguments that are web addresses rather than paths (the CLI and the chat `/ingest <url>`). */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** The argument of an `/ingest …` command line (a link Slack wrapped as `<https://…|label>` unwrapped), or null for any other line. */
export function ingestArgument(line: string): string | null {
  const m = /^[/／]ingest(?:\s+([\s\S]*))?$/i.exec(line.trim());
  if (!m) return null;
  return (m[1] ?? '').trim().replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1');
}
