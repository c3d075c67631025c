/** OffsetFetch (v0–7): a group's committed offsets; -1 where nothing was committed. */
import type { CommittedOffset } from '../types.js';
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers OffsetFetch. */
export function handleOffsetFetch(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const groupId = r.string();
  const requested = r.nullableArray((x) => {
    const name = x.string();
    const partitions = x.array((y) => y.int32());
    x.tags();
    return { name, partitions };
  });
  if (v >= 7) r.bool(); // require_stable: there are no transactions, so offsets are always stable
  r.tags();
  const cluster = req.session.cluster();
  const committed = cluster === undefined ? [] : req.services.offsets.fetchOffsets(cluster, groupId);
  const byKey = new Map<string, CommittedOffset>(committed.map((c) => [`${c.topic}\u0000${c.partition}`, c]));
  const topics = requested ?? groupByTopic(committed);
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 3) w.int32(0);
  w.array(topics, (x, t) => {
    x.string(t.name);
    x.array(t.partitions, (y, p) => {
      const c = byKey.get(`${t.name}\u0000${p}`);
      y.int32(p).int64(c?.offset ?? -1);
      if (v >= 5) y.int32(-1); // committed_leader_epoch
      y.nullableString(c?.metadata ?? '').int16(ERR.NONE).tags();
    });
    x.tags();
  });
  if (v >= 2) w.int16(cluster === undefined ? ERR.COORDINATOR_NOT_AVAILABLE : ERR.NONE);
  w.tags();
  return { kind: 'reply', body: w };
}

function groupByTopic(committed: readonly CommittedOffset[]): { name: string; partitions: number[] }[] {
  const out = new Map<string, number[]>();
  for (const c of committed) {
    const list = out.get(c.topic);
    if (list === undefined) out.set(c.topic, [c.partition]);
    else list.push(c.partition);
  }
  return [...out].map(([name, partitions]) => ({ name, partitions }));
}
