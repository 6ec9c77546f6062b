/**
 * MinHash signatures: for each of `permutations` hash functions, the minimum hash over a text's
 * shingles. Each function is the shingle hash xor a per-function seed, passed through murmur3's
 * finaliser, which makes the functions behave as independent for MinHash's estimate.
 */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function minhashSeeds(permutations: number, seed: number): Uint32Array {
  const seeds = new Uint32Array(permutations);
  let state = fmix32(seed ^ 0x9e3779b9);
  for (let i = 0; i < permutations; i++) {
    state = fmix32(state + 0x9e3779b9);
    seeds[i] = state;
  }
  return seeds;
}

export function minhashSignature(shingles: Uint32Array, seeds: Uint32Array): Uint32Array {
  const signature = new Uint32Array(seeds.length).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s]!;
    for (let i = 0; i < seeds.length; i++) {
      const h = fmix32(shingle ^ seeds[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}
