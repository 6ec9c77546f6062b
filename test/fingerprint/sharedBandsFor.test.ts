import { describe, expect, it } from 'vitest';
import { AUTO_CANDIDATE_RECALL, candidateProbability, sharedBandsFor } from '../../src/fingerprint/sharedBandsFor.js';

describe('candidateProbability', () => {
  it('is the classic LSH curve 1 − (1 − s^r)^b for one band, and the binomial tail for more', () => {
    expect(candidateProbability(0.7, 32, 4, 1)).toBeCloseTo(1 - (1 - 0.7 ** 4) ** 32, 12);
    // Three bands of two rows, at least two agreeing: every outcome with two or three agreeing bands.
    const p = 0.6 ** 2;
    expect(candidateProbability(0.6, 3, 2, 2)).toBeCloseTo(3 * p * p * (1 - p) + p ** 3, 12);
    expect(candidateProbability(0.6, 3, 2, 3)).toBeCloseTo(p ** 3, 12);
    expect(candidateProbability(1, 32, 4, 32)).toBe(1);
    expect(candidateProbability(0, 32, 4, 1)).toBe(0);
  });
});

describe('sharedBandsFor (minSharedBands: auto)', () => {
  it('asks for two bands at the bundled reuse threshold (0.7), five at its duplicate threshold (0.8), one below 0.7', () => {
    expect(sharedBandsFor(0.7, 32, 4)).toBe(2);
    expect(candidateProbability(0.7, 32, 4, 2)).toBeGreaterThanOrEqual(AUTO_CANDIDATE_RECALL);
    expect(candidateProbability(0.7, 32, 4, 3)).toBeLessThan(AUTO_CANDIDATE_RECALL);
    // At 0.65 two bands would miss 1.5% of the pairs at the threshold: classic LSH.
    expect(sharedBandsFor(0.65, 32, 4)).toBe(1);
    expect(sharedBandsFor(0.8, 32, 4)).toBe(5);
    // One band cannot be asked to agree twice.
    expect(sharedBandsFor(0.99, 1, 128)).toBe(1);
  });
});
