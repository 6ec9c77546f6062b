/**
 * Index pairs as one flat array (i, j, i, j …) for handing between threads: one typed array to
 * copy or transfer, not an array per pair.
 */
export function flattenPairs(pairs: [number, number][]): Uint32Array {
  const flat = new Uint32Array(pairs.length * 2);
  pairs.forEach(([i, j], k) => {
    flat[2 * k] = i;
    flat[2 * k + 1] = j;
  });
  return flat;
}

/** The pairs of a flattenPairs array. */
export function unflattenPairs(flat: Uint32Array): [number, number][] {
  const pairs: [number, number][] = new Array(flat.length / 2);
  for (let k = 0; k < pairs.length; k++) pairs[k] = [flat[2 * k]!, flat[2 * k + 1]!];
  return pairs;
}
