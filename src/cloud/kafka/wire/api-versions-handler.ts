/** ApiVersions (v0–3): the versions of every API this listener implements. */
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import { SUPPORTED_APIS } from './api-keys.js';
import type { WireRequest, WireResponse } from './types.js';

/** Answers ApiVersions; the request's client software name/version are not needed. */
export function handleApiVersions(req: WireRequest): WireResponse {
  return { kind: 'reply', body: apiVersionsBody(req.apiVersion, ERR.NONE) };
}

/**
 * The ApiVersions response body. A client asking with a version above ours gets a v0-shaped
 * UNSUPPORTED_VERSION answer listing our range, and retries with a version we speak.
 */
export function apiVersionsBody(version: number, errorCode: number): ByteWriter {
  const w = new ByteWriter({ flexible: version >= 3 });
  w.int16(errorCode);
  w.array(SUPPORTED_APIS, (x, a) => { x.int16(a.apiKey).int16(a.min).int16(a.max).tags(); });
  if (version >= 1) w.int32(0); // throttle_time_ms
  return w.tags();
}
