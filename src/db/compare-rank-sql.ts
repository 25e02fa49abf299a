/** SQL fragments of the comparison's reads: scope conditions, IN lists, a segment's range, the uncompared reports. */
import type { RankQuery, Segment } from './compare-rank-query.js';

/** Scope and body conditions (on `alias`), and their parameters. */
export function scopeSql(q: RankQuery, alias: string, p: Record<string, unknown>): string {
  const parts: string[] = [];
  if (q.scope.year) {
    parts.push(`${alias}.year BETWEEN @yearFrom AND @yearTo`);
    p.yearFrom = q.scope.year.from;
    p.yearTo = q.scope.year.to;
  }
  if (q.scope.province) {
    parts.push(`${alias}.province = @province`);
    p.province = q.scope.province;
  }
  if (q.scope.tier) {
    parts.push(`${alias}.tier = @scopeTier`);
    p.scopeTier = q.scope.tier;
  }
  if (q.body) {
    parts.push(`${alias}.body = @body`);
    p.body = q.body;
  }
  return parts.map((s) => ` AND ${s}`).join('');
}

/** `IN (@name0, @name1, …)` for a list. */
export function listSql(name: string, values: readonly unknown[], p: Record<string, unknown>): string {
  for (const [i, v] of values.entries()) p[`${name}${i}`] = v;
  return `(${values.map((_, i) => `@${name}${i}`).join(', ')})`;
}

/** The compared key's own figures of a segment, as SQL over the `headline_facts_key_rank` index. */
export function segmentSql(q: RankQuery, s: Segment, p: Record<string, unknown>): string {
  p.key = q.key;
  p.tier = s.tier;
  p.period = s.period;
  p.mask = q.mask;
  let sql = `FROM headline_facts h INDEXED BY headline_facts_key_rank
    WHERE h.key = @key AND h.tier = @tier AND h.period = @period AND h.other_body = 0${scopeSql(q, 'h', p)}`;
  if (s.counted) {
    const counted = `(h.unit IN ${listSql('unit', s.counted.units, p)}${s.counted.includeDoubtful ? '' : ' AND (h.checks & @mask) = 0'})`;
    sql += s.counted.units.length ? ` AND ${s.counted.notCounted ? 'NOT ' : ''}${counted}` : s.counted.notCounted ? '' : ' AND 0';
  }
  return sql;
}

/** Own figures of `others` in scope whose report has no own figure of the compared key (`o`). */
export function uncomparedFrom(q: RankQuery, others: readonly string[], p: Record<string, unknown>): string {
  p.key = q.key;
  const scope = scopeSql(q, 'o', p);
  // The compared key's reports once, as a list SQLite probes (a correlated look-up per figure was 10× slower).
  return `FROM headline_facts o INDEXED BY headline_facts_key_rank
    WHERE o.key IN ${listSql('k', others, p)} AND o.other_body = 0${scope}
      AND o.report_id NOT IN (SELECT o.report_id FROM headline_facts o INDEXED BY headline_facts_key_rank
        WHERE o.key = @key AND o.other_body = 0${scope})`;
}
