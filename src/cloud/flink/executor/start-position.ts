/**
 * Where a job statement starts reading, before it is planned (confluent-flink.md §5.3):
 *   - `spec.evolution` (streamform extension, set by the provider when it replaces a statement):
 *     carry-over starts every table the old statement read at its stop offsets; cut-over starts
 *     from earliest with output suppressed until the stop offsets; from-earliest starts every
 *     table at its earliest offset;
 *   - `sql.tables.initial-offset-from = '<statement>'` (Confluent's carry-over offsets): the
 *     statement stays PENDING until the named statement is STOPPED, then starts at its stop
 *     offsets; it fails after waiting 6 hours, or when the named statement failed or is missing.
 * Explicit per-table hints (`/*+ OPTIONS('scan.startup.mode'=…) *\/`) win over all of these
 * (planner/scan-options.ts). Carried offsets require a stateless statement (checkStateless).
 */
import { CUT_OVER, START_EARLIEST, START_OFFSETS, statefulReasons } from '../planner/index.js';
import type { PhysicalPlan } from '../planner/index.js';
import type { StatementRecord, StatementStore } from '../statements/index.js';

/** The property naming the statement whose offsets a new statement starts from. */
export const INITIAL_OFFSET_FROM = 'sql.tables.initial-offset-from';
/** How long a statement waits for its `sql.tables.initial-offset-from` statement to stop. */
export const CARRY_OVER_WAIT_MS = 6 * 60 * 60_000;

/** What the executor does with a statement about to launch. */
export type StartDecision =
  /** Plan with these properties; `carriedFrom` (a description) requires a stateless plan. */
  | { readonly kind: 'go'; readonly properties: Readonly<Record<string, string>>; readonly carriedFrom?: string }
  | { readonly kind: 'wait'; readonly detail: string }
  | { readonly kind: 'fail'; readonly detail: string };

/** Decides how `rec` starts; see the file header. `firstLaunch`: the statement never ran. */
export function startPosition(rec: StatementRecord, store: StatementStore, now: number, firstLaunch: boolean): StartDecision {
  const props = rec.spec.properties;
  const evo = rec.spec.evolution;
  if (evo !== undefined) {
    const out: Record<string, string> = { ...props };
    if (evo.mode === 'carry-over') {
      for (const [topic, offsets] of Object.entries(evo.offsets)) out[`${START_OFFSETS}.${topic}`] = offsets;
      return { kind: 'go', properties: out, carriedFrom: 'the statement it replaces' };
    }
    out[START_EARLIEST] = 'true';
    if (evo.mode === 'cut-over') for (const [topic, offsets] of Object.entries(evo.offsets)) out[`${CUT_OVER}.${topic}`] = offsets;
    return { kind: 'go', properties: out };
  }
  const from = props[INITIAL_OFFSET_FROM];
  if (from === undefined || from === '') return { kind: 'go', properties: props };
  const source = store.get(rec.environmentId, from);
  if (source === undefined) {
    // A statement that already started keeps its checkpointed position: the source may be gone.
    if (!firstLaunch) return { kind: 'go', properties: props };
    return { kind: 'fail', detail: `Statement '${from}' given in '${INITIAL_OFFSET_FROM}' does not exist in environment '${rec.environmentId}'. Name a statement of the same environment that is running or stopped.` };
  }
  if (source.status.phase === 'FAILED') {
    return { kind: 'fail', detail: `Cannot carry over offsets from statement '${from}' ('${INITIAL_OFFSET_FROM}'): it is FAILED, so it has no savepoint to start from.` };
  }
  if (source.status.phase !== 'STOPPED' && source.status.phase !== 'COMPLETED') {
    if (now - Date.parse(rec.createdAt) > CARRY_OVER_WAIT_MS) {
      return { kind: 'fail', detail: `Statement '${from}' ('${INITIAL_OFFSET_FROM}') did not stop within 6 hours; this statement gave up waiting for its offsets. Stop '${from}' first, then create this statement again.` };
    }
    return { kind: 'wait', detail: `Statement is waiting for statement '${from}' to stop, to start from its offsets ('${INITIAL_OFFSET_FROM}'). Stop '${from}' to start this statement.` };
  }
  const out: Record<string, string> = { ...props };
  for (const [topic, offsets] of Object.entries(source.status.latestOffsets ?? {})) out[`${START_OFFSETS}.${topic}`] = offsets;
  return { kind: 'go', properties: out, carriedFrom: `statement '${from}'` };
}

/** The FAILED detail when offsets were carried over into a stateful statement; undefined when stateless. */
export function checkStateless(plan: PhysicalPlan, carriedFrom: string): string | undefined {
  const reasons = statefulReasons(plan);
  if (reasons.length === 0) return undefined;
  return `Offsets cannot be carried over from ${carriedFrom}: the statement is not stateless (it uses ${reasons.join(', ')}). `
    + `Carry-over offsets ('${INITIAL_OFFSET_FROM}') work only for statements that process each event independently: no aggregates, LAG, windows, joins, pattern matching or upsert sinks.`;
}
