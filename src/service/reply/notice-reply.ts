import type { Reply } from './reply-model.js';

/** A one-paragraph reply for adapter notices (refusals, “正在抓取…”); errors by default. */
export function noticeReply(text: string, kind: Reply['kind'] = 'error'): Reply {
  return { kind, title: text, sections: [{ blocks: [{ type: 'paragraph', text }] }], actions: [], script: 'simplified' };
}
