/** The neutral reply model: what the digest service answers, before any platform renders it. */

/** A run of text with optional highlighted spans ([start, end) offsets into `text`). */
export interface RichText {
  text: string;
  marks?: [number, number][];
}

/** One renderable block. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; marks?: [number, number][] }
  /** Key–value lines, e.g. 地区: 资阳市(四川省). */
  | { type: 'fields'; items: { label: string; value: string }[] }
  /** Bulleted or numbered lines. */
  | { type: 'list'; items: RichText[]; ordered?: boolean }
  /** A quotation from the report (evidence); `source` says where it came from. */
  | { type: 'quote'; text: string; source?: string }
  | { type: 'link'; text: string; url: string }
  /** A table; null cells are missing values (rendered as “—”, never as 0). */
  | { type: 'table'; columns: string[]; rows: (string | null)[][] }
  | { type: 'divider' };

/** A part of a reply that adapters may send as its own message when splitting long replies. */
export interface ReplySection {
  blocks: Block[];
}

/** A follow-up the user can take with one tap; `command` is a command line the service understands. */
export interface ReplyAction {
  label: string;
  command: string;
}

/** Data for a bar (compare) or line (trend) chart. */
export interface ChartData {
  kind: 'bar' | 'line';
  title: string;
  unit: string;
  /**
   * One point per bar / x position; null value = missing. `group` (e.g. 省级) puts bars in groups, each on its
   * own scale; `display` is the figure as the report states it (20余次), shown instead of value + unit.
   */
  points: { label: string; value: number | null; group?: string; display?: string }[];
  /** Rows not drawn (no figure, doubtful, another unit), listed under the chart with the reason. */
  notDrawn?: string[];
  source: string;
}

/** One row of a CSV export. */
export type CsvRow = (string | number | null)[];

/**
 * A CSV export of a table. `rows` may be lazy (a whole /compare export is read from SQL a batch at a time while it
 * is encoded, so 100k rows are never held at once); each iteration starts again from the first row.
 */
export interface CsvData {
  fileName: string;
  columns: string[];
  rows: Iterable<CsvRow>;
}

/** What kind of answer this is (adapters use it for visibility and layout). */
export type ReplyKind =
  | 'report'
  | 'reports'
  | 'sections'
  | 'metrics'
  | 'source'
  | 'compare'
  | 'trend'
  | 'search'
  | 'list'
  | 'help'
  | 'subscriptions'
  | 'settings'
  | 'digest'
  | 'error';

/** A whole reply. */
export interface Reply {
  kind: ReplyKind;
  /** Short title (also the plain-text fallback's first line). */
  title: string;
  sections: ReplySection[];
  actions: ReplyAction[];
  /** Error replies carry the error code (adapters may show them privately). */
  errorCode?: string;
  chart?: ChartData;
  csv?: CsvData;
  /** Script the reply is written in. */
  script: 'simplified' | 'traditional';
}

/** Who is asking, on which platform. */
export interface ChatContext {
  platform: 'console' | 'telegram' | 'slack' | string;
  chatId: string;
  /** A one-to-one chat (Telegram private chat, the console): plain text without a command word is a `/report`. */
  direct?: boolean;
  /**
   * False when the sender may not change the chat's subscriptions, delivery or /lang (a non-admin member of
   * a Telegram group or channel). Absent means allowed (private chats, console, Slack).
   */
  canManage?: boolean;
}
