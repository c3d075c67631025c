/**
 * A client for Confluent's `sql/v1` statements API, as `confluent flink statement` and the Flink
 * shell use it: submit, wait for the phase to settle, page through results, stop and delete.
 */
import { randomUUID } from 'node:crypto';
import type { CloudClient } from '../inside/index.js';

export interface ResultColumn {
  readonly name: string;
  readonly type: { readonly type: string; readonly nullable?: boolean; readonly [k: string]: unknown };
}

export interface StatementView {
  readonly name: string;
  readonly phase: string;
  readonly detail: string;
  readonly sqlKind?: string;
  readonly isBounded?: boolean;
  readonly isAppendOnly?: boolean;
  readonly upsertColumns?: readonly number[];
  readonly columns: readonly ResultColumn[];
  readonly resourceVersion: string;
}

export interface ResultChange {
  readonly op: 0 | 1 | 2 | 3;
  readonly row: readonly unknown[];
}

/** A statement name like the CLI's: `cli-2026-11-24-014501-<uuid>`. */
export function newStatementName(prefix = 'cli', now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const t = `${now.getUTCFullYear()}-${p(now.getUTCMonth() + 1)}-${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${prefix}-${t}-${randomUUID()}`;
}

function view(body: unknown): StatementView {
  const b = body as { name: string; metadata?: { resource_version?: string }; status?: { phase?: string; detail?: string; traits?: { sql_kind?: string; is_bounded?: boolean; is_append_only?: boolean; upsert_columns?: number[]; schema?: { columns?: ResultColumn[] } } } };
  const t = b.status?.traits;
  return {
    name: b.name, phase: b.status?.phase ?? 'PENDING', detail: b.status?.detail ?? '',
    ...(t?.sql_kind !== undefined ? { sqlKind: t.sql_kind } : {}),
    ...(t?.is_bounded !== undefined ? { isBounded: t.is_bounded } : {}),
    ...(t?.is_append_only !== undefined ? { isAppendOnly: t.is_append_only } : {}),
    ...(t?.upsert_columns !== undefined ? { upsertColumns: t.upsert_columns } : {}),
    columns: t?.schema?.columns ?? [],
    resourceVersion: b.metadata?.resource_version ?? '0',
  };
}

export class StatementClient {
  readonly #client: CloudClient;
  readonly #base: string;
  /** `/sql/v1/organizations/{org}/environments/{env}/statements`. */
  get basePath(): string { return this.#base; }

  constructor(client: CloudClient, orgId: string, envId: string) {
    this.#client = client;
    this.#base = `/sql/v1/organizations/${orgId}/environments/${envId}/statements`;
  }

  async create(name: string, sql: string, properties: Readonly<Record<string, string>>, computePoolId?: string): Promise<StatementView> {
    const spec: Record<string, unknown> = { statement: sql, properties };
    if (computePoolId) spec['compute_pool_id'] = computePoolId;
    return view(await this.#client.ok('POST', this.#base, { body: { name, spec } }));
  }

  async get(name: string): Promise<StatementView> {
    return view(await this.#client.ok('GET', `${this.#base}/${name}`));
  }

  /** Polls until the statement leaves PENDING, the signal aborts or `timeoutMs` passes; backs off from 50 ms to 1 s. */
  async settle(name: string, signal: AbortSignal, timeoutMs = 60_000): Promise<StatementView> {
    let delay = 50;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = await this.get(name);
      if (s.phase !== 'PENDING' || signal.aborted || Date.now() > deadline) return s;
      await new Promise<void>((r) => { const t = setTimeout(r, delay); signal.addEventListener('abort', () => { clearTimeout(t); r(); }, { once: true }); });
      delay = Math.min(delay * 2, 1000);
    }
  }

  /** One page of results; `next` is undefined once the result is complete. */
  async results(name: string, next?: string): Promise<{ rows: ResultChange[]; next?: string }> {
    const body = await this.#client.ok('GET', next ?? `${this.#base}/${name}/results`) as { metadata?: { next?: string }; results?: { data?: { op?: number; row: unknown[] }[] } };
    const rows = (body.results?.data ?? []).map((d) => ({ op: (d.op ?? 0) as 0 | 1 | 2 | 3, row: d.row }));
    const n = body.metadata?.next;
    return n ? { rows, next: n } : { rows };
  }

  async exceptions(name: string): Promise<{ name: string; message: string; timestamp: string }[]> {
    const body = await this.#client.ok('GET', `${this.#base}/${name}/exceptions`) as { data?: { name: string; message: string; timestamp: string }[] };
    return body.data ?? [];
  }

  async stop(name: string): Promise<void> {
    const cur = await this.#client.ok('GET', `${this.#base}/${name}`) as { spec: Record<string, unknown>; metadata: Record<string, unknown> };
    await this.#client.send('PUT', `${this.#base}/${name}`, { body: { name, spec: { ...cur.spec, stopped: true }, metadata: cur.metadata } });
  }

  async delete(name: string): Promise<void> {
    await this.#client.send('DELETE', `${this.#base}/${name}`);
  }
}
