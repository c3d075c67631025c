/**
 * Unit arithmetic on datetimes: TIMESTAMPADD, TIMESTAMPDIFF, CEIL/FLOOR(x TO unit) and CONVERT_TZ.
 * Units arrive as STRING literals ('DAY'). TIMESTAMP_LTZ values are shifted into the session time
 * zone for calendar units, as Flink does.
 */
import {
  civilFromDays, daysFromCivil, formatTimestamp, instantToLocal, intType, localToInstant, MS_PER_DAY, parseTimestamp,
  stringType, timestampType, withNullable, isValidTimeZone, withoutTimeAttribute, booleanType,
} from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { CallSite, FunctionDef, ScalarFn } from './types.js';
import { checkArgs, defineFunction, intReader, literalString, strict } from './function-def.js';
import { addMonthsToTimestamp } from './temporal-arith.js';
import { localReader } from './temporal-fields.js';

const FIXED_MS: Readonly<Record<string, number>> = {
  MILLISECOND: 1, SECOND: 1000, MINUTE: 60_000, HOUR: 3_600_000, DAY: MS_PER_DAY, WEEK: 7 * MS_PER_DAY,
};
const MONTHS: Readonly<Record<string, number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };
const UNITS = 'SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR';

function unitOf(site: CallSite): string | undefined {
  const u = literalString(site, 0)?.toUpperCase();
  if (u === undefined) return undefined;
  const norm = u === 'SQL_TSI_DAY' ? 'DAY' : u.replace(/^SQL_TSI_/, '');
  return norm in FIXED_MS || norm in MONTHS ? norm : undefined;
}

/** Converts local millis back into the value representation of `t`. */
function fromLocal(t: LogicalType, tz: string): (l: number) => number {
  switch (t.kind) {
    case 'DATE': return (l) => Math.floor(l / MS_PER_DAY);
    case 'TIME': return (l) => ((l % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
    case 'TIMESTAMP_LTZ': return tz === 'UTC' ? (l) => l : (l) => localToInstant(l, tz);
    default: return (l) => l;
  }
}

/** Whole months between two local times, truncated toward zero like Calcite. */
function monthsBetween(a: number, b: number): number {
  const da = Math.floor(a / MS_PER_DAY); const db = Math.floor(b / MS_PER_DAY);
  const [ya, ma, dda] = civilFromDays(da); const [yb, mb, ddb] = civilFromDays(db);
  let m = (yb * 12 + mb) - (ya * 12 + ma);
  const ra = dda * MS_PER_DAY + (a - da * MS_PER_DAY);
  const rb = ddb * MS_PER_DAY + (b - db * MS_PER_DAY);
  if (m > 0 && rb < ra) m--;
  else if (m < 0 && rb > ra) m++;
  return m;
}

function floorLocal(unit: string, l: number): number {
  const fixed = FIXED_MS[unit];
  if (unit === 'WEEK') { const d = Math.floor(l / MS_PER_DAY); const dow = (((d + 4) % 7) + 7) % 7; return (d - dow) * MS_PER_DAY; }
  if (fixed !== undefined) return Math.floor(l / fixed) * fixed;
  const [y, m] = civilFromDays(Math.floor(l / MS_PER_DAY));
  if (unit === 'MONTH') return daysFromCivil(y, m, 1) * MS_PER_DAY;
  if (unit === 'QUARTER') return daysFromCivil(y, Math.floor((m - 1) / 3) * 3 + 1, 1) * MS_PER_DAY;
  return daysFromCivil(y, 1, 1) * MS_PER_DAY;
}

function ceilFloorTo(name: string, up: boolean): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<DATETIME> TO <TIME UNIT>)  unit: MILLISECOND, ${UNITS}`],
    bind: (site) => {
      const err = checkArgs(site, ['DATETIME', 'STRING']);
      if (err) return err;
      const lit = literalString(site, 1)?.toUpperCase();
      const unit = lit !== undefined && (lit in FIXED_MS || lit in MONTHS) ? lit : undefined;
      if (unit === undefined) return `unknown time unit ${String(site.literals[1])}`;
      const t = withoutTimeAttribute(site.argTypes[0] as LogicalType);
      const tz = site.ctx.timeZone;
      const read = localReader(t, tz); const back = fromLocal(t, tz);
      const step = (l: number): number => {
        const f = floorLocal(unit, l);
        if (!up || f === l) return f;
        const m = MONTHS[unit];
        return m !== undefined ? addMonthsToTimestamp(f, m) : f + (FIXED_MS[unit] ?? 0);
      };
      return { type: t, make: () => (v) => (v === null ? null : back(step(read(v)))) };
    },
  });
}

/** CEIL(x TO unit); reached through the numeric CEIL/CEILING entry when called with two arguments. */
export const temporalCeil = ceilFloorTo('CEIL', true);
/** FLOOR(x TO unit); reached through the numeric FLOOR entry when called with two arguments. */
export const temporalFloor = ceilFloorTo('FLOOR', false);

/** Unit arithmetic functions. */
export const temporalUnitFunctions: readonly FunctionDef[] = [
  defineFunction({
    name: 'TIMESTAMPADD', signatures: [`TIMESTAMPADD(<TIME UNIT>, <INTEGER>, <DATETIME>)  unit: ${UNITS}`],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'INTEGER', 'DATETIME']);
      if (err) return err;
      const unit = unitOf(site);
      if (unit === undefined) return `unknown time unit ${String(site.literals[0])}`;
      const t = withoutTimeAttribute(site.argTypes[2] as LogicalType);
      const tz = site.ctx.timeZone;
      const n = intReader(site.argTypes[1] as LogicalType);
      const months = MONTHS[unit];
      const fixed = FIXED_MS[unit] ?? 0;
      const subDay = months === undefined && fixed < MS_PER_DAY;
      const outType: LogicalType = t.kind === 'DATE' && subDay ? timestampType(3, { nullable: t.nullable }) : t;
      const read = localReader(t, tz);
      const back = fromLocal(outType, tz);
      const nullable = site.argTypes[1]?.nullable === true || t.nullable;
      let f: ScalarFn;
      if (months !== undefined) f = (_u, k, v) => back(addMonthsToTimestamp(read(v), n(k) * months));
      else if (t.kind === 'TIMESTAMP_LTZ' && fixed < MS_PER_DAY) f = (_u, k, v) => (v as number) + n(k) * fixed;
      else f = (_u, k, v) => back(read(v) + n(k) * fixed);
      return { type: withNullable(outType, nullable), make: () => (u, k, v) => (k === null || v === null ? null : f(u, k, v)) };
    },
  }),
  defineFunction({
    name: 'TIMESTAMPDIFF', signatures: [`TIMESTAMPDIFF(<TIME UNIT>, <DATETIME>, <DATETIME>)  unit: ${UNITS}`],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'DATETIME', 'DATETIME']);
      if (err) return err;
      const unit = unitOf(site);
      if (unit === undefined) return `unknown time unit ${String(site.literals[0])}`;
      const tz = site.ctx.timeZone;
      const ra = localReader(site.argTypes[1] as LogicalType, tz);
      const rb = localReader(site.argTypes[2] as LogicalType, tz);
      const months = MONTHS[unit];
      const fixed = FIXED_MS[unit] ?? 1;
      const nullable = site.argTypes[1]?.nullable === true || site.argTypes[2]?.nullable === true;
      const f: ScalarFn = months !== undefined
        ? (_u, a, b) => Math.trunc(monthsBetween(ra(a), rb(b)) / months)
        : (_u, a, b) => Math.trunc((rb(b) - ra(a)) / fixed) | 0;
      return { type: intType({ nullable }), make: () => (u, a, b) => (a === null || b === null ? null : f(u, a, b)) };
    },
  }),
  defineFunction({
    name: 'OVERLAPS', signatures: ['(<DATETIME>, <DATETIME>|<INTERVAL>) OVERLAPS (<DATETIME>, <DATETIME>|<INTERVAL>)'],
    bind: (site) => {
      const err = checkArgs(site, ['DATETIME', 'ANY', 'DATETIME', 'ANY']);
      if (err) return err;
      const tz = site.ctx.timeZone;
      const ts = site.argTypes;
      const start = [localReader(ts[0] as LogicalType, tz), localReader(ts[2] as LogicalType, tz)];
      const endOf = (i: number): ((s: number, v: unknown) => number) | string => {
        const t = ts[i] as LogicalType;
        if (t.kind === 'INTERVAL_DAY_TIME') return (s, v) => s + (v as number);
        if (t.kind === 'INTERVAL_YEAR_MONTH') return (s, v) => addMonthsToTimestamp(s, v as number);
        if (t.kind === 'DATE' || t.kind === 'TIME' || t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') { const r = localReader(t, tz); return (_s, v) => r(v); }
        return `argument ${i + 1} must be a datetime or an interval`;
      };
      const e1 = endOf(1); const e2 = endOf(3);
      if (typeof e1 === 'string') return e1;
      if (typeof e2 === 'string') return e2;
      const [r1, r2] = start as [(v: unknown) => number, (v: unknown) => number];
      return {
        type: withNullable(booleanType(), ts.some((t) => t.nullable)),
        make: () => strict(4, (a, b, c, d) => {
          const s1 = r1(a); const t1 = e1(s1, b); const s2 = r2(c); const t2 = e2(s2, d);
          const lo1 = Math.min(s1, t1); const hi1 = Math.max(s1, t1); const lo2 = Math.min(s2, t2); const hi2 = Math.max(s2, t2);
          return lo1 <= hi2 && lo2 <= hi1;
        }),
      };
    },
  }),
  defineFunction({
    name: 'CONVERT_TZ', signatures: ['CONVERT_TZ(<STRING> datetime, <STRING> fromZone, <STRING> toZone)'],
    bind: (site) => checkArgs(site, ['STRING', 'STRING', 'STRING']) ?? {
      type: withNullable(stringType(), true),
      make: () => strict(3, (s, from, to) => {
        const l = parseTimestamp((s as string).trim());
        if (l === undefined || !isValidTimeZone(from as string) || !isValidTimeZone(to as string)) return null;
        return formatTimestamp(instantToLocal(localToInstant(Math.floor(l), from as string), to as string), 0);
      }),
    },
  }),
];
