import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../../src/service/reply/plain-renderer.js';
import { seededService } from '../../helpers/seeded-service.js';

// The reading commands on the real seeds: totals and pages, plain-text reports, /lang variants.
let env: Awaited<ReturnType<typeof seededService>>;
beforeAll(async () => {
  env = await seededService();
});
afterAll(() => env.cleanup());

const ask = (line: string, chatId = 'reader', direct = false) =>
  env.service.handle(line, { platform: 'console', chatId, ...(direct ? { direct } : {}) });
const text = (line: string, chatId?: string, direct?: boolean) => renderPlain(ask(line, chatId, direct));

describe('/search totals and pages', () => {
  it('says how many paragraphs match and offers the next page, which shows the following hits', () => {
    const first = ask('/search 协商');
    const head = renderPlain(first);
    const total = Number(/(\d+) 段命中/.exec(head)?.[1]);
    expect(total).toBeGreaterThan(8);
    expect(head).toContain(`第 1/${Math.ceil(total / 8)} 页`);
    const next = first.actions.find((a) => a.label === '下一页');
    expect(next?.command).toBe('/search 协商 第2页');
    const second = renderPlain(ask(next!.command));
    expect(second).toContain(`第 2/${Math.ceil(total / 8)} 页,本页 9–16`);
    const paragraphs = (s: string) => s.split('\n\n').slice(1, -1);
    expect(paragraphs(second).some((p) => paragraphs(head).includes(p))).toBe(false);
  });

  it('a single-page search offers no next page', () => {
    const reply = ask('/search 请你来协商');
    expect(renderPlain(reply)).toMatch(/\d+ 段命中,第 1\/1 页/);
    expect(reply.actions.map((a) => a.label)).not.toContain('下一页');
  });
});

describe('/list and /source read on page by page', () => {
  it('/list offers a button per province and /list 四川 lists that province only', () => {
    const all = ask('/list');
    expect(all.actions).toContainEqual({ label: '四川(1)', command: '/list 四川' });
    const sichuan = text('/list 四川');
    expect(sichuan).toContain('四川省的报告 1 份');
    expect(sichuan).toContain('资阳市 2022');
    expect(sichuan).not.toContain('钟祥市');
    expect(text('/list 火星')).toContain('没有“火星”的报告');
  });

  it('/source N 2 continues where page 1 ended', () => {
    const id = /\/source (\d+)/.exec(text('/report 资阳 2022'))![1]!;
    const one = ask(`/source ${id}`);
    expect(renderPlain(one)).toMatch(/第 1\/\d+ 页/);
    const next = one.actions.find((a) => a.label === '下一页')!;
    expect(next.command).toBe(`/source ${id} 2`);
    const two = renderPlain(ask(next.command));
    expect(two).toMatch(/第 2\/\d+ 页/);
    expect(two).not.toEqual(renderPlain(one));
  });

  it('/metrics without a number gives /metrics 1 as the example; /help lists /sections, /metrics, /source', () => {
    expect(text('/metrics')).toContain('/metrics 1');
    expect(text('/sections')).toContain('/sections 1');
    const help = text('/help');
    for (const c of ['/sections 1', '/metrics 1', '/source 1', '/list 四川']) expect(help).toContain(c);
  });
});

describe('plain text and years', () => {
  it('a bare “资阳 2022” in a one-to-one chat is a /report; elsewhere it is no command', () => {
    const direct = text('资阳 2022', 'dm', true);
    expect(direct).toContain('资阳市');
    expect(direct).toContain('196');
    expect(ask('资阳 2022', 'group').errorCode).toBe('BAD_INPUT');
    // A mistyped slash command stays an error, not a report query.
    expect(ask('/reprot 资阳', 'dm', true).errorCode).toBe('BAD_INPUT');
  });

  it('/report 资阳 2022 年 finds the 2022 report', () => {
    const out = text('/report 资阳 2022 年');
    expect(out).toContain('回顾年度: 2022年');
    expect(out).not.toContain('资阳年');
    expect(text('/report 资阳 2022 年度')).toContain('回顾年度: 2022年');
  });
});

describe('/lang', () => {
  it('alone shows the current setting; 简体/繁体/簡體/繁體 all set it', () => {
    expect(text('/lang', 'lang-chat')).toContain('当前回复字体:未设置');
    for (const [word, script, shown] of [
      ['繁体', 'traditional', /當前回覆字體:繁體/],
      ['简体', 'simplified', /当前回复字体:简体/],
      ['繁體', 'traditional', /當前回覆字體:繁體/],
      ['簡體', 'simplified', /当前回复字体:简体/],
    ] as const) {
      ask(`/lang ${word}`, 'lang-chat');
      const current = ask('/lang', 'lang-chat');
      expect(current.script).toBe(script);
      expect(renderPlain(current)).toMatch(shown);
    }
  });
});
