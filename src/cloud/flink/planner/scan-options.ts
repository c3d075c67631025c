/**
 * Startup / bounded / error-handling modes of one scan. Precedence, lowest first: the table's
 * options, the statement's `sql.tables.scan.*` properties (which only replace a table still on the
 * default startup mode), a start position the cloud decided (carried-over offsets of
 * `sql.tables.initial-offset-from` or of a statement evolution, or "from earliest"), and
 * `/*+ OPTIONS(...) *\/` hints on the table reference, which always win. A cut-over start also
 * sets the scan's cut-over offsets: output stays suppressed until the scan has read up to them.
 */
import type { Diagnostic } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { BoundedSpec, StartupSpec } from './types.js';

/** The resolved scan modes, or the diagnostics for invalid option values. */
export interface ScanModes {
  readonly startup: StartupSpec;
  readonly bounded: BoundedSpec;
  readonly errorHandling: 'fail' | 'ignore';
  /** Cut-over evolution: per partition, the offset before which the job's output is suppressed. */
  readonly cutOver?: readonly { readonly partition: number; readonly offset: number }[];
}

/**
 * Internal properties the executor adds for one run (never stored in `spec.properties`):
 * `<START_OFFSETS>.<topic>` = `partition:0,offset:42;…` (start there), `<START_EARLIEST>` = 'true'
 * (every table from its earliest offset) and `<CUT_OVER>.<topic>` (output suppressed below these).
 */
export const START_OFFSETS = 'streamform.internal.start-offsets';
export const START_EARLIEST = 'streamform.internal.start-earliest';
export const CUT_OVER = 'streamform.internal.cut-over-offsets';

const DEFAULT_STARTUP = 'earliest-offset';

/** Resolves the scan modes of a table reference. */
export function scanModes(tableOptions: Readonly<Record<string, string>>, hints: Readonly<Record<string, string>>, properties: Readonly<Record<string, string>>, diags: Diagnostic[], topic?: string): ScanModes {
  const opts: Record<string, string> = { ...tableOptions };
  const propStartup = properties['sql.tables.scan.startup.mode'];
  if (propStartup !== undefined && (opts['scan.startup.mode'] ?? DEFAULT_STARTUP) === DEFAULT_STARTUP) {
    opts['scan.startup.mode'] = propStartup;
    const ts = properties['sql.tables.scan.startup.timestamp-millis'];
    if (ts !== undefined) opts['scan.startup.timestamp-millis'] = ts;
  }
  const propBounded = properties['sql.tables.scan.bounded.mode'];
  if (propBounded !== undefined) {
    opts['scan.bounded.mode'] = propBounded;
    const ts = properties['sql.tables.scan.bounded.timestamp-millis'];
    if (ts !== undefined) opts['scan.bounded.timestamp-millis'] = ts;
  }
  const carried = topic === undefined ? undefined : properties[`${START_OFFSETS}.${topic}`];
  if (carried !== undefined) {
    opts['scan.startup.mode'] = 'specific-offsets';
    opts['scan.startup.specific-offsets'] = carried;
  } else if (properties[START_EARLIEST] === 'true') {
    opts['scan.startup.mode'] = 'earliest-offset';
  }
  Object.assign(opts, hints);
  const cut = topic === undefined ? undefined : properties[`${CUT_OVER}.${topic}`];
  return {
    startup: startupOf(opts, diags),
    bounded: boundedOf(opts, diags),
    errorHandling: (opts['error-handling.mode'] ?? 'fail') === 'fail' ? 'fail' : 'ignore',
    ...(cut === undefined ? {} : { cutOver: offsets(cut, diags) }),
  };
}

function startupOf(o: Record<string, string>, diags: Diagnostic[]): StartupSpec {
  const mode = o['scan.startup.mode'] ?? DEFAULT_STARTUP;
  switch (mode) {
    case 'earliest-offset': case 'group-offsets': return { kind: 'earliest-offset' };
    case 'latest-offset': return { kind: 'latest-offset' };
    case 'timestamp': return { kind: 'timestamp', millis: millis(o, 'scan.startup.timestamp-millis', diags) };
    case 'specific-offsets': return { kind: 'specific-offsets', offsets: offsets(o['scan.startup.specific-offsets'] ?? '', diags) };
    default:
      diags.push(errorDiag('flink-invalid-option', `Invalid value for option 'scan.startup.mode': '${mode}'. Supported values are [earliest-offset, latest-offset, timestamp, specific-offsets, group-offsets].`));
      return { kind: 'earliest-offset' };
  }
}

function boundedOf(o: Record<string, string>, diags: Diagnostic[]): BoundedSpec {
  const mode = o['scan.bounded.mode'] ?? 'unbounded';
  switch (mode) {
    case 'unbounded': return { kind: 'unbounded' };
    case 'latest-offset': case 'group-offsets': return { kind: 'latest-offset' };
    case 'timestamp': return { kind: 'timestamp', millis: millis(o, 'scan.bounded.timestamp-millis', diags) };
    case 'specific-offsets': return { kind: 'specific-offsets', offsets: offsets(o['scan.bounded.specific-offsets'] ?? '', diags) };
    default:
      diags.push(errorDiag('flink-invalid-option', `Invalid value for option 'scan.bounded.mode': '${mode}'. Supported values are [unbounded, latest-offset, timestamp, specific-offsets, group-offsets].`));
      return { kind: 'unbounded' };
  }
}

function millis(o: Record<string, string>, key: string, diags: Diagnostic[]): number {
  const v = Number(o[key]);
  if (o[key] === undefined || !Number.isInteger(v)) diags.push(errorDiag('flink-invalid-option', `Option '${key}' must be an epoch-millis number when the mode is 'timestamp'.`));
  return Number.isInteger(v) ? v : 0;
}

/** `partition:0,offset:42;partition:1,offset:300`. */
function offsets(text: string, diags: Diagnostic[]): { partition: number; offset: number }[] {
  const out: { partition: number; offset: number }[] = [];
  for (const part of text.split(';').map((s) => s.trim()).filter((s) => s !== '')) {
    const m = /^partition:(\d+),offset:(\d+)$/.exec(part.replace(/\s+/g, ''));
    if (m === null) { diags.push(errorDiag('flink-invalid-option', `Invalid specific offsets '${text}': expected 'partition:0,offset:42;partition:1,offset:300'.`)); return out; }
    out.push({ partition: Number(m[1]), offset: Number(m[2]) });
  }
  return out;
}
