/** Levenshtein distance between two short strings (region names). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  // Rows hold y.length + 1 distances, so prev[j] and prev[j + 1] below are always in range.
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (const [i, xc] of x.entries()) {
    let left = i + 1;
    const cur = [left];
    for (const [j, yc] of y.entries()) {
      left = Math.min(prev[j + 1]! + 1, left + 1, prev[j]! + (xc === yc ? 0 : 1));
      cur.push(left);
    }
    prev = cur;
  }
  return prev[y.length]!;
}
