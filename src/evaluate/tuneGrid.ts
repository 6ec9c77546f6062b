import { setConfigKey } from '../config/applyOverrides.js';
import { validateConfig } from '../config/loadConfig.js';
import type { StageCache } from '../pipeline/stageCache.js';
import { gridPoints, type GridAxis } from './parseGrid.js';
import type { GoldLabels } from './readGold.js';
import { scoreClusters, type ClusterScores } from './scoreClusters.js';

export interface TunePoint {
  values: Record<string, unknown>;
  scores: ClusterScores;
}

export interface TuneResult {
  axes: GridAxis[];
  points: TunePoint[];
  best: number;
}

/**
 * Best by B-cubed F1. A tie goes to the higher precision (fewer wrong merges), then to the middle
 * of the plateau: for each key the median of its tied values. Of equally good thresholds, the one
 * with the most margin on either side is the least likely to fall off the plateau on new data.
 */
export function pickBest(points: TunePoint[], axes: GridAxis[]): number {
  const same = (x: number, y: number) => Math.abs(x - y) <= 1e-12;
  const top = Math.max(...points.map((p) => p.scores.bcubed.f1));
  const atTop = points.filter((p) => same(p.scores.bcubed.f1, top));
  const precision = Math.max(...atTop.map((p) => p.scores.bcubed.precision));
  const tied = points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => same(p.scores.bcubed.f1, top) && same(p.scores.bcubed.precision, precision))
    .map(({ i }) => i);
  const centre = Object.fromEntries(
    axes.map((axis) => {
      const values = axis.values.filter((v) => tied.some((i) => points[i]!.values[axis.key] === v));
      return [axis.key, values[Math.floor((values.length - 1) / 2)]];
    }),
  );
  return tied.find((i) => axes.every((a) => points[i]!.values[a.key] === centre[a.key])) ?? tied[0]!;
}

/**
 * Evaluates every grid point against the gold labels. Ingest and fingerprints come from the cache,
 * so only the stages downstream of the keys that vary run again at each point.
 */
export async function tuneGrid(
  cache: StageCache,
  written: unknown,
  axes: GridAxis[],
  gold: GoldLabels,
  configFile: string,
): Promise<TuneResult> {
  const points: TunePoint[] = [];
  for (const values of gridPoints(axes)) {
    const variant = Object.entries(values).reduce(
      (w, [key, value]) => setConfigKey(w, key, value, `--grid ${key}`),
      written,
    ) as Record<string, unknown>;
    const config = validateConfig(variant, `${configFile} with ${JSON.stringify(values)}`);
    const { articles } = await cache.ingest(config);
    const { duplicates } = await cache.fingerprint(articles, config);
    const { clusters } = cache.cluster(articles, duplicates, config);
    points.push({ values, scores: scoreClusters(clusters.map((c) => c.articles), gold) });
  }
  return { axes, points, best: pickBest(points, axes) };
}
