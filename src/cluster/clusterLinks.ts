import { createHash } from 'node:crypto';
import type { EventCluster } from '../types.js';
import { DECISIONS, linkOfRow, ROW_BYTES, VALUES, type ScoredPairTable } from './scoredPairTable.js';

/**
 * Where a cluster's links are: its rows of the scored pair table (in merge order), the decisions of
 * the merge that made the cluster, and its members by index, named by `idOf`.
 */
export interface LinkRows {
  table: ScoredPairTable;
  rows: Uint32Array;
  decisions: Uint8Array;
  members: readonly number[];
  idOf: (article: number) => string;
}

const rowsOfCluster = new WeakMap<EventCluster, LinkRows>();

/**
 * A cluster whose `links` are made from their rows whenever they are read (by JSON, by a copy to
 * another thread, by code), and not held. A million articles' clusters hold 7.4 million links: as
 * objects kept from clustering to the end of the run they were a gigabyte of the heap, and most
 * were never read again (a re-run compares again only the events a threshold regrouped).
 */
export function clusterWithLinkRows(facts: Omit<EventCluster, 'links'>, links: LinkRows): EventCluster {
  const cluster = facts as EventCluster;
  Object.defineProperty(cluster, 'links', {
    enumerable: true,
    get: () => Array.from(links.rows, (row) => linkOfRow(links.table, row, links.idOf, links.decisions[row])),
  });
  rowsOfCluster.set(cluster, links);
  return cluster;
}

/** A cluster without its links, its fields in their order: what clusters.json keeps of it. */
export function clusterFacts(cluster: EventCluster): Omit<EventCluster, 'links'> {
  const { id, articles, eventDate, people, places, sides } = cluster;
  return { id, articles, eventDate, people, places, sides };
}

/**
 * A key for a cluster's links: equal for two clusters whose links are the same. From the rows
 * where the cluster has them (clusterWithLinkRows): the members' indices with their ids, then
 * each row's indices, values and decision as bytes, which is all a link is made of. Hashing the
 * links as JSON was 22 s of a million-article re-run (an event page's key says what its links are).
 */
export function linksKeyOf(cluster: EventCluster): string {
  const hash = createHash('sha1');
  const links = rowsOfCluster.get(cluster);
  if (!links) return hash.update('json\u0000').update(JSON.stringify(cluster.links)).digest('hex');
  const { table, rows, decisions, members, idOf } = links;
  hash.update('rows\u0000').update(DECISIONS.join('\u0001')).update('\u0000');
  for (const member of members) hash.update(`${member}\u0001${idOf(member)}\u0000`);
  const bytes = new Uint8Array(rows.length * ROW_BYTES);
  const view = new DataView(bytes.buffer);
  rows.forEach((row, k) => {
    const at = k * ROW_BYTES;
    view.setUint32(at, table.first[row]!);
    view.setUint32(at + 4, table.second[row]!);
    for (let v = 0; v < VALUES; v++) view.setUint16(at + 8 + 2 * v, table.values[row * VALUES + v]!);
    view.setUint8(at + 8 + 2 * VALUES, decisions[row]!);
  });
  return hash.update(bytes).digest('hex');
}
