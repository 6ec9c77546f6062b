import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection now. V8 collects when its heap grows, not when memory outside it is let
 * go: the band keys of a million articles' paragraphs (2.2 GB on shared memory) stayed allocated,
 * unreachable, for the first 100 s of clustering, until clustering's own allocations brought a
 * collection, and the run peaked 2 GB higher there for it. A caller that has just let go of that
 * much calls this; one collection of a million articles' heap takes about a second.
 */
export function collectGarbageNow(): void {
  if (!collect) {
    // V8 gives `gc` to contexts made once the flag is set; the flag changes nothing else.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
