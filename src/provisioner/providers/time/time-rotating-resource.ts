/**
 * `time_rotating`: a base timestamp plus a rotation time (`rotation_*` after the base, or an
 * explicit `rotation_rfc3339`). Once the rotation time has passed, refresh reports the object
 * gone so the next plan creates a new one (how keys get rotated). The parts and `unix` describe
 * the rotation time; `id` and `rfc3339` are the base.
 * Import id: `<base>,<rotation_rfc3339>` or `<base>,<years>,<months>,<days>,<hours>,<minutes>`.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { T } from '../../lang/index.js';
import { isUnknown, UNKNOWN, valuesEqual } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import { readString } from '../attribute-values.js';
import type { AttributeDraft, BuiltinResource } from '../types.js';
import { anyUnknown, atLeastOneOf, calendarArgumentNames, calendarArguments, calendarOffset } from './calendar-arguments.js';
import { addCalendar, formatTimestamp, parseRfc3339, timestampPartAttributes, timestampParts, unixSeconds, utcTimestamp, validateRfc3339 } from './rfc3339.js';
import type { Timestamp } from './rfc3339.js';

const UNITS = ['years', 'months', 'days', 'hours', 'minutes'] as const;
const ROTATIONS = calendarArgumentNames('rotation', UNITS);
const COMPUTED = ['id', 'rfc3339', 'rotation_rfc3339', ...Object.keys(timestampPartAttributes)];

/** Values derived from the base and either an explicit rotation time or the rotation units. */
function rotationValues(base: Timestamp, args: ObjectValue, explicitRotation: string | undefined): ObjectValue {
  const rotation = (explicitRotation === undefined ? undefined : parseRfc3339(explicitRotation)) ?? addCalendar(base, calendarOffset(args, 'rotation'));
  const baseText = formatTimestamp(base);
  return { id: baseText, rfc3339: baseText, rotation_rfc3339: explicitRotation ?? formatTimestamp(rotation), ...timestampParts(rotation) };
}

function rotationArgsChanged(prior: ObjectValue, config: ObjectValue): boolean {
  return [...ROTATIONS].some((n) => !valuesEqual(prior[n] ?? null, config[n] ?? null))
    || (readString(config, 'rotation_rfc3339') !== undefined && !valuesEqual(prior['rotation_rfc3339'] ?? null, config['rotation_rfc3339'] ?? null));
}

function invalidImport(id: string): DiagnosticsError {
  return new DiagnosticsError([errorDiag('time-import-invalid-id', `Invalid time_rotating import id ${JSON.stringify(id)}`, {
    detail: 'Expected "BASETIMESTAMP,ROTATIONTIMESTAMP" or "BASETIMESTAMP,YEARS,MONTHS,DAYS,HOURS,MINUTES" with at least one rotation value.',
  })]);
}

/** The time_rotating resource. */
export const timeRotatingResource: BuiltinResource = {
  schema: {
    importId: '<base>,<rotation_rfc3339> or <base>,<years>,<months>,<days>,<hours>,<minutes>',
    attributes: {
      id: { type: T.string, computed: true, description: 'The base timestamp.' },
      rfc3339: { type: T.string, optional: true, computed: true, validate: validateRfc3339, onChange: { kind: 'replace' }, description: 'Base timestamp; defaults to the time of create.' },
      ...calendarArguments('rotation', UNITS, undefined),
      rotation_rfc3339: { type: T.string, optional: true, computed: true, validate: validateRfc3339, description: 'When to rotate; computed from the rotation_* units when unset.' },
      triggers: { type: T.map(T.string), optional: true, onChange: { kind: 'replace' }, description: 'Values whose change forces a new base timestamp.' },
      ...timestampPartAttributes,
    },
  },
  validate: (config) => atLeastOneOf(config, [...ROTATIONS, 'rotation_rfc3339'], 'time-rotating-no-rotation'),
  adjustPlan(draft: AttributeDraft, req) {
    if (anyUnknown(req.config, [...ROTATIONS, 'rotation_rfc3339', 'rfc3339'])) {
      for (const n of COMPUTED) if (readString(req.config, n) === undefined) draft[n] = UNKNOWN;
      return;
    }
    // The rotation is known at plan for updates of the rotation arguments and for creates with a base.
    const baseText = req.prior ? readString(req.prior, 'rfc3339') : readString(req.config, 'rfc3339');
    const base = baseText === undefined ? undefined : parseRfc3339(baseText);
    if (base === undefined || (req.prior !== null && !rotationArgsChanged(req.prior, req.config))) return;
    Object.assign(draft, rotationValues(base, req.config, readString(req.config, 'rotation_rfc3339')));
  },
  async create(planned, ctx) {
    const baseText = readString(planned, 'rfc3339');
    const base = (baseText === undefined ? undefined : parseRfc3339(baseText)) ?? utcTimestamp(ctx.now());
    return { ...planned, ...rotationValues(base, planned, readString(planned, 'rotation_rfc3339')) };
  },
  async update(prior, planned) {
    // The plan already computed everything it could; only values unknown at plan are derived here.
    if (!COMPUTED.some((n) => isUnknown(planned[n]))) return planned;
    const base = parseRfc3339(readString(prior, 'rfc3339') ?? '') ?? utcTimestamp(0);
    return { ...planned, ...rotationValues(base, planned, readString(planned, 'rotation_rfc3339')) };
  },
  async read(state, ctx) {
    const rotation = parseRfc3339(readString(state, 'rotation_rfc3339') ?? '');
    return rotation !== undefined && ctx.now() > unixSeconds(rotation) * 1000 ? null : state;
  },
  async import(id) {
    const parts = id.split(',');
    const base = parseRfc3339(parts[0] ?? '');
    if (base === undefined) throw invalidImport(id);
    const nulls = Object.fromEntries(ROTATIONS.map((n) => [n, null]));
    if (parts.length === 2) {
      const rotation = parts[1] ?? '';
      if (parseRfc3339(rotation) === undefined) throw invalidImport(id);
      return { ...nulls, triggers: {}, ...rotationValues(base, nulls, rotation) };
    }
    const units = parts.slice(1);
    if (parts.length !== 6 || units.every((u) => u === '') || units.some((u) => u !== '' && !/^\d+$/.test(u))) throw invalidImport(id);
    const args: { [k: string]: Value } = {};
    ROTATIONS.forEach((name, i) => { const u = units[i] ?? ''; args[name] = u === '' ? null : Number(u); });
    return { ...args, triggers: {}, ...rotationValues(base, args, undefined) };
  },
};

