import { AmbiguousRegionError, DigestError, NotFoundError } from '../../errors.js';
import { shortProvince, withProvince } from '../query/region-resolver.js';
import type { Reply } from './reply-model.js';

/** Turns any error into a clear Chinese reply; unexpected errors never show a stack trace. */
export function errorReply(error: unknown, line: string): Reply {
  const base = { kind: 'error' as const, actions: [] as Reply['actions'], script: 'simplified' as const };
  if (error instanceof AmbiguousRegionError) {
    const cmd = /^[/／]?\s*(\w+)/.exec(line)?.[1] ?? 'report';
    const rest = line
      .replace(/^[/／]?\s*\w+(@\w+)?\s*/, '')
      .replace(error.query, '')
      .trim();
    return {
      ...base,
      errorCode: error.code,
      title: '地区有歧义',
      sections: [
        {
          blocks: [
            { type: 'paragraph', text: `“${error.query}”对应多个地区,请选择:` },
            { type: 'list', items: error.choices.map((c) => ({ text: withProvince(c.name, c.province) })) },
          ],
        },
      ],
      actions: error.choices.slice(0, 6).map((c) => ({
        label: withProvince(c.name, c.province),
        command: `/${cmd} ${c.name} ${shortProvince(c.province)} ${rest}`.trim(),
      })),
    };
  }
  if (error instanceof NotFoundError) {
    const text = error.suggestions.length ? `${error.message}您是否要找:${error.suggestions.join('、')}?` : error.message;
    return { ...base, errorCode: error.code, title: '未找到', sections: [{ blocks: [{ type: 'paragraph', text }] }] };
  }
  if (error instanceof DigestError) {
    return {
      ...base,
      errorCode: error.code,
      title: '无法处理',
      sections: [{ blocks: [{ type: 'paragraph', text: error.message }] }],
    };
  }
  return {
    ...base,
    errorCode: 'INTERNAL',
    title: '出错了',
    sections: [{ blocks: [{ type: 'paragraph', text: '抱歉,处理这条命令时出错了。请稍后再试,或发送 /help 查看用法。' }] }],
  };
}
