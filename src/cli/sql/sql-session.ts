/**
 * Client-side session state, as in `confluent flink shell`: SET/RESET/USE never reach the server;
 * they change the properties sent with every later statement (`sql.current-catalog`,
 * `sql.current-database` and any `SET 'k' = 'v'`). Keys starting with `client.` stay local.
 */
export type LocalResult =
  | { readonly kind: 'not-local' }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly detail: string }
  | { readonly kind: 'error'; readonly message: string };

const unquote = (s: string): string => {
  const t = s.trim();
  if (t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  if (t.startsWith('`') && t.endsWith('`')) return t.slice(1, -1).replace(/``/g, '`');
  return t;
};

export class SqlSession {
  catalog: string | undefined;
  database: string | undefined;
  readonly #props = new Map<string, string>();

  constructor(init: { catalog?: string | undefined; database?: string | undefined; properties?: Readonly<Record<string, string>> } = {}) {
    this.catalog = init.catalog;
    this.database = init.database;
    for (const [k, v] of Object.entries(init.properties ?? {})) this.#props.set(k, v);
  }

  /** The properties sent with a statement. */
  properties(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.#props) if (!k.startsWith('client.')) out[k] = v;
    if (this.catalog) out['sql.current-catalog'] = this.catalog;
    if (this.database) out['sql.current-database'] = this.database;
    return out;
  }

  get(key: string): string | undefined { return this.#props.get(key); }

  #table(detail: string): LocalResult {
    const rows = [...Object.entries(this.properties())].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, k.startsWith('sql.secrets') ? '<hidden>' : v]);
    for (const [k, v] of this.#props) if (k.startsWith('client.')) rows.push([k, v]);
    return { kind: 'table', columns: ['Key', 'Value'], rows, detail };
  }

  /** Handles SET / RESET / USE locally; anything else is `not-local`. */
  handle(sql: string): LocalResult {
    const s = sql.trim().replace(/;\s*$/, '');
    let m: RegExpExecArray | null;
    if (/^SET$/i.test(s)) return this.#table('');
    if ((m = /^SET\s+('(?:[^']|'')*'|`[^`]*`|[\w.\-]+)\s*=\s*('(?:[^']|'')*'|[^\s]+)$/i.exec(s))) {
      const key = unquote(m[1]!), value = unquote(m[2]!);
      if (key === 'sql.current-catalog') this.catalog = value;
      else if (key === 'sql.current-database') this.database = value;
      else this.#props.set(key, value);
      return this.#table('configuration updated successfully');
    }
    if (/^RESET$/i.test(s)) { this.#props.clear(); return this.#table('configuration updated successfully'); }
    if ((m = /^RESET\s+('(?:[^']|'')*'|[\w.\-]+)$/i.exec(s))) {
      const key = unquote(m[1]!);
      if (!this.#props.delete(key)) return { kind: 'error', message: `The configuration key "${key}" is not set.` };
      return this.#table('configuration updated successfully');
    }
    if ((m = /^USE\s+CATALOG\s+(`[^`]*`|[\w\-$]+)$/i.exec(s))) {
      this.catalog = unquote(m[1]!);
      this.database = undefined;
      return this.#table('configuration updated successfully');
    }
    if ((m = /^USE\s+(`[^`]*`|[\w\-$]+)(?:\s*\.\s*(`[^`]*`|[\w\-$]+))?$/i.exec(s))) {
      if (m[2] !== undefined) { this.catalog = unquote(m[1]!); this.database = unquote(m[2]); }
      else {
        if (!this.catalog) return { kind: 'error', message: 'No catalog is set: run USE CATALOG <environment> first, or USE `catalog`.`database`.' };
        this.database = unquote(m[1]!);
      }
      return this.#table('configuration updated successfully');
    }
    return { kind: 'not-local' };
  }
}
