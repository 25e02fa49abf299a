import type { PaceLimits } from '../../src/service/ports.js';

/** Slack's chat.postMessage limit: about 1 message per second per channel, no published overall rate. */
export const SLACK_PUSH_LIMITS: PaceLimits = { perSecond: null, perChatGapMs: 1000 };

/** Slack Block Kit limits the renderer stays within (https://api.slack.com/reference/block-kit). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  buttonsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  /** Slack lets a response_url be used five times. */
  responsesPerUrl: 5,
  /**
   * Our own budget for one message's serialized blocks: well below Slack's payload limits and short
   * enough to read on a phone; longer replies continue in the next message.
   */
  messageChars: 12_000,
} as const;
