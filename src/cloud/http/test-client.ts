/** Test support: a tiny JSON client for a running local cloud, plus temp data dirs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A response with its parsed JSON body. */
export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  /**
   * The value at a path of keys and indexes (undefined when absent). Typed as string for
   * convenience in assertions and URL building; it may be any JSON value (`.length` works on arrays).
   */
  at(...path: readonly (string | number)[]): string;
}

function walk(v: unknown, path: readonly (string | number)[]): unknown {
  let cur = v;
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** Calls `method url+path` with an optional JSON body and Basic credentials. */
export async function call(url: string, method: string, path: string, opts: { body?: unknown; key?: { apiKey: string; apiSecret: string }; raw?: string } = {}): Promise<JsonResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.key !== undefined) headers['authorization'] = `Basic ${Buffer.from(`${opts.key.apiKey}:${opts.key.apiSecret}`).toString('base64')}`;
  const init: RequestInit = { method, headers };
  if (opts.raw !== undefined) init.body = opts.raw;
  else if (opts.body !== undefined) init.body = JSON.stringify(opts.body);
  const res = await fetch(`${url}${path}`, init);
  const text = await res.text();
  const body: unknown = text === '' ? null : JSON.parse(text);
  return { status: res.status, body, at: (...path) => walk(body, path) as string };
}

/** A fresh temp directory and its cleanup. */
export function tempDir(prefix = 'streamform-cloud-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
