/** The comparison's read model on one connection: its counts, segment walk and page reads gathered as one repository. */
import { createCellCounts } from './compare-cell-counts.js';
import { createOtherBodies } from './compare-other-bodies.js';
import { createRowFacts } from './compare-row-facts.js';
import { createSegmentWalk } from './compare-segment-walk.js';
import { prepareOnceOf } from './compare-statements.js';
import { createUncompared } from './compare-uncompared.js';
import type { DigestDb } from './open.js';

/** Read-side queries a comparison ranks, groups and pages with, without reading every figure of the metric. */
export function createCompareRanks(db: DigestDb) {
  const prepare = prepareOnceOf(db);
  return {
    ...createCellCounts(prepare),
    ...createOtherBodies(prepare),
    ...createUncompared(prepare),
    ...createSegmentWalk(prepare),
    ...createRowFacts(prepare),
  };
}

/** The repository type. */
export type CompareRanks = ReturnType<typeof createCompareRanks>;

const perDb = new WeakMap<DigestDb['$client'], CompareRanks>();

/** The repository of a database, created once per connection (its statements prepared once). */
export function compareRanksOf(db: DigestDb): CompareRanks {
  let r = perDb.get(db.$client);
  if (!r) perDb.set(db.$client, (r = createCompareRanks(db)));
  return r;
}
