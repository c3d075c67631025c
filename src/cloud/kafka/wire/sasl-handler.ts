/**
 * SaslHandshake (v0–1) and SaslAuthenticate (v0–2) for SASL/PLAIN over plaintext: clients
 * configured for Confluent Cloud (SASL PLAIN with an API key and secret) connect unchanged.
 * Credentials are checked by the listener's `authenticate` option (default: accept any).
 */
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import type { WireRequest, WireResponse, WireServices, WireSession } from './types.js';

const MECHANISMS = ['PLAIN'];

/** Answers SaslHandshake; v0 means the next frame is a bare PLAIN token. */
export function handleSaslHandshake(req: WireRequest): WireResponse {
  const mechanism = req.body.string();
  const ok = mechanism === 'PLAIN';
  if (ok && req.apiVersion === 0) req.session.expectRawSaslToken();
  const w = new ByteWriter();
  w.int16(ok ? ERR.NONE : ERR.UNSUPPORTED_SASL_MECHANISM);
  w.array(MECHANISMS, (x, m) => { x.string(m); });
  return { kind: 'reply', body: w };
}

/** Answers SaslAuthenticate with a PLAIN token; failures close the connection after the answer. */
export function handleSaslAuthenticate(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const token = r.bytes();
  r.tags();
  const outcome = checkPlainToken(req.services, req.session, token);
  const w = new ByteWriter({ flexible: r.flexible });
  w.int16(outcome.ok ? ERR.NONE : ERR.SASL_AUTHENTICATION_FAILED).nullableString(outcome.message).bytes(Buffer.alloc(0));
  if (v >= 1) w.int64(0); // session_lifetime_ms: no re-authentication required
  w.tags();
  return { kind: 'reply', body: w, closeAfter: !outcome.ok };
}

/** Verifies a PLAIN token (`authzid NUL authcid NUL password`) and records the user on success. */
export function checkPlainToken(s: WireServices, session: WireSession, token: Buffer): { ok: boolean; message: string | null } {
  const parts = token.toString('utf8').split('\u0000');
  if (parts.length !== 3) return { ok: false, message: 'Invalid SASL/PLAIN token: expected authzid, username and password separated by NUL.' };
  const username = parts[1] ?? '';
  const password = parts[2] ?? '';
  if (username === '' || !s.authenticate(username, password)) return { ok: false, message: 'Authentication failed: Invalid username or password' };
  session.authenticated(username);
  return { ok: true, message: null };
}
