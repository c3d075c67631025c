/** SyncGroup (v0–5): the leader's assignments in, each member's assignment out. */
import { ByteWriter } from './byte-writer.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers SyncGroup once the leader has synced. */
export async function handleSyncGroup(req: WireRequest): Promise<WireResponse> {
  const v = req.apiVersion;
  const r = req.body;
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (v >= 3) r.nullableString(); // group_instance_id
  if (v >= 5) {
    r.nullableString(); // protocol_type
    r.nullableString(); // protocol_name
  }
  const assignments = r.array((x) => {
    const id = x.string();
    const assignment = Buffer.from(x.bytes());
    x.tags();
    return { memberId: id, assignment };
  });
  r.tags();
  const res = await req.services.groups.sync({ cluster: req.session.cluster() ?? '', groupId, generationId, memberId, assignments });
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 1) w.int32(0);
  w.int16(res.error);
  if (v >= 5) w.nullableString(res.protocolType).nullableString(res.protocolName);
  w.bytes(res.assignment).tags();
  return { kind: 'reply', body: w };
}
