/**
 * Statement evolution (docs/evolving-statements.md): when a `confluent_flink_statement` is replaced
 * (its SQL changed), the plan says how the running job's work carries over, and apply does it.
 *   carry-over            stateless SQL: the old statement stops (savepoint), the new one starts
 *                         exactly at its stop offsets, the old one is deleted — no gap, no duplicate
 *   cut-over              stateful SQL: the old statement stops; the new one rebuilds its state from
 *                         the earliest offsets with its output suppressed until it has read up to the
 *                         old one's stop offsets, then its output switches on
 *   restart-from-earliest the new statement reads every table from the earliest offset, output on
 *   fresh-start           the official provider's behaviour: delete, then create per scan.startup.mode
 * The user picks with a comment annotation inside the resource block, which Terraform and the
 * official provider ignore: `# streamform: evolution = "cut-over"`. Without one, a stateless
 * statement is carried over and a stateful one fails the plan with the choices. The new statement
 * gets the start position through `spec.evolution`, a streamform extension of the local cloud.
 */
import { DiagnosticsError, errorDiag, warningDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';
import type { ReplaceStrategy } from '../../provider/index.js';
import { requireStr, str } from './attribute-access.js';
import { pollUntil } from './backoff.js';
import { deleteStatement, getStatement, putStopped, waitForPhase } from './flink-statement-api.js';
import { jmap, jstr } from './json-access.js';
import { flinkTarget } from './targets.js';
import type { FlinkTarget } from './targets.js';
import type { ReplacingInfo, ResourceContext } from './types.js';

/** The annotation key: `# streamform: evolution = "<strategy>"`. */
export const EVOLUTION_ANNOTATION = 'evolution';

const DETAILS: Readonly<Record<string, string>> = {
  'carry-over': 'the old statement is stopped and the new one starts exactly at its stop offsets; then the old one is deleted (no record lost or duplicated)',
  'cut-over': 'the old statement is stopped; the new one rebuilds its state from the earliest offsets with its output suppressed until it reaches the old one\'s stop offsets, then its output switches on; the old one is deleted',
  'restart-from-earliest': 'the old statement is deleted; the new one reads every table from the earliest offset (its output is not suppressed)',
  'fresh-start': 'the old statement is deleted; the new one starts per its tables\' scan.startup.mode, as the official provider does (offsets and state are not carried over)',
};

/** The strategies a user can choose. */
export const STRATEGIES = Object.keys(DETAILS);

const CHOICES = [
  '  cut-over               rebuild the state from the source history with output suppressed until the old statement\'s stop offsets, then switch over (no record lost or duplicated)',
  '  restart-from-earliest  reprocess every table from the earliest offset with output on (the sink receives the history again)',
  '  fresh-start            what the official provider does: a new statement starting per the tables\' scan.startup.mode',
].join('\n');

/** A phase in which a statement holds a position worth carrying over. */
function isLive(phase: string | undefined): boolean {
  return phase === 'RUNNING' || phase === 'DEGRADED' || phase === 'PENDING' || phase === 'STOPPED' || phase === 'STOPPING';
}

/**
 * The strategy for replacing `prior` by `draft`, or diagnostics. `stateful`: why the new SQL keeps
 * state (from plan-time validation; [] = stateless, undefined = unknown, e.g. not a job).
 */
export function planEvolution(prior: ObjectValue, draft: ObjectValue, annotations: Readonly<Record<string, string>> | undefined, stateful: readonly string[] | undefined): { strategy?: ReplaceStrategy; diagnostics: Diagnostic[] } {
  const chosen = annotations?.[EVOLUTION_ANNOTATION];
  if (chosen !== undefined && !STRATEGIES.includes(chosen)) {
    return { diagnostics: [errorDiag('confluent-statement-evolution-invalid', `Unknown evolution strategy "${chosen}"`, { detail: `The "# streamform: evolution = ..." annotation accepts ${STRATEGIES.map((s) => `"${s}"`).join(', ')}.` })] };
  }
  // Only a job that is (or was) running has a position: DDL and finished statements are recreated.
  if (!isLive(str(prior, 'status_phase'))) return { diagnostics: [] };
  const pick = (s: string): { strategy: ReplaceStrategy; diagnostics: Diagnostic[] } => ({ strategy: { name: s, detail: DETAILS[s] ?? '' }, diagnostics: [] });
  if (chosen !== undefined) {
    if (chosen === 'carry-over' && stateful !== undefined && stateful.length > 0) {
      return { diagnostics: [errorDiag('confluent-statement-evolution-stateful', 'Offsets cannot be carried over: the new SQL is stateful', {
        attribute: 'statement',
        detail: `Carry-over works only for stateless statements; this one uses ${stateful.join(', ')}. Choose another strategy with a comment inside the resource block:\n  # streamform: evolution = "cut-over"\n\nThe choices:\n${CHOICES}\nSee docs/evolving-statements.md.`,
      })] };
    }
    const picked = pick(chosen);
    if (stateful === undefined && (chosen === 'carry-over' || chosen === 'cut-over' || chosen === 'restart-from-earliest')) {
      // No validation answer: most likely not the local cloud, which alone honours spec.evolution.
      picked.diagnostics.push(warningDiag('confluent-statement-evolution-unverified', `Evolution strategy "${chosen}" could not be checked at plan`, {
        detail: 'The SQL was not validated (STREAMFORM_SQL_VALIDATION=off or an endpoint without the statements:validate route), so whether the statement is stateless is unknown. The strategy relies on spec.evolution, which only streamform\'s local cloud honours; against Confluent Cloud use "fresh-start" or sql.tables.initial-offset-from.',
      }));
    }
    return picked;
  }
  if (stateful === undefined) {
    // Validation was not available (or the new SQL is not a job): fall back to the official behaviour.
    if (str(draft, 'statement') === undefined) return { diagnostics: [] };
    return { strategy: { name: 'fresh-start', detail: `${DETAILS['fresh-start']}; whether the new SQL is stateless was not known at plan (choose with # streamform: evolution = "...")` }, diagnostics: [] };
  }
  if (stateful.length === 0) return pick('carry-over');
  return { diagnostics: [errorDiag('confluent-statement-evolution-choice', 'The changed statement is stateful: choose how it evolves', {
        attribute: 'statement',
    detail: `The new SQL keeps state (it uses ${stateful.join(', ')}), so the old statement's offsets alone cannot continue it. Choose a strategy with a comment inside the resource block (Terraform ignores it):\n  # streamform: evolution = "cut-over"\n\nThe choices:\n${CHOICES}\nSee docs/evolving-statements.md.`,
  })] };
}

/** The local cloud's `status.detail` while a cut-over statement rebuilds its state: output still off. */
const SUPPRESSED = /\(cut-over\)\.?$/;

/** Waits until a cut-over statement has caught up with the old one and its output is on. */
export async function awaitCutOver(t: FlinkTarget, name: string, rc: ResourceContext): Promise<unknown> {
  rc.ctx.progress(`statement ${name} rebuilds its state from the earliest offsets (output suppressed until the cut-over point)`);
  return pollUntil(rc, async () => {
    const body = await waitForPhase(t, name, new Set(['RUNNING', 'DEGRADED', 'COMPLETED']), rc);
    return SUPPRESSED.test(jstr(body, 'status.detail') ?? '') ? { done: false, status: 'REBUILDING STATE' } : { done: true, value: body };
  }, { what: `statement ${name} to reach the cut-over point` });
}

/** The first half of a carried-over replacement: stop the old statement (its savepoint holds the offsets). */
export async function stopForEvolution(t: FlinkTarget, name: string, rc: ResourceContext): Promise<void> {
  rc.ctx.progress(`stopping statement ${name} to carry its offsets over`);
  await putStopped(t, name, true, rc);
  await waitForPhase(t, name, new Set(['STOPPED', 'COMPLETED', 'FAILED']), rc);
}

/** Strategies whose delete step only stops the old statement. */
export function keepsOldStatement(strategy: string | undefined): boolean {
  return strategy === 'carry-over' || strategy === 'cut-over';
}

/** What `spec.evolution` the new statement gets, and the old statement to delete once it runs. */
export interface EvolutionStart {
  readonly spec: { readonly mode: string; readonly offsets: Record<string, string> } | undefined;
  readonly deleteAfter?: { readonly target: FlinkTarget; readonly name: string };
}

/**
 * Before the new statement is created: reads the old statement's stop offsets (stopping it if it
 * still runs, e.g. with create_before_destroy) and deletes it first when the new one reuses its name.
 */
export async function prepareEvolution(t: FlinkTarget, newName: string, replacing: ReplacingInfo, rc: ResourceContext): Promise<EvolutionStart> {
  if (replacing.strategy === 'restart-from-earliest') return { spec: { mode: 'from-earliest', offsets: {} } };
  if (!keepsOldStatement(replacing.strategy)) return { spec: undefined };
  const oldT = flinkTarget(replacing.prior, rc);
  const oldName = requireStr(replacing.prior, 'statement_name');
  let old = await getStatement(oldT, oldName, rc);
  if (old === null) {
    throw new DiagnosticsError([errorDiag('confluent-statement-evolution-lost', `Statement ${oldName} is gone: its offsets cannot be carried over`, {
      detail: 'The statement being replaced was deleted outside this apply. Choose "# streamform: evolution = \\"fresh-start\\"" or "restart-from-earliest" and apply again.',
    })]);
  }
  const phase = jstr(old, 'status.phase');
  if (phase !== 'STOPPED' && phase !== 'COMPLETED' && phase !== 'FAILED') {
    await stopForEvolution(oldT, oldName, rc);
    old = await getStatement(oldT, oldName, rc);
  }
  if (jstr(old, 'status.phase') === 'FAILED') {
    throw new DiagnosticsError([errorDiag('confluent-statement-evolution-lost', `Statement ${oldName} is FAILED: its offsets cannot be carried over`, {
      detail: `${jstr(old, 'status.detail') ?? ''}\nChoose "# streamform: evolution = \\"restart-from-earliest\\"" or "fresh-start" and apply again.`.trim(),
    })]);
  }
  const offsets = jmap(old, 'status.latest_offsets');
  const spec = { mode: replacing.strategy, offsets };
  const sameName = oldName === newName && oldT.environmentId === t.environmentId && oldT.target.baseUrl === t.target.baseUrl;
  if (sameName) {
    rc.ctx.progress(`deleting stopped statement ${oldName} (offsets read) to reuse its name`);
    await deleteStatement(oldT, oldName, rc);
    return { spec };
  }
  return { spec, deleteAfter: { target: oldT, name: oldName } };
}

/**
 * The new statement of an evolution failed after it was created. When the old statement still
 * exists (stopped, a different name) the new one is deleted and the error rethrown without state,
 * so the old one stays in state and the next apply carries its offsets over again. When the old one
 * was deleted to free its (pinned) name, returns an error naming the offsets it had reached.
 */
export async function abandonEvolution(t: FlinkTarget, name: string, evolution: EvolutionStart, replacing: ReplacingInfo, error: unknown, rc: ResourceContext): Promise<Diagnostic[]> {
  const oldName = requireStr(replacing.prior, 'statement_name');
  if (evolution.deleteAfter !== undefined) {
    rc.ctx.progress(`deleting statement ${name}: it failed, ${oldName} stays stopped`);
    try { await deleteStatement(t, name, rc); } catch { /* the error below still explains; the next plan sees it */ }
    if (!(error instanceof DiagnosticsError)) throw error;
    throw new DiagnosticsError([...error.diagnostics, errorDiag('confluent-statement-evolution-failed', `Statement ${oldName} was kept stopped: its replacement ${name} failed`, {
      detail: `The new statement was deleted; ${oldName} stays in state (STOPPED, its offsets kept). Fix the statement and apply again: the next apply replaces ${oldName} with the chosen strategy (${replacing.strategy}), starting from its stop offsets.`,
    })]);
  }
  const offsets = evolution.spec?.offsets ?? {};
  if (Object.keys(offsets).length === 0) return [];
  const entries = Object.entries(offsets);
  const [table, at] = entries[0] ?? ['', ''];
  return [errorDiag('confluent-statement-evolution-failed', `Statement ${name} failed after the statement it replaces was deleted to free its name: its offsets are below`, {
    detail: [
      `The name is pinned (statement_name = "${oldName}"), so the old statement was stopped and deleted before the new one was created; neither runs now. The old one had read up to these offsets:`,
      ...entries.map(([k, v]) => `  ${k}: ${v}`),
      `To continue exactly there (no record lost or read twice), give each table its offsets in the fixed SQL, e.g.:`,
      `  FROM ${table} /*+ OPTIONS('scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = '${at}') */`,
      `and apply again: the failed statement is replaced. Without these hints it starts per the tables' scan.startup.mode. Remove the hints in a later change: while they are in the SQL they win over the offsets a carry-over would carry.`,
    ].join('\n'),
  })];
}
