/** DescribeGroups (v0–5): state, protocol and members (with metadata and assignment) of groups. */
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import type { GroupDescription } from './group-types.js';
import type { WireRequest, WireResponse } from './types.js';

const OMITTED_OPERATIONS = -2147483648;

/** Answers DescribeGroups. */
export function handleDescribeGroups(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const ids = r.array((x) => x.string());
  if (v >= 3) r.bool(); // include_authorized_operations
  r.tags();
  const cluster = req.session.cluster() ?? '';
  const committed = new Set(cluster === '' ? [] : req.services.offsets.listGroups(cluster).map((g) => g.groupId));
  const groups = ids.map((id): GroupDescription => {
    const d = req.services.groups.describe(cluster, id);
    return d.state === 'Dead' && committed.has(id) ? { ...d, state: 'Empty', protocolType: 'consumer' } : d;
  });
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 1) w.int32(0);
  w.array(groups, (x, g) => {
    x.int16(ERR.NONE).string(g.groupId).string(g.state).string(g.protocolType).string(g.protocol);
    x.array(g.members, (y, m) => {
      y.string(m.memberId);
      if (v >= 4) y.nullableString(m.groupInstanceId);
      y.string(m.clientId).string(m.clientHost).bytes(m.metadata).bytes(m.assignment).tags();
    });
    if (v >= 3) x.int32(OMITTED_OPERATIONS);
    x.tags();
  });
  w.tags();
  return { kind: 'reply', body: w };
}
