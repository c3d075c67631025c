/**
 * InitProducerId (v0–4): hands idempotent producers an id. Sequence numbers are not enforced, so a
 * producer retry after a lost response can duplicate a batch (documented in the folder README).
 */
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers InitProducerId with a fresh id, or the same id with a bumped epoch (v3+). */
export function handleInitProducerId(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  r.nullableString(); // transactional_id
  r.int32(); // transaction_timeout_ms
  const current = v >= 3 ? r.int64() : -1;
  const epoch = v >= 3 ? r.int16() : -1;
  r.tags();
  const w = new ByteWriter({ flexible: r.flexible });
  w.int32(0).int16(ERR.NONE);
  if (current >= 0) w.int64(current).int16(epoch + 1);
  else w.int64(req.services.nextProducerId()).int16(0);
  w.tags();
  return { kind: 'reply', body: w };
}
