/**
 * Reading the calendar arguments of time_offset (`offset_*`) and time_rotating (`rotation_*`).
 * The units are combined (years, then months, then days, then the clock units), which is what
 * the upstream documentation describes; upstream's code applies only the last non-zero unit.
 */
import { errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import type { AttributeSchema } from '../../provider/index.js';
import { T } from '../../lang/index.js';
import { isUnknown } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { readNumber } from '../attribute-values.js';
import type { CalendarOffset } from './rfc3339.js';

const UNITS = ['years', 'months', 'days', 'hours', 'minutes', 'seconds'] as const;
type Unit = (typeof UNITS)[number];

/** The argument names for a prefix, e.g. `offset_years`…, limited to the given units. */
export function calendarArgumentNames(prefix: string, units: readonly Unit[] = UNITS): string[] {
  return units.map((u) => `${prefix}_${u}`);
}

/** Schema of the calendar arguments (optional whole numbers). */
export function calendarArguments(prefix: string, units: readonly Unit[], onChange: AttributeSchema['onChange']): { [name: string]: AttributeSchema } {
  const out: { [name: string]: AttributeSchema } = {};
  for (const u of units) {
    out[`${prefix}_${u}`] = { type: T.number, optional: true, validate: wholeNumber, description: `Number of ${u}.`, ...(onChange ? { onChange } : {}) };
  }
  return out;
}

/** The calendar offset configured under `prefix`. */
export function calendarOffset(attrs: ObjectValue, prefix: string): CalendarOffset {
  const o: { -readonly [K in keyof CalendarOffset]: number } = {};
  for (const u of UNITS) {
    const v = readNumber(attrs, `${prefix}_${u}`);
    if (v !== undefined) o[u] = v;
  }
  return o;
}

/** True when any of the named attributes is unknown. */
export function anyUnknown(attrs: ObjectValue, names: readonly string[]): boolean {
  return names.some((n) => isUnknown(attrs[n]));
}

/** "At least one of" check; unknown counts as set. */
export function atLeastOneOf(config: ObjectValue, names: readonly string[], code: string): readonly Diagnostic[] {
  return names.some((n) => config[n] !== undefined && config[n] !== null)
    ? [] : [errorDiag(code, `At least one of ${names.join(', ')} must be set`)];
}

function wholeNumber(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) ? undefined : 'must be a whole number';
}
