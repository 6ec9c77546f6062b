import type { ResolvedConfig, ResolvedOutlet } from '../config/resolveConfig.js';
import { normalizeForMatching } from '../text/normalizeForMatching.js';

export interface OutletEvidence {
  outlet: string | null;
  side: string | null;
  /** How the outlet was identified, for the manifest and for users checking a surprising side. */
  how: 'given' | 'url' | 'site-name' | 'front-matter' | 'signature' | 'none';
}

export interface OutletClues {
  givenOutlet?: string;
  givenSide?: string;
  urls: string[];
  siteName?: string;
  frontMatterNames: string[];
  /** The page's text before any trailing related-news block. */
  text: string;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function byName(outlets: ResolvedOutlet[], name: string): ResolvedOutlet | undefined {
  const key = normalizeForMatching(name);
  return outlets.find((o) => [o.name, ...o.aliases].some((n) => normalizeForMatching(n) === key));
}

function byDomain(outlets: ResolvedOutlet[], urls: string[]): ResolvedOutlet | undefined {
  for (const host of urls.map(hostOf)) {
    if (!host) continue;
    const found = outlets.find((o) => o.domains.some((d) => host === d || host.endsWith(`.${d}`)));
    if (found) return found;
  }
  return undefined;
}

/** Scores every outlet's text signatures; a dateline outweighs a photo credit borrowed from another agency. */
function bySignature(outlets: ResolvedOutlet[], text: string): ResolvedOutlet | undefined {
  let best: ResolvedOutlet | undefined;
  let bestScore = 0;
  for (const outlet of outlets) {
    const score = outlet.signatures.reduce((sum, s) => sum + (s.pattern.test(text) ? s.weight : 0), 0);
    if (score > bestScore) {
      bestScore = score;
      best = outlet;
    }
  }
  return best;
}

/** Which outlet published a page, in order of evidence: stated, URL, site name, front matter, text. */
export function detectOutlet(clues: OutletClues, config: ResolvedConfig): OutletEvidence {
  const { outlets } = config;
  const pick = (outlet: ResolvedOutlet | undefined, how: OutletEvidence['how']): OutletEvidence | null =>
    outlet ? { outlet: outlet.name, side: clues.givenSide ?? outlet.side, how } : null;
  if (clues.givenOutlet) {
    const known = byName(outlets, clues.givenOutlet);
    return known
      ? { outlet: known.name, side: clues.givenSide ?? known.side, how: 'given' }
      : { outlet: clues.givenOutlet, side: clues.givenSide ?? null, how: 'given' };
  }
  return (
    pick(byDomain(outlets, clues.urls), 'url') ??
    pick(clues.siteName ? byName(outlets, clues.siteName) : undefined, 'site-name') ??
    pick(
      clues.frontMatterNames.map((n) => byName(outlets, n)).find(Boolean),
      'front-matter',
    ) ??
    pick(bySignature(outlets, clues.text), 'signature') ?? {
      outlet: null,
      side: clues.givenSide ?? null,
      how: 'none',
    }
  );
}
