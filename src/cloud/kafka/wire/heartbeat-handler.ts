/** Heartbeat (v0–4): keeps a member's session alive and reports rebalances. */
import { ByteWriter } from './byte-writer.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers Heartbeat. */
export function handleHeartbeat(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (v >= 3) r.nullableString(); // group_instance_id
  r.tags();
  const error = req.services.groups.heartbeat({ cluster: req.session.cluster() ?? '', groupId, generationId, memberId });
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 1) w.int32(0);
  w.int16(error).tags();
  return { kind: 'reply', body: w };
}
