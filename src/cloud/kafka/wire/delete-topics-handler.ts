/** DeleteTopics (v0–5): deletes topics (with their records and committed offsets) via the store. */
import { ByteWriter } from './byte-writer.js';
import { ERR, kafkaErrorOf } from './error-codes.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers DeleteTopics. */
export function handleDeleteTopics(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const names = r.array((x) => x.string());
  r.int32(); // timeout_ms
  r.tags();
  const cluster = req.session.cluster();
  const results = names.map((name) => {
    if (cluster === undefined) return { name, error: ERR.UNKNOWN_TOPIC_OR_PARTITION, message: 'no cluster is selected for this connection' };
    try {
      req.services.store.deleteTopic(cluster, name);
      return { name, error: ERR.NONE, message: null };
    } catch (err) {
      const e = kafkaErrorOf(err);
      return { name, error: e.code, message: e.message };
    }
  });
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 1) w.int32(0);
  w.array(results, (x, t) => {
    x.string(t.name).int16(t.error);
    if (v >= 5) x.nullableString(t.message);
    x.tags();
  });
  w.tags();
  return { kind: 'reply', body: w };
}
