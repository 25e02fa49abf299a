import type { Reply } from '../reply/reply-model.js';

/** The refusal a non-admin gets in a group or channel. */
export function adminOnlyReply(command: string): Reply {
  return {
    kind: 'error',
    errorCode: 'FORBIDDEN',
    title: '需要管理员',
    sections: [
      {
        blocks: [
          {
            type: 'paragraph',
            text: `在群组和频道里,只有管理员可以更改本聊天的订阅和设置(/${command})。查看订阅请发送 /subscriptions。`,
          },
        ],
      },
    ],
    actions: [{ label: '我的订阅', command: '/subscriptions' }],
    script: 'simplified',
  };
}
