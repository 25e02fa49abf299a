/**
 * Divisions renamed or merged since the reports were written. The gazetteer holds today's names; a report
 * is filed under the name its place had in the year it reviews (a 2009 report of 襄樊市 stays 襄樊市).
 */
import type { RegionRef, RegionTier } from '../domain/report.js';

/** One change: the old unit, the unit that carries on today, and the first year under the new name. */
export interface DivisionChange {
  /** Old full name. */
  from: string;
  /** Old 6-digit code. */
  fromCode: string;
  /** Old level suffix (市 for a county-level city that became a 区). */
  fromLevel: string;
  /** Old tier (a merged prefecture lives on as a district). */
  fromTier: RegionTier;
  /** Today's full name (in the gazetteer). */
  to: string;
  /** Today's code. */
  toCode: string;
  /** ISO date of the change. */
  changed: string;
  kind: 'renamed' | 'merged' | 'upgraded';
}

/** A small table of well-documented changes (State Council approvals); add rows as reports need them. */
export const DIVISION_CHANGES: readonly DivisionChange[] = [
  {
    from: '襄樊市',
    fromCode: '420600',
    fromTier: '地级',
    fromLevel: '市',
    to: '襄阳市',
    toCode: '420600',
    changed: '2010-11-26',
    kind: 'renamed',
  },
  {
    from: '思茅市',
    fromCode: '530800',
    fromTier: '地级',
    fromLevel: '市',
    to: '普洱市',
    toCode: '530800',
    changed: '2007-01-21',
    kind: 'renamed',
  },
  {
    from: '莱芜市',
    fromCode: '371200',
    fromTier: '地级',
    fromLevel: '市',
    to: '莱芜区',
    toCode: '370116',
    changed: '2019-01-09',
    kind: 'merged',
  },
  {
    from: '吴江市',
    fromCode: '320584',
    fromTier: '县级',
    fromLevel: '市',
    to: '吴江区',
    toCode: '320509',
    changed: '2012-09-01',
    kind: 'upgraded',
  },
  {
    from: '姜堰市',
    fromCode: '321284',
    fromTier: '县级',
    fromLevel: '市',
    to: '姜堰区',
    toCode: '321204',
    changed: '2012-12-07',
    kind: 'upgraded',
  },
  {
    from: '富阳市',
    fromCode: '330183',
    fromTier: '县级',
    fromLevel: '市',
    to: '富阳区',
    toCode: '330111',
    changed: '2014-12-13',
    kind: 'upgraded',
  },
  {
    from: '临安市',
    fromCode: '330185',
    fromTier: '县级',
    fromLevel: '市',
    to: '临安区',
    toCode: '330112',
    changed: '2017-07-18',
    kind: 'upgraded',
  },
  {
    from: '铜仁地区',
    fromCode: '522200',
    fromTier: '地级',
    fromLevel: '地区',
    to: '铜仁市',
    toCode: '520600',
    changed: '2011-10-22',
    kind: 'upgraded',
  },
  {
    from: '毕节地区',
    fromCode: '522400',
    fromTier: '地级',
    fromLevel: '地区',
    to: '毕节市',
    toCode: '520500',
    changed: '2011-10-22',
    kind: 'upgraded',
  },
  {
    from: '海东地区',
    fromCode: '632100',
    fromTier: '地级',
    fromLevel: '地区',
    to: '海东市',
    toCode: '630200',
    changed: '2013-02-08',
    kind: 'upgraded',
  },
  {
    from: '吐鲁番地区',
    fromCode: '652100',
    fromTier: '地级',
    fromLevel: '地区',
    to: '吐鲁番市',
    toCode: '650400',
    changed: '2015-03-16',
    kind: 'upgraded',
  },
  {
    from: '哈密地区',
    fromCode: '652200',
    fromTier: '地级',
    fromLevel: '地区',
    to: '哈密市',
    toCode: '650500',
    changed: '2016-01-07',
    kind: 'upgraded',
  },
  {
    from: '日喀则地区',
    fromCode: '542300',
    fromTier: '地级',
    fromLevel: '地区',
    to: '日喀则市',
    toCode: '540200',
    changed: '2014-06-26',
    kind: 'upgraded',
  },
];

/** Old names (full and short) mapped to their change rows. */
export function changesFrom(name: string): DivisionChange[] {
  return DIVISION_CHANGES.filter((c) => c.from === name || shortOf(c) === name);
}

function shortOf(c: DivisionChange): string {
  return c.from.slice(0, -c.fromLevel.length);
}

/**
 * The region as named in `year`: before a rename or upgrade, the old name, short form, level and code.
 * A merged unit only when `text` names the old unit (莱芜区 of 2017 may be a district report of the old city).
 * Unknown year or no change: the region unchanged.
 */
export function regionAsOf(ref: RegionRef, year: number | null, text = ''): RegionRef {
  if (year === null) return ref;
  const change = DIVISION_CHANGES.find(
    (c) => c.toCode === ref.code && year < Number(c.changed.slice(0, 4)) && (c.kind !== 'merged' || text.includes(c.from)),
  );
  if (!change) return ref;
  const parent = change.fromTier === '县级' ? ref.parent : null;
  return {
    ...ref,
    name: change.from,
    short: shortOf(change),
    level: change.fromLevel,
    tier: change.fromTier,
    parent,
    code: change.fromCode,
  };
}
