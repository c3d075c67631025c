/**
 * Compatibility config and mode, global and per subject. A subject without its own setting falls
 * back to the global one; the global compatibility defaults to BACKWARD (Confluent Cloud's default)
 * and the global mode to READWRITE.
 */
import type { Database, Statement } from 'better-sqlite3';
import { GLOBAL_SUBJECT } from './registry-tables.js';
import { srErrors } from './registry-errors.js';
import type { CompatibilityLevel, RegistryConfig, RegistryMode } from './types.js';

interface ConfigRow {
  readonly compatibility: string | null;
  readonly normalize: number | null;
}

/** The default compatibility level of a new registry. */
export const DEFAULT_COMPATIBILITY: CompatibilityLevel = 'BACKWARD';

/** Reads and writes `sr_config` and `sr_mode`. */
export class RegistrySettings {
  readonly #getConfig: Statement<[string, string], ConfigRow>;
  readonly #upsertConfig: Statement<[string, string, string | null, number | null]>;
  readonly #deleteConfig: Statement<[string, string]>;
  readonly #getMode: Statement<[string, string], { mode: string }>;
  readonly #upsertMode: Statement<[string, string, string]>;
  readonly #deleteMode: Statement<[string, string]>;

  constructor(db: Database) {
    this.#getConfig = db.prepare('SELECT compatibility, normalize FROM sr_config WHERE sr_id = ? AND subject = ?');
    this.#upsertConfig = db.prepare(`INSERT INTO sr_config (sr_id, subject, compatibility, normalize) VALUES (?, ?, ?, ?)
      ON CONFLICT (sr_id, subject) DO UPDATE SET compatibility = coalesce(excluded.compatibility, compatibility), normalize = coalesce(excluded.normalize, normalize)`);
    this.#deleteConfig = db.prepare('DELETE FROM sr_config WHERE sr_id = ? AND subject = ?');
    this.#getMode = db.prepare('SELECT mode FROM sr_mode WHERE sr_id = ? AND subject = ?');
    this.#upsertMode = db.prepare('INSERT INTO sr_mode (sr_id, subject, mode) VALUES (?, ?, ?) ON CONFLICT (sr_id, subject) DO UPDATE SET mode = excluded.mode');
    this.#deleteMode = db.prepare('DELETE FROM sr_mode WHERE sr_id = ? AND subject = ?');
  }

  /** Config of a subject (40408 when it has none, unless `defaultToGlobal`) or, without subject, the global config. */
  getConfig(srId: string, subject?: string, opts: { defaultToGlobal?: boolean } = {}): RegistryConfig {
    if (subject !== undefined) {
      const row = this.#getConfig.get(srId, subject);
      if (row === undefined || row.compatibility === null && row.normalize === null) {
        if (opts.defaultToGlobal !== true) throw srErrors.subjectCompatNotConfigured(subject);
        return this.getConfig(srId);
      }
      const global = this.getConfig(srId);
      return toConfig(row.compatibility ?? global.compatibilityLevel, row.normalize);
    }
    const row = this.#getConfig.get(srId, GLOBAL_SUBJECT);
    return toConfig(row?.compatibility ?? DEFAULT_COMPATIBILITY, row?.normalize ?? null);
  }

  /** Effective compatibility level and normalize flag for a subject. */
  effectiveConfig(srId: string, subject: string): RegistryConfig {
    return this.getConfig(srId, subject, { defaultToGlobal: true });
  }

  /** Sets (parts of) the config; returns the stored config. */
  setConfig(srId: string, subject: string | undefined, cfg: { compatibility?: CompatibilityLevel; normalize?: boolean }): RegistryConfig {
    const normalize = cfg.normalize === undefined ? null : cfg.normalize ? 1 : 0;
    this.#upsertConfig.run(srId, subject ?? GLOBAL_SUBJECT, cfg.compatibility ?? null, normalize);
    return subject === undefined ? this.getConfig(srId) : this.getConfig(srId, subject, { defaultToGlobal: true });
  }

  /** Removes a subject's config (40408 when none) or resets the global config; returns what was removed. */
  deleteConfig(srId: string, subject?: string): RegistryConfig {
    const previous = this.getConfig(srId, subject);
    this.#deleteConfig.run(srId, subject ?? GLOBAL_SUBJECT);
    return previous;
  }

  /** Mode of a subject (40409 when it has none, unless `defaultToGlobal`) or the global mode. */
  getMode(srId: string, subject?: string, opts: { defaultToGlobal?: boolean } = {}): RegistryMode {
    if (subject !== undefined) {
      const row = this.#getMode.get(srId, subject);
      if (row !== undefined) return row.mode as RegistryMode;
      if (opts.defaultToGlobal !== true) throw srErrors.subjectModeNotConfigured(subject);
    }
    return (this.#getMode.get(srId, GLOBAL_SUBJECT)?.mode ?? 'READWRITE') as RegistryMode;
  }

  /** Sets a subject's or the global mode. */
  setMode(srId: string, subject: string | undefined, mode: RegistryMode): RegistryMode {
    this.#upsertMode.run(srId, subject ?? GLOBAL_SUBJECT, mode);
    return mode;
  }

  /** Removes a subject's mode (40409 when none) or resets the global one; returns what was removed. */
  deleteMode(srId: string, subject?: string): RegistryMode {
    const previous = this.getMode(srId, subject);
    this.#deleteMode.run(srId, subject ?? GLOBAL_SUBJECT);
    return previous;
  }

  /** Drops subject-level config and mode (when a subject loses its last live version). */
  forgetSubject(srId: string, subject: string): void {
    this.#deleteConfig.run(srId, subject);
    this.#deleteMode.run(srId, subject);
  }
}

function toConfig(level: string, normalize: number | null): RegistryConfig {
  const compatibilityLevel = level as CompatibilityLevel;
  return normalize === null ? { compatibilityLevel } : { compatibilityLevel, normalize: normalize === 1 };
}
