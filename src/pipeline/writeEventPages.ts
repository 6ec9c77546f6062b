import path from 'node:path';
import { hasEventPage } from '../report/renderEventFiles.js';
import type { EventCluster } from '../types.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import type { EventSink } from './compareEvents.js';
import { openFolderReplacement } from './writeAtomic.js';

/** The `events/` folder being written while the compare stage runs: a page and a data file per event. */
export interface EventPages extends EventSink {
  /** The events given a page (written or kept), by cluster id: the index links these. */
  readonly pages: Set<string>;
  /** Swaps the new folder in (pages of events that no longer exist are gone) and records each file in the workspace. */
  commit(): Promise<void>;
  /** Resolves once the old folder, moved aside at commit, is removed (FolderReplacement.retired). */
  retired(): Promise<void>;
  /** Drops what was written, leaving the earlier run's folder as it was (the run failed). */
  abandon(): Promise<void>;
}

/**
 * Opens `<out>/events` for replacement. Each event's files are written as soon as the compare stage
 * hands them over (rendered where the comparison was made), so a run holds no more than a batch of
 * them. With a workspace, a file recorded under the same content key (event, members, config) is
 * kept as it is.
 */
export async function openEventPages(out: string, workspace?: Workspace): Promise<EventPages> {
  const folder = path.join(out, 'events');
  const replacement = await openFolderReplacement(folder);
  const recorded: [file: string, key: string][] = [];
  const unchanged = (name: string, key: string | undefined) => key !== undefined && workspace !== undefined && workspace.outputUnchanged(path.join(folder, name), key);
  const pages = new Set<string>();
  // Whether an event gets a page, noting it among `pages` when it does.
  const givesPage = (cluster: EventCluster) => {
    if (!hasEventPage(cluster)) return false;
    pages.add(cluster.id);
    return true;
  };
  const filesOf = (cluster: EventCluster) => [`${cluster.id}.html`, `${cluster.id}.json`] as const;
  const record = (key: string | undefined, names: readonly string[]) => {
    if (key !== undefined && workspace) for (const name of names) recorded.push([name, key]);
  };
  const keep = { keep: true } as const;
  return {
    pages,
    async reuse(cluster, key) {
      if (!givesPage(cluster)) return true;
      const names = filesOf(cluster);
      if (!names.every((name) => unchanged(name, key))) return false;
      record(key, names);
      await Promise.all(names.map((name) => replacement.put(name, keep)));
      return true;
    },
    async put(cluster, files, key) {
      if (!givesPage(cluster)) return;
      const [page, data] = filesOf(cluster);
      record(key, [page, data]);
      await Promise.all([
        replacement.put(page, unchanged(page, key) ? keep : files.page),
        replacement.put(data, unchanged(data, key) ? keep : files.data),
      ]);
    },
    async commit() {
      await replacement.commit();
      if (!workspace || recorded.length === 0) return;
      workspace.batch(() => {
        for (const [name, key] of recorded) workspace.recordOutput(path.join(folder, name), key);
      });
    },
    retired: () => replacement.retired(),
    abandon: () => replacement.abandon(),
  };
}
