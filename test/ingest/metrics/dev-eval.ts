/**
 * Dev-corpus measurement of headline facts vs /work/shared/dev-corpus/gold.json (not a vitest; run with
 * `npx tsx test/ingest/metrics/dev-eval.ts [--misses]`). Recall: gold figures whose key has a headline fact with
 * the same value and unit. Precision: of headline facts for keys the gold names in that report, those correct.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extractFile } from '../../../src/ingest/extract.js';

interface GoldFigure {
  key?: string;
  value: number;
  unit: string;
  quote: string;
}
interface GoldReport {
  file: string;
  proposals?: Record<string, GoldFigure>;
  other_metrics?: GoldFigure[];
}

const dir = process.env.DEV_CORPUS ?? '/work/shared/dev-corpus';
if (!existsSync(`${dir}/gold.json`)) {
  console.log(`no dev corpus at ${dir}`);
  process.exit(0);
}
const gold = JSON.parse(readFileSync(`${dir}/gold.json`, 'utf8')) as GoldReport[];
/** Gold units are sometimes quoted in Traditional (項, 個, 億). */
const simplified = (u: string) =>
  u.replace(/項/g, '项').replace(/個/g, '个').replace(/億/g, '亿').replace(/萬/g, '万').replace(/戶/g, '户').replace(/場/g, '场');
const showMisses = process.argv.includes('--misses');
const perKey = new Map<string, { gold: number; hit: number; emitted: number }>();
let spurious = 0;
let ms = 0;

for (const report of gold) {
  const figures: GoldFigure[] = [
    ...Object.entries(report.proposals ?? {}).map(([k, v]) => ({ ...v, key: `proposals.${k}` })),
    ...(report.other_metrics ?? []),
  ];
  const r = await extractFile(`${dir}/${report.file}`);
  ms += r.timings.metrics ?? 0;
  if (!figures.length) spurious += Object.keys(r.headline).length;
  for (const g of figures) {
    const s = perKey.get(g.key!) ?? { gold: 0, hit: 0, emitted: 0 };
    const fact = r.headline[g.key!];
    s.gold++;
    if (fact) s.emitted++;
    const ok = !!fact && fact.value === g.value && fact.unit === simplified(g.unit);
    if (ok) s.hit++;
    else if (showMisses) {
      const alt = r.metrics.filter((m) => m.value === g.value && m.unit === simplified(g.unit)).map((m) => m.key);
      console.log(
        `MISS ${report.file} ${g.key} ${g.value}${g.unit} «${g.quote}» got ${fact ? `${fact.value}${fact.unit}` : '-'}; same figure as ${alt.join(',') || 'nothing'}`,
      );
    }
    perKey.set(g.key!, s);
  }
}

let [G, H, E] = [0, 0, 0];
for (const [key, s] of [...perKey].sort((a, b) => a[0].localeCompare(b[0]))) {
  G += s.gold;
  H += s.hit;
  E += s.emitted;
  console.log(
    `${key.padEnd(44)} gold ${s.gold}  recall ${(s.hit / s.gold).toFixed(2)}  precision ${s.emitted ? (s.hit / s.emitted).toFixed(2) : '  - '}`,
  );
}
console.log(
  `ALL: gold ${G}, hit ${H}, recall ${(H / G).toFixed(3)}, precision ${(H / E).toFixed(3)}; headline facts in figure-free reports: ${spurious}`,
);
console.log(`metrics stage: ${(ms / gold.length).toFixed(1)} ms/report`);
