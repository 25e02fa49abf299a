/** The element at `index` (negative counts from the end); throws, failing the test with a clear message, when absent. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list.at(index);
  if (item === undefined) throw new Error(`no element at index ${index} (length ${list.length})`);
  return item;
}
