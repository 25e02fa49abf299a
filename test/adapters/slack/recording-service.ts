import type { DigestService } from '../../../src/service/ports.js';
import type { ChatContext, Reply } from '../../../src/service/reply/reply-model.js';

/** A DigestService that records every call and answers canned lines itself, the rest from `inner`. */
export interface RecordingService extends DigestService {
  calls: { line: string; chat: ChatContext }[];
}

/** Wraps a service (real or none) with recording and canned replies. */
export function recordingService(inner: DigestService | null, canned: Record<string, Reply> = {}): RecordingService {
  const calls: { line: string; chat: ChatContext }[] = [];
  return {
    calls,
    handle(line, chat) {
      calls.push({ line, chat });
      if (canned[line]) return canned[line]!;
      if (inner) return inner.handle(line, chat);
      return {
        kind: 'error',
        title: '未找到',
        errorCode: 'NOT_FOUND',
        sections: [{ blocks: [{ type: 'paragraph', text: `没有 ${line}` }] }],
        actions: [],
        script: 'simplified',
      };
    },
    ingestUpload: async (path, chat) => (inner ? inner.ingestUpload(path, chat) : Promise.reject(new Error('no service'))),
    ingestFile: async (file, chat) => (inner ? inner.ingestFile(file, chat) : Promise.reject(new Error('no service'))),
    migrateChat: (...args) => inner?.migrateChat(...args),
    deactivateChat: (...args) => inner?.deactivateChat(...args),
  };
}

/** A compare-like reply with a table of `rows` rows (long rows, so the answer must split). */
export function bigTableReply(rows: number): Reply {
  return {
    kind: 'compare',
    title: '提案比较(大表)',
    sections: [
      { blocks: [{ type: 'paragraph', text: `${rows} 份报告有相关数字。` }] },
      {
        blocks: [
          {
            type: 'table',
            columns: ['报告', '立案', '收到', '办复', '办复率', '说明'],
            rows: Array.from({ length: rows }, (_, i) => [
              `测试地区${i + 1}市(某省) ${2000 + (i % 24)}`,
              `${100 + i}件`,
              i % 3 ? null : `${120 + i}件`,
              `${90 + i}件`,
              i % 2 ? '100%' : null,
              '委员提案办理 & 协商<议政>情况说明,数字均附原文出处。',
            ]),
          },
        ],
      },
    ],
    actions: [
      { label: '下一页', command: '/compare 提案 第2页' },
      { label: 'CSV', command: '/compare 提案 csv' },
    ],
    script: 'simplified',
  };
}
