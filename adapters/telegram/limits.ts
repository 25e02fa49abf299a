import type { PaceLimits } from '../../src/service/ports.js';

/** Telegram's published limits: ~30 messages/s per bot (25 leaves headroom) and 1 message/s per chat. */
export const TELEGRAM_LIMITS: PaceLimits = { perSecond: 25, perChatGapMs: 1000 };
