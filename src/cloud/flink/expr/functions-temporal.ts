/**
 * Datetime functions: current time (from the injected clock, evaluated per record), field
 * extraction, DATE_FORMAT / TO_DATE / TO_TIMESTAMP / TO_TIMESTAMP_LTZ / UNIX_TIMESTAMP /
 * FROM_UNIXTIME. Unit arithmetic (TIMESTAMPADD/DIFF, CEIL/FLOOR TO, CONVERT_TZ) is in
 * functions-temporal-units.ts. Time-unit arguments are STRING literals ('DAY').
 */
import {
  bigintType, dateType, instantToLocal, localToInstant, MS_PER_DAY, parseTimestamp, stringType,
  timestampLtzType, timestampType, timeType, withNullable, BIGINT_MIN, decimalToNumber, isTimestampType, parseDate,
} from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { CallSite, FunctionDef, ScalarFn } from './types.js';
import { checkArgs, defineFunction, literalString, numberReader, strict, strictType } from './function-def.js';
import { formatWithPattern, parseWithPattern } from './date-format.js';
import { EXTRACT_UNITS, fieldExtractor, localReader } from './temporal-fields.js';
import { temporalUnitFunctions } from './functions-temporal-units.js';

const DEFAULT_FORMAT = 'yyyy-MM-dd HH:mm:ss';

function now(name: string, type: LogicalType, f: (site: CallSite) => ScalarFn): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}()`], deterministic: false,
    bind: (site) => checkArgs(site, []) ?? { type, make: () => f(site) },
  });
}

const localNow = (site: CallSite): number => instantToLocal(site.ctx.clock.now(), site.ctx.timeZone);

function part(name: string, unit: string, families: 'DATE' | 'TIME'): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<${families === 'DATE' ? 'DATE|TIMESTAMP' : 'TIME|TIMESTAMP'}>)`],
    bind: (site) => {
      const err = checkArgs(site, ['DATETIME']);
      if (err) return err;
      const t = site.argTypes[0] as LogicalType;
      if (families === 'DATE' && t.kind === 'TIME') return 'argument 1 must be a DATE or TIMESTAMP';
      if (families === 'TIME' && t.kind === 'DATE') return 'argument 1 must be a TIME or TIMESTAMP';
      const read = localReader(t, site.ctx.timeZone);
      const ex = fieldExtractor(unit) as (ms: number) => number;
      return { type: strictType(site, bigintType()), make: () => strict(1, (v) => BigInt(ex(read(v)))) };
    },
  });
}

/** Parses a string with an optional pattern into wall-clock millis (default: Flink's lenient form). */
function parseLocal(text: string, pattern: string | undefined, tz: string, lenient = false): number | undefined {
  if (pattern === undefined) return parseTimestamp(text.trim());
  const p = parseWithPattern(text, pattern, lenient);
  // Like Flink, fall back to the default 'yyyy-[m]m-[d]d[ hh:mm:ss[.f]]' form when the pattern fails.
  if (!p) return lenient ? undefined : parseTimestamp(text.trim());
  return p.offsetMs === undefined ? p.local : instantToLocal(p.local - p.offsetMs, tz);
}

/** Datetime functions. */
export const temporalFunctions: readonly FunctionDef[] = [
  now('CURRENT_TIMESTAMP', timestampLtzType(3, { nullable: false }), (site) => () => site.ctx.clock.now()),
  now('NOW', timestampLtzType(3, { nullable: false }), (site) => () => site.ctx.clock.now()),
  // A processing-time attribute: the time the row is processed, materialized where it is evaluated.
  now('PROCTIME', timestampLtzType(3, { nullable: false, timeAttribute: 'proctime' }), (site) => () => site.ctx.clock.now()),
  now('CURRENT_ROW_TIMESTAMP', timestampLtzType(3, { nullable: false }), (site) => () => site.ctx.clock.now()),
  now('LOCALTIMESTAMP', timestampType(3, { nullable: false }), (site) => () => localNow(site)),
  now('CURRENT_DATE', dateType({ nullable: false }), (site) => () => Math.floor(localNow(site) / MS_PER_DAY)),
  now('CURRENT_TIME', timeType(0, { nullable: false }), (site) => () => { const l = localNow(site); return Math.floor((l - Math.floor(l / MS_PER_DAY) * MS_PER_DAY) / 1000) * 1000; }),
  now('LOCALTIME', timeType(0, { nullable: false }), (site) => () => { const l = localNow(site); return Math.floor((l - Math.floor(l / MS_PER_DAY) * MS_PER_DAY) / 1000) * 1000; }),
  defineFunction({
    name: 'EXTRACT', signatures: [`EXTRACT(<TIME UNIT> FROM <DATETIME>)  unit: ${EXTRACT_UNITS.join(', ')}`],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'ANY']);
      if (err) return err;
      const unit = literalString(site, 0)?.toUpperCase();
      const ex = unit === undefined ? undefined : fieldExtractor(unit);
      if (!ex) return `unknown time unit ${String(site.literals[0])}`;
      const t = site.argTypes[1] as LogicalType;
      if (t.kind === 'INTERVAL_DAY_TIME' || t.kind === 'INTERVAL_YEAR_MONTH') {
        const months = t.kind === 'INTERVAL_YEAR_MONTH';
        const f = (v: number): number => {
          switch (unit) {
            case 'YEAR': return Math.trunc(v / 12);
            case 'MONTH': return months ? v % 12 : 0;
            case 'DAY': return months ? 0 : Math.trunc(v / MS_PER_DAY);
            case 'HOUR': return Math.trunc(v / 3_600_000) % 24;
            case 'MINUTE': return Math.trunc(v / 60_000) % 60;
            case 'SECOND': return Math.trunc(v / 1000) % 60;
            case 'MILLISECOND': return v % 60_000;
            case 'EPOCH': return Math.trunc(v / 1000);
            default: return 0;
          }
        };
        return { type: withNullable(bigintType(), t.nullable), make: () => (_u, v) => (v === null ? null : BigInt(f(v as number))) };
      }
      if (t.kind !== 'DATE' && t.kind !== 'TIME' && !isTimestampType(t) && t.kind !== 'NULL') return `cannot extract from ${t.kind}`;
      const read = localReader(t, site.ctx.timeZone);
      return { type: withNullable(bigintType(), t.nullable), make: () => (_u, v) => (v === null ? null : BigInt(ex(read(v)))) };
    },
  }),
  part('YEAR', 'YEAR', 'DATE'), part('QUARTER', 'QUARTER', 'DATE'), part('MONTH', 'MONTH', 'DATE'), part('WEEK', 'WEEK', 'DATE'),
  part('DAYOFYEAR', 'DOY', 'DATE'), part('DAYOFMONTH', 'DAY', 'DATE'), part('DAYOFWEEK', 'DOW', 'DATE'),
  part('HOUR', 'HOUR', 'TIME'), part('MINUTE', 'MINUTE', 'TIME'), part('SECOND', 'SECOND', 'TIME'),
  defineFunction({
    name: 'DATE_FORMAT', signatures: ['DATE_FORMAT(<TIMESTAMP>, <STRING> format)', 'DATE_FORMAT(<STRING>, <STRING> format)'],
    bind: (site) => {
      const t = site.argTypes[0];
      if (site.argTypes.length !== 2 || t === undefined) return 'wrong number of arguments';
      const err = checkArgs(site, [t.kind === 'CHAR' || t.kind === 'VARCHAR' ? 'STRING' : 'DATETIME', 'STRING']);
      if (err) return err;
      const tz = site.ctx.timeZone;
      const read: (v: unknown) => number | undefined = t.kind === 'CHAR' || t.kind === 'VARCHAR' ? (v) => parseTimestamp((v as string).trim()) : localReader(t, tz);
      return {
        type: withNullable(stringType(), true),
        // Consecutive rows often carry the same timestamp (and the same pattern): the last result is kept.
        make: () => {
          let lastV: unknown;
          let lastF: unknown;
          let lastOut: string | null = null;
          return strict(2, (v, f) => {
            if (v === lastV && f === lastF) return lastOut;
            const l = read(v);
            const out = l === undefined ? null : formatWithPattern(l, f as string, 0, tz);
            lastV = v; lastF = f; lastOut = out;
            return out;
          });
        },
      };
    },
  }),
  defineFunction({
    name: 'TO_DATE', signatures: ['TO_DATE(<STRING>)', 'TO_DATE(<STRING>, <STRING> format)'],
    bind: (site) => checkArgs(site, ['STRING', 'STRING'], { min: 1 }) ?? {
      type: withNullable(dateType(), true),
      make: () => strict(site.argTypes.length, (s, f) => {
        if (f === undefined) { const d = parseDate((s as string).trim()); return d ?? null; }
        const l = parseLocal(s as string, f as string, 'UTC', true);
        return l === undefined ? null : Math.floor(l / MS_PER_DAY);
      }),
    },
  }),
  defineFunction({
    name: 'TO_TIMESTAMP', signatures: ['TO_TIMESTAMP(<STRING>)', 'TO_TIMESTAMP(<STRING>, <STRING> format)'],
    bind: (site) => checkArgs(site, ['STRING', 'STRING'], { min: 1 }) ?? {
      type: withNullable(timestampType(3), true),
      make: () => strict(site.argTypes.length, (s, f) => { const l = parseLocal(s as string, f as string | undefined, site.ctx.timeZone); return l === undefined ? null : Math.floor(l); }),
    },
  }),
  defineFunction({
    name: 'TO_TIMESTAMP_LTZ', signatures: ['TO_TIMESTAMP_LTZ(<NUMERIC>)', 'TO_TIMESTAMP_LTZ(<NUMERIC>, <INTEGER> precision 0|3)', 'TO_TIMESTAMP_LTZ(<STRING>, <STRING> format[, <STRING> timezone])'],
    bind: (site) => {
      const t = site.argTypes[0];
      if (t === undefined) return 'wrong number of arguments';
      if (t.kind === 'CHAR' || t.kind === 'VARCHAR') {
        const err = checkArgs(site, ['STRING', 'STRING', 'STRING'], { min: 1 });
        if (err) return err;
        return {
          type: withNullable(timestampLtzType(3), true),
          make: () => strict(site.argTypes.length, (s, f, z) => {
            const zone = (z as string | undefined) ?? site.ctx.timeZone;
            if (f === undefined) { const l = parseTimestamp((s as string).trim()); return l === undefined ? null : localToInstant(Math.floor(l), zone); }
            const p = parseWithPattern(s as string, f as string);
            if (!p) return null;
            return p.offsetMs !== undefined ? p.local - p.offsetMs : localToInstant(p.local, zone);
          }),
        };
      }
      const err = checkArgs(site, ['NUMERIC', 'INTEGER'], { min: 1 });
      if (err) return err;
      const lit = site.literals[1];
      const precision = site.argTypes.length === 1 ? 3 : typeof lit === 'number' ? lit : typeof lit === 'bigint' ? Number(lit) : undefined;
      if (precision !== 0 && precision !== 3) return 'precision must be the literal 0 or 3';
      const r = t.kind === 'DECIMAL' ? ((s: number) => (v: unknown) => decimalToNumber(v as bigint, s))(t.scale) : numberReader(t);
      const f = precision === 0 ? (v: unknown) => Math.floor(r(v) * 1000) : (v: unknown) => Math.floor(r(v));
      return { type: strictType(site, timestampLtzType(3)), make: () => (v) => (v === null ? null : f(v)) };
    },
  }),
  defineFunction({
    name: 'UNIX_TIMESTAMP', signatures: ['UNIX_TIMESTAMP()', 'UNIX_TIMESTAMP(<STRING>)', 'UNIX_TIMESTAMP(<STRING>, <STRING> format)'], deterministic: false,
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING'], { min: 0 });
      if (err) return err;
      if (site.argTypes.length === 0) return { type: bigintType({ nullable: false }), make: () => () => BigInt(Math.floor(site.ctx.clock.now() / 1000)) };
      const tz = site.ctx.timeZone;
      return {
        type: strictType(site, bigintType()),
        make: () => strict(site.argTypes.length, (s, f) => {
          const text = s as string;
          const p = parseWithPattern(text, (f as string | undefined) ?? DEFAULT_FORMAT, true);
          if (!p) return BIGINT_MIN;
          const inst = p.offsetMs !== undefined ? p.local - p.offsetMs : localToInstant(p.local, tz);
          return BigInt(Math.trunc(inst / 1000));
        }),
      };
    },
  }),
  defineFunction({
    name: 'FROM_UNIXTIME', signatures: ['FROM_UNIXTIME(<NUMERIC> seconds)', 'FROM_UNIXTIME(<NUMERIC> seconds, <STRING> format)'],
    bind: (site) => {
      const err = checkArgs(site, ['NUMERIC', 'STRING'], { min: 1 });
      if (err) return err;
      const r = numberReader(site.argTypes[0] as LogicalType);
      const tz = site.ctx.timeZone;
      return {
        type: strictType(site, stringType()),
        make: () => strict(site.argTypes.length, (n, f) => {
          const inst = Math.floor(r(n)) * 1000;
          return formatWithPattern(instantToLocal(inst, tz), (f as string | undefined) ?? DEFAULT_FORMAT, inst === 0 ? 0 : instantToLocal(inst, tz) - inst, tz);
        }),
      };
    },
  }),
  ...temporalUnitFunctions,
];

