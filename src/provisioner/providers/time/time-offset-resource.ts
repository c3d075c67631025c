/**
 * `time_offset`: a base timestamp (default: the time of create) moved by the `offset_*`
 * arguments. Changing an offset updates in place and the new values are known at plan; `triggers`
 * forces replacement. The id is the base timestamp.
 * Import id: `<base>,<years>,<months>,<days>,<hours>,<minutes>,<seconds>` (empty for unset).
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { T } from '../../lang/index.js';
import { isUnknown, UNKNOWN } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import { readString } from '../attribute-values.js';
import type { AttributeDraft, BuiltinResource } from '../types.js';
import { anyUnknown, atLeastOneOf, calendarArgumentNames, calendarArguments, calendarOffset } from './calendar-arguments.js';
import { addCalendar, formatTimestamp, parseRfc3339, timestampPartAttributes, timestampParts, utcTimestamp, validateRfc3339 } from './rfc3339.js';
import type { Timestamp } from './rfc3339.js';

const OFFSETS = calendarArgumentNames('offset');
const COMPUTED = ['id', 'rfc3339', ...Object.keys(timestampPartAttributes)];

function offsetValues(base: Timestamp, attrs: ObjectValue): ObjectValue {
  const moved = addCalendar(base, calendarOffset(attrs, 'offset'));
  const baseText = formatTimestamp(base);
  return { base_rfc3339: baseText, id: baseText, rfc3339: formatTimestamp(moved), ...timestampParts(moved) };
}

function invalidImport(id: string): DiagnosticsError {
  return new DiagnosticsError([errorDiag('time-import-invalid-id', `Invalid time_offset import id ${JSON.stringify(id)}`, {
    detail: 'Expected "BASETIMESTAMP,YEARS,MONTHS,DAYS,HOURS,MINUTES,SECONDS" with at least one offset, e.g. "2026-01-01T00:00:00Z,,,7,,,".',
  })]);
}

/** The time_offset resource. */
export const timeOffsetResource: BuiltinResource = {
  schema: {
    importId: '<base_rfc3339>,<years>,<months>,<days>,<hours>,<minutes>,<seconds>',
    attributes: {
      id: { type: T.string, computed: true, description: 'The base timestamp.' },
      base_rfc3339: { type: T.string, optional: true, computed: true, validate: validateRfc3339, description: 'Base timestamp; defaults to the time of create.' },
      triggers: { type: T.map(T.string), optional: true, onChange: { kind: 'replace' }, description: 'Values whose change forces a new base timestamp.' },
      ...calendarArguments('offset', ['years', 'months', 'days', 'hours', 'minutes', 'seconds'], undefined),
      rfc3339: { type: T.string, computed: true, description: 'The offset timestamp.' },
      ...timestampPartAttributes,
    },
  },
  validate: (config) => atLeastOneOf(config, OFFSETS, 'time-offset-no-offset'),
  adjustPlan(draft: AttributeDraft, req) {
    const configuredBase: Value = req.config['base_rfc3339'] ?? null;
    if (isUnknown(configuredBase) || anyUnknown(req.config, OFFSETS)) {
      for (const n of COMPUTED) draft[n] = UNKNOWN;
      return;
    }
    const baseText = readString(req.config, 'base_rfc3339') ?? (req.prior ? readString(req.prior, 'base_rfc3339') : undefined);
    const base = baseText === undefined ? undefined : parseRfc3339(baseText);
    if (base !== undefined) Object.assign(draft, offsetValues(base, req.config));
  },
  async create(planned, ctx) {
    const baseText = readString(planned, 'base_rfc3339');
    const base = (baseText === undefined ? undefined : parseRfc3339(baseText)) ?? utcTimestamp(ctx.now());
    return { ...planned, ...offsetValues(base, planned) };
  },
  async update(prior, planned, ctx) {
    const baseText = readString(planned, 'base_rfc3339') ?? readString(prior, 'base_rfc3339');
    const base = (baseText === undefined ? undefined : parseRfc3339(baseText)) ?? utcTimestamp(ctx.now());
    return { ...planned, ...offsetValues(base, planned) };
  },
  async import(id) {
    const parts = id.split(',');
    const [baseText = '', ...offsets] = parts;
    const base = parseRfc3339(baseText);
    if (parts.length !== 7 || base === undefined || offsets.every((o) => o === '') || offsets.some((o) => o !== '' && !/^[-+]?\d+$/.test(o))) throw invalidImport(id);
    const args: { [k: string]: Value } = {};
    OFFSETS.forEach((name, i) => { const o = offsets[i] ?? ''; args[name] = o === '' ? null : Number(o); });
    return { ...args, triggers: {}, ...offsetValues(base, args) };
  },
};
