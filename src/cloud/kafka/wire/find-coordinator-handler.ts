/** FindCoordinator (v0–4, batched keys in v4): this listener coordinates every group. */
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers FindCoordinator with node 1 for every key (group and transactional alike). */
export function handleFindCoordinator(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  let keys: string[];
  if (v >= 4) {
    r.int8(); // key_type
    keys = r.array((x) => x.string());
  } else {
    keys = [r.string()];
    if (v >= 1) r.int8();
  }
  r.tags();
  const b = req.session.broker;
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 1) w.int32(0);
  if (v >= 4) {
    w.array(keys, (x, key) => { x.string(key).int32(b.nodeId).string(b.host).int32(b.port).int16(ERR.NONE).nullableString(null).tags(); });
  } else {
    w.int16(ERR.NONE);
    if (v >= 1) w.nullableString(null);
    w.int32(b.nodeId).string(b.host).int32(b.port);
  }
  w.tags();
  return { kind: 'reply', body: w };
}
