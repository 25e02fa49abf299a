import type { App, RespondFn } from '@slack/bolt';
import type { ReplyAction } from '../../src/service/reply/reply-model.js';
import { SLACK_LIMITS } from './limits.js';
import { clip } from './mrkdwn.js';
import type { SlackBlock } from './render-blocks.js';

/** Prefix of our buttons' action ids; the number only keeps ids unique within a message. */
const ACTION_ID_PREFIX = 'digest_action_';

/** Matches the action ids of our buttons. */
const ACTION_ID_PATTERN = /^digest_action_\d+$/;

/**
 * The reply's follow-ups as one actions block of buttons whose value is the command line to run;
 * commands longer than a button value may hold are left out rather than cut into a different command.
 */
export function actionBlocks(actions: ReplyAction[]): SlackBlock[] {
  const usable = actions.filter((a) => a.command.length > 0 && a.command.length <= SLACK_LIMITS.buttonValue);
  if (!usable.length) return [];
  return [
    {
      type: 'actions',
      block_id: 'digest_actions',
      elements: usable.slice(0, SLACK_LIMITS.buttonsPerActions).map((a, i) => ({
        type: 'button' as const,
        action_id: `${ACTION_ID_PREFIX}${i}`,
        text: { type: 'plain_text' as const, text: clip(a.label || a.command, SLACK_LIMITS.buttonText), emoji: false },
        value: a.command,
      })),
    },
  ];
}

/** What a button press needs: run the command for the channel and answer through the response URL. */
export type ActionRunner = (command: string, channelId: string, respond: RespondFn) => Promise<void>;

/** Registers the handler of every digest button: ack, then run the button's command as a new message. */
export function registerActions(app: App, run: ActionRunner): void {
  app.action(ACTION_ID_PATTERN, async ({ ack, action, body, respond }) => {
    await ack();
    if (action.type !== 'button' || !action.value) return;
    const channelId = 'channel' in body && body.channel?.id ? body.channel.id : '';
    await run(action.value, channelId, respond);
  });
}
