/**
 * ListGroups (v0–4, state filter in v4): groups with live members plus groups known only by
 * their committed offsets (listed as Empty consumer groups, as after a coordinator restart).
 */
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers ListGroups. */
export function handleListGroups(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const states = v >= 4 ? r.array((x) => x.string().toLowerCase()) : [];
  r.tags();
  const cluster = req.session.cluster();
  const groups = new Map<string, { protocolType: string; state: string }>();
  if (cluster !== undefined) {
    for (const g of req.services.offsets.listGroups(cluster)) groups.set(g.groupId, { protocolType: 'consumer', state: 'Empty' });
    for (const g of req.services.groups.list(cluster)) groups.set(g.groupId, { protocolType: g.protocolType, state: g.state });
  }
  const listed = [...groups].filter(([, g]) => states.length === 0 || states.includes(g.state.toLowerCase())).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 1) w.int32(0);
  w.int16(ERR.NONE);
  w.array(listed, (x, [id, g]) => {
    x.string(id).string(g.protocolType);
    if (v >= 4) x.string(g.state);
    x.tags();
  });
  w.tags();
  return { kind: 'reply', body: w };
}
