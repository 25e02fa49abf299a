import type { UploadedFile } from '../../../src/domain/upload.js';
import type { DigestService } from '../../../src/service/ports.js';
import type { ChatContext, Reply } from '../../../src/service/reply/reply-model.js';

/** A recording DigestService whose answers the test decides (used until/besides the real service). */
export class FakeService implements DigestService {
  readonly handled: { line: string; chat: ChatContext }[] = [];
  readonly uploads: { name: string; chat: ChatContext; content: string }[] = [];
  readonly migrations: [string, string, string][] = [];
  readonly deactivations: [string, string, string][] = [];

  constructor(private readonly answer: (line: string) => Reply = reportLike) {}

  handle(line: string, chat: ChatContext): Reply {
    this.handled.push({ line, chat });
    return this.answer(line);
  }

  async ingestUpload(path: string, chat: ChatContext): Promise<Reply> {
    const { readFile } = await import('node:fs/promises');
    this.uploads.push({ name: path, chat, content: await readFile(path, 'utf8') });
    return reportLike('/report #99');
  }

  async ingestFile(file: UploadedFile, chat: ChatContext): Promise<Reply> {
    this.uploads.push({ name: file.name, chat, content: file.bytes.toString('utf8') });
    return reportLike('/report #99');
  }

  migrateChat(platform: string, from: string, to: string): void {
    this.migrations.push([platform, from, to]);
  }

  deactivateChat(platform: string, chatId: string, reason: string): void {
    this.deactivations.push([platform, chatId, reason]);
  }
}

/** A report-like digest reply with actions, one of them with a command too long for callback data. */
export function reportLike(line: string): Reply {
  return {
    kind: 'report',
    title: '资阳市政协2022年提案工作情况报告',
    sections: [
      {
        blocks: [
          { type: 'heading', text: '资阳市政协2022年提案工作情况报告' },
          {
            type: 'fields',
            items: [
              { label: '地区', value: '资阳市(四川省)' },
              { label: '年份', value: '2022' },
            ],
          },
          { type: 'paragraph', text: `共收到提案 196 件,立案 196 件。(${line})`, marks: [[6, 9]] },
        ],
      },
      { blocks: [{ type: 'quote', text: '提案办复率 100%', source: '第二部分' }] },
    ],
    actions: [
      { label: '全部章节', command: '/sections 12' },
      { label: '更多指标', command: '/metrics 12' },
      { label: '原文', command: '/source 12' },
      { label: '2021年', command: '/report 资阳市政协关于二〇二一年度提案工作情况的报告全文第一部分' },
    ],
    script: 'simplified',
  };
}

/** A comparison reply with `rows` table rows (long enough to need several messages at 300 rows). */
export function longCompare(rows: number): Reply {
  return {
    kind: 'compare',
    title: '提案 比较',
    sections: [
      { blocks: [{ type: 'heading', text: '提案数量比较' }] },
      {
        blocks: [
          {
            type: 'table',
            columns: ['地区', '年份', '立案', '办复'],
            rows: Array.from({ length: rows }, (_, i) => [
              `地区${i}<市>`,
              String(2000 + (i % 25)),
              String(i),
              i % 7 ? String(i) : null,
            ]),
          },
        ],
      },
    ],
    actions: [{ label: '下一页', command: '/compare 提案 第2页' }],
    script: 'simplified',
  };
}

/** A reply whose text holds characters that must be escaped. */
export function trickyText(): Reply {
  return {
    kind: 'report',
    title: 'x',
    sections: [
      {
        blocks: [
          { type: 'heading', text: '<script>标题 & 副题</script>' },
          { type: 'paragraph', text: '比例 a<b && c>d,增长 >5% & <10%', marks: [[0, 2]] },
          { type: 'list', items: [{ text: '<i>不是标签</i>' }, { text: '&amp; 字面量' }] },
          { type: 'quote', text: '引文 <b> & </b>', source: '来源<1>' },
          { type: 'link', text: '原文 & 链接', url: 'https://example.org/a?x=1&y="2"' },
          { type: 'table', columns: ['地区', '值<单位>'], rows: [['A&B', '1<2']] },
        ],
      },
    ],
    actions: [],
    script: 'simplified',
  };
}
