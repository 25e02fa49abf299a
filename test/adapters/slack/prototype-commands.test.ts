import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestService } from '../../../src/service/create-digest-service.js';
import { tempDb } from '../../helpers/temp-db.js';
import { blocksText } from './block-checks.js';
import { type BoltOnStandIn, startBoltOnStandIn } from './bolt-app.js';
import { signedPost, slashCommandBody } from './signed-request.js';

let t: ReturnType<typeof tempDb>;
let bolt: BoltOnStandIn;
beforeAll(async () => {
  t = tempDb();
  bolt = await startBoltOnStandIn(createDigestService({ db: t.db }));
});
afterAll(async () => {
  await bolt?.close();
  t?.cleanup();
});

/** Real Bolt over HTTP: sub-commands named like Object.prototype members are answered, not crashed on (issue 14 #6). */
describe('slack: commands named like Object.prototype members', () => {
  it('/digest constructor, __proto__, TOSTRING and hasOwnProperty each get the unknown-command reply', async () => {
    const { slack, events } = bolt;
    const texts = ['constructor', '__proto__', 'TOSTRING', 'hasOwnProperty 资阳'];
    for (const [i, text] of texts.entries()) {
      const res = await signedPost(events, slashCommandBody('/digest', text, slack.responseUrl(`proto${i}`)));
      await res.text();
      expect(res.status, text).toBe(200);
    }
    for (const [i, text] of texts.entries()) {
      await slack.waitFor(() => slack.responses(`proto${i}`).length >= 1);
      const answer = slack
        .responses(`proto${i}`)
        .map((a) => blocksText(a.blocks as Record<string, unknown>[]))
        .join('\n');
      expect(answer, text).toContain('无法识别的命令');
    }
  });
});
