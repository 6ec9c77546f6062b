import { mix32 } from './minhash.js';
import { PairCollector } from './pairCollector.js';

/**
 * Locality-sensitive hashing over MinHash signatures: items whose signatures agree on every row
 * of at least one band become candidate pairs. Pairs with Jaccard s are found with probability
 * 1 − (1 − s^rows)^bands, so no pair of items is ever compared unless it is likely similar.
 * A band is keyed by a 32-bit hash of its rows; the rare key collision only adds a candidate,
 * which exact verification then rejects. A bucket of more than `starAbove` items (a wire story
 * reposted by hundreds of sites, a stock sentence) is paired as a star around its first item
 * rather than as a clique: linear instead of quadratic, and the group stays connected.
 *
 * With hundreds of thousands of paragraphs, hash maps (an entry per item and band) and a set of
 * seen pairs were most of fingerprinting's time. Buckets are runs of equal keys after a radix
 * sort of each band; pairs are collected as numbers and made unique by one sort at the end.
 * Returned pairs are [smaller index, larger index], in ascending order.
 */
export function lshCandidates(signatures: Uint32Array[], bands: number, rows: number, starAbove = 64): [number, number][] {
  return lshCandidatesFromKeys(signatures.map((s) => bandKeys(s, bands, rows)), bands, starAbove);
}

/**
 * A signature's LSH key in each band: a hash of the band's rows. All LSH needs of a signature, and
 * a fraction of its size (32 values for 128), so signatures are reduced to keys where they are made.
 * A band's rows are `bands` bins apart, not neighbours: densification fills a run of empty bins from
 * the same filled bin, so two short texts sharing one phrase agreed on whole runs of neighbouring
 * bins, and neighbouring rows made them candidates far more often than their Jaccard says (on the
 * bench, twelve times the paragraph candidates, for the same verified pairs).
 */
export function bandKeys(signature: Uint32Array, bands: number, rows: number): Uint32Array {
  const keys = new Uint32Array(bands);
  writeBandKeys(new Int32Array(signature.buffer, signature.byteOffset, signature.length), 0, bands, rows, keys, 0);
  return keys;
}

/**
 * bandKeys of the signature at `from` in `signatures` (signed view), written into `keys` at `to`:
 * an article signs a dozen or more texts at once, and two typed arrays made per text cost more
 * than hashing its bands.
 */
export function writeBandKeys(signatures: Int32Array, from: number, bands: number, rows: number, keys: Uint32Array, to: number): void {
  for (let band = 0; band < bands; band++) {
    let key = mix32(band + 0x9e3779b9);
    for (let r = 0; r < rows; r++) key = mix32(key ^ signatures[from + band + r * bands]!);
    keys[to + band] = key;
  }
}

/** lshCandidates over items given by their band keys (see bandKeys). */
export function lshCandidatesFromKeys(itemKeys: Uint32Array[], bands: number, starAbove = 64): [number, number][] {
  return lshCandidatesFromFlat(flattenKeys(itemKeys, bands), bands, starAbove);
}

/**
 * Every item's band keys in one array, item after item: reading a band across hundreds of thousands
 * of small typed arrays was most of LSH's time.
 */
function flattenKeys(itemKeys: Uint32Array[], bands: number): Uint32Array {
  const flat = new Uint32Array(itemKeys.length * bands);
  itemKeys.forEach((k, item) => flat.set(k.subarray(0, bands), item * bands));
  return flat;
}

/** lshCandidates over flattened band keys (flattenKeys): `bands` keys per item. */
export function lshCandidatesFromFlat(flat: Uint32Array, bands: number, starAbove = 64): [number, number][] {
  const n = flat.length / bands;
  const band = { keys: new Uint32Array(n), items: new Uint32Array(n) };
  const sort = createRadixSorter(n);
  const pairs = new PairCollector(n);
  for (let b = 0; b < bands; b++) {
    const { keys, items } = band;
    for (let item = 0, at = b; item < n; item++, at += bands) {
      keys[item] = flat[at]!;
      items[item] = item;
    }
    sort(band);
    // Runs of equal keys are the band's buckets; a stable sort keeps each run's items ascending.
    for (let start = 0; start < n; ) {
      const key = keys[start]!;
      let end = start + 1;
      while (end < n && keys[end] === key) end++;
      const hubs = end - start > starAbove ? 1 : end - start - 1;
      for (let i = start; i < start + hubs; i++) {
        for (let j = i + 1; j < end; j++) pairs.add(items[i]!, items[j]!);
      }
      start = end;
    }
  }
  return pairs.unique();
}

interface KeyedItems {
  keys: Uint32Array;
  items: Uint32Array;
}

/**
 * A stable least-significant-digit radix sort of items by 32-bit key, in two 16-bit passes, reusing
 * its buffers across bands. Each key moves with its item: sorting item indices alone and looking
 * keys up through them read the keys in random order, which at millions of items was most of LSH's
 * time (300k articles, 5.5 million units: 25 s against 12 s).
 */
function createRadixSorter(n: number): (input: KeyedItems) => void {
  const scratch: KeyedItems = { keys: new Uint32Array(n), items: new Uint32Array(n) };
  const counts = new Uint32Array(65536);
  const pass = ({ keys, items }: KeyedItems, to: KeyedItems, shift: number) => {
    const [toKeys, toItems] = [to.keys, to.items];
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & 0xffff]!++;
    let total = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const at = counts[(key >>> shift) & 0xffff]!++;
      toKeys[at] = key;
      toItems[at] = items[i]!;
    }
  };
  // Two passes end where they started: the input's buffers hold the sorted band.
  return (input) => {
    pass(input, scratch, 0);
    pass(scratch, input, 16);
  };
}
