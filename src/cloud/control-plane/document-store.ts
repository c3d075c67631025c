/**
 * A small typed document table: each control-plane object is one JSON row keyed by (kind, id),
 * with an optional parent (the environment or cluster it lives in). Lists come back in creation
 * order, which is the order REST lists show.
 */
import type { Db } from './cloud-database.js';
import type { DocKind, DocOf } from './types.js';

interface Row { readonly doc: string }

/** Synchronous CRUD over the `documents` table. */
export class DocumentStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** One document, or undefined. */
  get<K extends DocKind>(kind: K, id: string): DocOf<K> | undefined {
    const row = this.#db.prepare('SELECT doc FROM documents WHERE kind = ? AND id = ?').get(kind, id) as Row | undefined;
    return row === undefined ? undefined : (JSON.parse(row.doc) as DocOf<K>);
  }

  /** All documents of a kind (optionally under one parent), in creation order. */
  list<K extends DocKind>(kind: K, parent?: string): DocOf<K>[] {
    const rows = (parent === undefined
      ? this.#db.prepare('SELECT doc FROM documents WHERE kind = ? ORDER BY seq').all(kind)
      : this.#db.prepare('SELECT doc FROM documents WHERE kind = ? AND parent = ? ORDER BY seq').all(kind, parent)) as Row[];
    return rows.map((r) => JSON.parse(r.doc) as DocOf<K>);
  }

  /** True when an id is taken for this kind. */
  has(kind: DocKind, id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM documents WHERE kind = ? AND id = ?').get(kind, id) !== undefined;
  }

  /** Inserts a new document. */
  insert<K extends DocKind>(kind: K, doc: DocOf<K>, parent = ''): void {
    this.#db.prepare('INSERT INTO documents (kind, id, parent, doc) VALUES (?, ?, ?, ?)').run(kind, doc.id, parent, JSON.stringify(doc));
  }

  /** Replaces an existing document. */
  update<K extends DocKind>(kind: K, doc: DocOf<K>): void {
    this.#db.prepare('UPDATE documents SET doc = ? WHERE kind = ? AND id = ?').run(JSON.stringify(doc), kind, doc.id);
  }

  /** Deletes a document; true when one was removed. */
  delete(kind: DocKind, id: string): boolean {
    return this.#db.prepare('DELETE FROM documents WHERE kind = ? AND id = ?').run(kind, id).changes > 0;
  }

  /** Runs `fn` in one transaction. */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  /** Reads a meta value. */
  getMeta(key: string): string | undefined {
    const row = this.#db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  /** Writes a meta value. */
  setMeta(key: string, value: string): void {
    this.#db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
