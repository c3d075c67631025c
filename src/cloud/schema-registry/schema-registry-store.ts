/**
 * The Schema Registry of every SR cluster of the local cloud, in the server's SQLite metadata DB.
 * Subjects hold versions 1..n; schema ids are global per SR cluster and shared by subjects that
 * register the same schema (same type, text, references, metadata and rule set). Soft-deleted
 * versions stay (hidden unless asked for) until a permanent delete removes them; ids are never reused.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ensureRegistryTables } from './registry-tables.js';
import type { SchemaRow, VersionRow } from './registry-tables.js';
import { RegistrySettings } from './registry-settings.js';
import { SchemaParseError, SchemaRegistryError, srErrors } from './registry-errors.js';
import { parseSchema } from './parse-schema.js';
import { checkCompatibility } from './compatibility.js';
import type { PreviousSchema } from './compatibility.js';
import { SchemaCodec } from './codecs.js';
import type {
  CompatibilityResult, ParsedSchema, RegistryMode, ResolvedReference, SchemaInput, SchemaReference, SchemaType, StoredSchema, SubjectVersion,
} from './types.js';

/** Confluent Cloud hands out schema ids from 100001. */
const FIRST_SCHEMA_ID = 100001;

/** `latest` or a version number. */
export type VersionSpec = number | 'latest';

/** Schema storage, lookup, deletion and compatibility for all SR clusters in one database. */
export class SchemaRegistryStore {
  readonly #db: Database;
  readonly #parsed = new Map<string, ParsedSchema>();
  readonly #codecs = new Map<string, SchemaCodec>();
  /** Config and mode, global and per subject. */
  readonly settings: RegistrySettings;

  constructor(db: Database) {
    ensureRegistryTables(db);
    this.#db = db;
    this.settings = new RegistrySettings(db);
  }

  /** Subjects with live versions (or any versions with `deleted`), sorted. */
  listSubjects(srId: string, opts: { deleted?: boolean; prefix?: string } = {}): string[] {
    const rows = this.#db.prepare(`SELECT DISTINCT subject FROM sr_versions WHERE sr_id = ? ${opts.deleted === true ? '' : 'AND deleted = 0'} ORDER BY subject`).all(srId) as { subject: string }[];
    const prefix = opts.prefix ?? '';
    return rows.map((r) => r.subject).filter((s) => s.startsWith(prefix));
  }

  /** Version numbers of a subject (40401 when it has none visible). */
  listVersions(srId: string, subject: string, opts: { deleted?: boolean } = {}): number[] {
    const rows = this.#versionRows(srId, subject).filter((r) => opts.deleted === true || r.deleted === 0);
    if (rows.length === 0) throw srErrors.subjectNotFound(subject);
    return rows.map((r) => r.version);
  }

  /** One version of a subject (40401 / 40402). */
  getVersion(srId: string, subject: string, version: VersionSpec, opts: { deleted?: boolean } = {}): SubjectVersion {
    const row = this.#findVersion(srId, subject, version, opts.deleted === true);
    return this.#toSubjectVersion(srId, row);
  }

  /** Registers a schema under a subject; returns the existing id/version when an identical schema is live there. */
  register(srId: string, subject: string, input: SchemaInput, opts: { normalize?: boolean; id?: number; version?: number } = {}): { id: number; version: number } {
    return this.#db.transaction(() => {
      const mode = this.settings.getMode(srId, subject, { defaultToGlobal: true });
      if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') throw srErrors.notPermitted(`Subject ${subject} is in read-only mode`);
      if (opts.id !== undefined && mode !== 'IMPORT') throw srErrors.notPermitted(`Subject ${subject} is not in import mode`);
      const parsed = this.#parseInput(srId, input);
      const normalize = opts.normalize ?? this.settings.effectiveConfig(srId, subject).normalize ?? false;
      const live = this.#versionRows(srId, subject).filter((r) => r.deleted === 0);
      const same = [...live].reverse().find((r) => this.#matches(srId, r.schema_id, input, parsed, normalize));
      if (same !== undefined && opts.id === undefined) return { id: same.schema_id, version: same.version };
      if (mode !== 'IMPORT') {
        const level = this.settings.effectiveConfig(srId, subject).compatibilityLevel;
        const result = checkCompatibility(level, parsed, this.#previous(srId, live));
        if (!result.isCompatible) throw srErrors.incompatible(subject, result.messages);
      }
      const text = normalize && parsed.kind !== 'PROTOBUF' ? parsed.normalized : parsed.canonical;
      const id = this.#schemaId(srId, { ...input, schema: text }, opts.id);
      const all = this.#versionRows(srId, subject);
      const version = opts.version ?? (all.length === 0 ? 1 : Math.max(...all.map((r) => r.version)) + 1);
      if (all.some((r) => r.version === version)) throw srErrors.notPermitted(`Version ${version} of subject ${subject} already exists`);
      this.#db.prepare('INSERT INTO sr_versions (sr_id, subject, version, schema_id, deleted) VALUES (?, ?, ?, ?, 0)').run(srId, subject, version, id);
      return { id, version };
    })();
  }

  /** Finds the version of `subject` holding this schema (40401 subject, 40403 schema not found). */
  lookup(srId: string, subject: string, input: SchemaInput, opts: { deleted?: boolean; normalize?: boolean } = {}): SubjectVersion {
    const rows = this.#versionRows(srId, subject).filter((r) => opts.deleted === true || r.deleted === 0);
    if (rows.length === 0) throw srErrors.subjectNotFound(subject);
    const parsed = this.#parseInput(srId, input);
    const normalize = opts.normalize ?? this.settings.effectiveConfig(srId, subject).normalize ?? false;
    const hit = [...rows].reverse().find((r) => this.#matches(srId, r.schema_id, input, parsed, normalize));
    if (hit === undefined) throw srErrors.schemaNotFound();
    return this.#toSubjectVersion(srId, hit);
  }

  /** Soft- or hard-deletes a whole subject; returns the deleted version numbers. */
  deleteSubject(srId: string, subject: string, opts: { permanent?: boolean } = {}): number[] {
    return this.#db.transaction(() => {
      this.#assertWritable(srId, subject);
      const rows = this.#versionRows(srId, subject);
      if (rows.length === 0) throw srErrors.subjectNotFound(subject);
      const live = rows.filter((r) => r.deleted === 0);
      if (opts.permanent === true) {
        if (live.length > 0) throw srErrors.subjectNotSoftDeleted(subject);
        for (const r of rows) this.#assertUnreferenced(srId, subject, r.version, true);
        this.#db.prepare('DELETE FROM sr_versions WHERE sr_id = ? AND subject = ?').run(srId, subject);
        this.settings.forgetSubject(srId, subject);
        return rows.map((r) => r.version);
      }
      if (live.length === 0) throw srErrors.subjectSoftDeleted(subject);
      for (const r of live) this.#assertUnreferenced(srId, subject, r.version, false);
      this.#db.prepare('UPDATE sr_versions SET deleted = 1 WHERE sr_id = ? AND subject = ?').run(srId, subject);
      this.settings.forgetSubject(srId, subject);
      return live.map((r) => r.version);
    })();
  }

  /** Soft- or hard-deletes one version; returns its number. */
  deleteVersion(srId: string, subject: string, version: VersionSpec, opts: { permanent?: boolean } = {}): number {
    return this.#db.transaction(() => {
      this.#assertWritable(srId, subject);
      const permanent = opts.permanent === true;
      const row = this.#findVersion(srId, subject, version, permanent || version !== 'latest');
      if (permanent) {
        if (row.deleted === 0) throw srErrors.versionNotSoftDeleted(subject, row.version);
        this.#assertUnreferenced(srId, subject, row.version, true);
        this.#db.prepare('DELETE FROM sr_versions WHERE sr_id = ? AND subject = ? AND version = ?').run(srId, subject, row.version);
      } else {
        if (row.deleted === 1) throw srErrors.versionSoftDeleted(subject, row.version);
        this.#assertUnreferenced(srId, subject, row.version, false);
        this.#db.prepare('UPDATE sr_versions SET deleted = 1 WHERE sr_id = ? AND subject = ? AND version = ?').run(srId, subject, row.version);
      }
      if (!this.#versionRows(srId, subject).some((r) => r.deleted === 0)) this.settings.forgetSubject(srId, subject);
      return row.version;
    })();
  }

  /** A schema by global id (40403 when unknown or only hard-deleted versions had it); `subject` restricts the search. */
  schemaById(srId: string, id: number, opts: { subject?: string } = {}): StoredSchema {
    const row = this.#schemaRow(srId, id);
    const usedBy = this.versionsOfSchema(srId, id, { deleted: true });
    if (row === undefined || usedBy.length === 0 || (opts.subject !== undefined && !usedBy.some((v) => v.subject === opts.subject))) {
      throw srErrors.schemaNotFound(`Schema ${id} not found`);
    }
    return toStoredSchema(row);
  }

  /** The subject/version pairs that use a schema id, sorted. */
  versionsOfSchema(srId: string, id: number, opts: { deleted?: boolean } = {}): { subject: string; version: number }[] {
    const rows = this.#db.prepare(`SELECT subject, version FROM sr_versions WHERE sr_id = ? AND schema_id = ? ${opts.deleted === true ? '' : 'AND deleted = 0'} ORDER BY subject, version`).all(srId, id) as { subject: string; version: number }[];
    return rows;
  }

  /** Ids of schemas (with live versions) that reference a subject version. */
  referencedBy(srId: string, subject: string, version: VersionSpec): number[] {
    const row = this.#findVersion(srId, subject, version, false);
    return this.#referrers(srId, subject, row.version, false);
  }

  /** Tests a schema against one version, `latest`, or (`all`) the versions the subject's level requires. */
  testCompatibility(srId: string, subject: string, version: VersionSpec | 'all', input: SchemaInput): CompatibilityResult {
    const parsed = this.#parseInput(srId, input);
    const level = this.settings.effectiveConfig(srId, subject).compatibilityLevel;
    if (version === 'all') {
      const live = this.#versionRows(srId, subject).filter((r) => r.deleted === 0);
      return checkCompatibility(level, parsed, this.#previous(srId, live));
    }
    const row = this.#findVersion(srId, subject, version, false);
    return checkCompatibility(level, parsed, this.#previous(srId, [row]));
  }

  /** Sets a mode; switching to IMPORT while schemas exist needs `force` (42205 otherwise). */
  setMode(srId: string, subject: string | undefined, mode: RegistryMode, opts: { force?: boolean } = {}): RegistryMode {
    if (mode === 'IMPORT' && opts.force !== true) {
      const exists = subject === undefined ? this.listSubjects(srId).length > 0 : this.#versionRows(srId, subject).some((r) => r.deleted === 0);
      if (exists) throw srErrors.notPermitted('Cannot import since found existing subjects');
    }
    return this.settings.setMode(srId, subject, mode);
  }

  /** Removes every subject, schema, config and mode of one SR cluster (when its environment is deleted). */
  dropRegistry(srId: string): void {
    this.#db.transaction(() => {
      for (const table of ['sr_versions', 'sr_schemas', 'sr_references', 'sr_config', 'sr_mode']) {
        this.#db.prepare(`DELETE FROM ${table} WHERE sr_id = ?`).run(srId);
      }
    })();
    for (const key of [...this.#parsed.keys()]) if (key.startsWith(`${srId}\u0000`)) this.#parsed.delete(key);
    this.#codecs.delete(srId);
  }

  /** Schema contexts in use: `.` (the default) plus every `:.name:` subject prefix, sorted. */
  listContexts(srId: string): string[] {
    const contexts = new Set(['.']);
    for (const s of this.listSubjects(srId, { deleted: true })) {
      const m = /^:(\.[^:]+):/.exec(s);
      if (m?.[1] !== undefined) contexts.add(m[1]);
    }
    return [...contexts].sort();
  }

  /** The parsed schema of an id, cached (undefined when unknown). */
  parsedSchema(srId: string, id: number): ParsedSchema | undefined {
    const key = `${srId}\u0000${id}`;
    const hit = this.#parsed.get(key);
    if (hit !== undefined) return hit;
    const row = this.#schemaRow(srId, id);
    if (row === undefined) return undefined;
    const stored = toStoredSchema(row);
    const parsed = parseSchema(stored.schemaType, stored.schema, this.#resolveReferences(srId, stored.references));
    this.#parsed.set(key, parsed);
    return parsed;
  }

  /** The wire-format codec of one SR cluster (shared, caches parsed schemas by id). */
  codec(srId: string): SchemaCodec {
    let c = this.#codecs.get(srId);
    if (c === undefined) {
      c = new SchemaCodec((id) => this.parsedSchema(srId, id));
      this.#codecs.set(srId, c);
    }
    return c;
  }

  #versionRows(srId: string, subject: string): VersionRow[] {
    return this.#db.prepare('SELECT subject, version, schema_id, deleted FROM sr_versions WHERE sr_id = ? AND subject = ? ORDER BY version').all(srId, subject) as VersionRow[];
  }

  #findVersion(srId: string, subject: string, version: VersionSpec, includeDeleted: boolean): VersionRow {
    const rows = this.#versionRows(srId, subject);
    const visible = rows.filter((r) => includeDeleted || r.deleted === 0);
    if (visible.length === 0) throw srErrors.subjectNotFound(subject);
    const row = version === 'latest' ? visible[visible.length - 1] : visible.find((r) => r.version === version);
    if (row === undefined) throw srErrors.versionNotFound(version);
    return row;
  }

  #schemaRow(srId: string, id: number): SchemaRow | undefined {
    return this.#db.prepare('SELECT id, schema_type, schema, references_json, metadata_json, ruleset_json FROM sr_schemas WHERE sr_id = ? AND id = ?').get(srId, id) as SchemaRow | undefined;
  }

  #toSubjectVersion(srId: string, row: VersionRow): SubjectVersion {
    const stored = this.#schemaRow(srId, row.schema_id);
    if (stored === undefined) throw srErrors.internal(`schema ${row.schema_id} of ${row.subject} v${row.version} is missing`);
    return { ...toStoredSchema(stored), subject: row.subject, version: row.version, deleted: row.deleted === 1 };
  }

  #parseInput(srId: string, input: SchemaInput): ParsedSchema {
    const refs = this.#resolveReferences(srId, input.references);
    try {
      return parseSchema(input.schemaType, input.schema, refs);
    } catch (e) {
      if (e instanceof SchemaParseError) throw srErrors.invalidSchema(e.message);
      throw e;
    }
  }

  /** Flattens references depth-first so every schema comes after the ones it references. */
  #resolveReferences(srId: string, refs: readonly SchemaReference[], seen = new Set<string>()): ResolvedReference[] {
    const out: ResolvedReference[] = [];
    for (const ref of refs) {
      const key = `${ref.subject}\u0000${ref.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let row: VersionRow;
      try {
        row = this.#findVersion(srId, ref.subject, ref.version === -1 ? 'latest' : ref.version, true);
      } catch (e) {
        if (e instanceof SchemaRegistryError) throw srErrors.invalidSchema(`Invalid schema: reference '${ref.name}' to subject '${ref.subject}' version ${ref.version} does not exist`);
        throw e;
      }
      const target = this.#schemaRow(srId, row.schema_id);
      if (target === undefined) throw srErrors.internal(`schema ${row.schema_id} is missing`);
      const stored = toStoredSchema(target);
      out.push(...this.#resolveReferences(srId, stored.references, seen));
      out.push({ name: ref.name, schemaType: stored.schemaType, schema: stored.schema });
    }
    return out;
  }

  #matches(srId: string, schemaId: number, input: SchemaInput, parsed: ParsedSchema, normalize: boolean): boolean {
    const row = this.#schemaRow(srId, schemaId);
    if (row === undefined || row.schema_type !== input.schemaType) return false;
    if (row.references_json !== JSON.stringify(input.references)) return false;
    if (input.metadata !== undefined && row.metadata_json !== JSON.stringify(input.metadata)) return false;
    if (input.ruleSet !== undefined && row.ruleset_json !== JSON.stringify(input.ruleSet)) return false;
    if (row.schema === parsed.canonical) return true;
    // Confluent compares Protobuf schemas by their re-printed descriptor, so layout and comments never matter.
    if (!normalize && parsed.kind !== 'PROTOBUF') return false;
    return this.parsedSchema(srId, schemaId)?.normalized === parsed.normalized;
  }

  #previous(srId: string, rows: readonly VersionRow[]): PreviousSchema[] {
    return rows.map((r) => {
      const schema = this.parsedSchema(srId, r.schema_id);
      if (schema === undefined) throw srErrors.internal(`schema ${r.schema_id} is missing`);
      return { version: r.version, schema };
    });
  }

  /** The id for a schema: reuse an identical one, or allocate (or take the IMPORT-mode id). */
  #schemaId(srId: string, input: SchemaInput, explicit: number | undefined): number {
    const refsJson = JSON.stringify(input.references);
    const metadata = input.metadata === undefined ? null : JSON.stringify(input.metadata);
    const ruleSet = input.ruleSet === undefined ? null : JSON.stringify(input.ruleSet);
    const fingerprint = createHash('sha256').update(JSON.stringify([input.schemaType, input.schema, refsJson, metadata, ruleSet])).digest('hex');
    const existing = this.#db.prepare('SELECT id FROM sr_schemas WHERE sr_id = ? AND fingerprint = ?').get(srId, fingerprint) as { id: number } | undefined;
    if (existing !== undefined) {
      if (explicit !== undefined && explicit !== existing.id) throw srErrors.notPermitted(`Schema already registered with id ${existing.id} instead of input id ${explicit}`);
      return existing.id;
    }
    if (explicit !== undefined && this.#schemaRow(srId, explicit) !== undefined) throw srErrors.notPermitted(`Overwrite new schema with id ${explicit} is not permitted.`);
    const max = this.#db.prepare('SELECT max(id) AS m FROM sr_schemas WHERE sr_id = ?').get(srId) as { m: number | null };
    const id = explicit ?? Math.max(FIRST_SCHEMA_ID, (max.m ?? 0) + 1);
    this.#db.prepare('INSERT INTO sr_schemas (sr_id, id, schema_type, schema, references_json, metadata_json, ruleset_json, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(srId, id, input.schemaType, input.schema, refsJson, metadata, ruleSet, fingerprint);
    const insertRef = this.#db.prepare('INSERT INTO sr_references (sr_id, schema_id, ref_subject, ref_version) VALUES (?, ?, ?, ?)');
    for (const ref of input.references) insertRef.run(srId, id, ref.subject, ref.version);
    return id;
  }

  /** Schema ids whose versions (live ones, or any with `includeDeleted`) reference subject/version. */
  #referrers(srId: string, subject: string, version: number, includeDeleted: boolean): number[] {
    const rows = this.#db.prepare(`SELECT DISTINCT r.schema_id AS id FROM sr_references r JOIN sr_versions v ON v.sr_id = r.sr_id AND v.schema_id = r.schema_id
      WHERE r.sr_id = ? AND r.ref_subject = ? AND r.ref_version = ? ${includeDeleted ? '' : 'AND v.deleted = 0'} ORDER BY r.schema_id`).all(srId, subject, version) as { id: number }[];
    return rows.map((r) => r.id);
  }

  #assertUnreferenced(srId: string, subject: string, version: number, includeDeleted: boolean): void {
    if (this.#referrers(srId, subject, version, includeDeleted).length > 0) throw srErrors.referenceExists(subject, version);
  }

  #assertWritable(srId: string, subject: string): void {
    const mode = this.settings.getMode(srId, subject, { defaultToGlobal: true });
    if (mode === 'READONLY') throw srErrors.notPermitted(`Subject ${subject} is in read-only mode`);
  }
}

function toStoredSchema(row: SchemaRow): StoredSchema {
  const base = { id: row.id, schemaType: row.schema_type as SchemaType, schema: row.schema, references: JSON.parse(row.references_json) as SchemaReference[] };
  const withMeta = row.metadata_json === null ? base : { ...base, metadata: JSON.parse(row.metadata_json) as unknown };
  return row.ruleset_json === null ? withMeta : { ...withMeta, ruleSet: JSON.parse(row.ruleset_json) as unknown };
}
