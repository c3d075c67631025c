/**
 * JSON functions: IS JSON [VALUE|SCALAR|ARRAY|OBJECT], JSON_EXISTS, JSON_VALUE (ON EMPTY / ON
 * ERROR behaviours, RETURNING via `compileJsonValue`), JSON_QUERY (wrappers), JSON_OBJECT,
 * JSON_ARRAY (nested JSON via CallSite.rawJson), JSON('…'), JSON_STRING, JSON_QUOTE, JSON_UNQUOTE. Options such as behaviours are STRING literal
 * arguments; see each signature. JSON numbers are JS doubles (integers beyond 2^53 lose precision).
 */
import { booleanType, compileCast, SqlRuntimeError, stringType, withNullable } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { CallSite, EvalContext, FunctionDef, ScalarFn } from './types.js';
import { checkArgs, defineFunction, literalString, strict } from './function-def.js';
import { evalJsonPath, parseJsonPath } from './json-path.js';
import type { JsonPath } from './json-path.js';
import { compileJsonText, scalarText } from './json-text.js';

/** What to do when a path finds nothing or fails. */
export type JsonBehavior = { readonly kind: 'NULL' } | { readonly kind: 'ERROR' } | { readonly kind: 'DEFAULT'; readonly value: unknown };
/** JSON_QUERY wrapper modes. */
export type JsonWrapper = 'WITHOUT' | 'CONDITIONAL' | 'UNCONDITIONAL';
/** JSON_QUERY ON EMPTY / ON ERROR choices. */
export type JsonQueryBehavior = 'NULL' | 'EMPTY ARRAY' | 'EMPTY OBJECT' | 'ERROR';

const NO_DOC = Symbol('invalid json');
function parseDoc(s: string): unknown { try { return JSON.parse(s); } catch { return NO_DOC; } }

function pathReader(site: CallSite, i: number): (p: unknown) => JsonPath | string {
  const lit = literalString(site, i);
  if (lit !== undefined) { const p = parseJsonPath(lit); return () => p; }
  return (p) => parseJsonPath(p as string);
}

function jsonError(msg: string): never { throw new SqlRuntimeError('invalid-argument', msg); }

/** Compiles JSON_VALUE with full options (RETURNING type, ON EMPTY, ON ERROR). */
export function compileJsonValue(opts: { returning?: LogicalType; onEmpty?: JsonBehavior; onError?: JsonBehavior; pathLiteral?: string; ctx: EvalContext }): { type: LogicalType; fn: ScalarFn } {
  const returning = opts.returning ?? stringType();
  const cast = returning.kind === 'VARCHAR' && returning.length === 2147483647 ? (v: unknown) => v : compileCast(stringType(), returning, { timeZone: opts.ctx.timeZone });
  const onEmpty = opts.onEmpty ?? { kind: 'NULL' };
  const onError = opts.onError ?? { kind: 'NULL' };
  const fixed = opts.pathLiteral !== undefined ? parseJsonPath(opts.pathLiteral) : undefined;
  const apply = (b: JsonBehavior, why: string): unknown => (b.kind === 'NULL' ? null : b.kind === 'DEFAULT' ? b.value : jsonError(why));
  const fn: ScalarFn = (j, p) => {
    if (j === null || p === null) return null;
    const path = fixed ?? parseJsonPath(p as string);
    if (typeof path === 'string') return jsonError(path);
    const doc = parseDoc(j as string);
    if (doc === NO_DOC) return apply(onError, `Invalid JSON text: ${String(j)}`);
    const r = evalJsonPath(path, doc);
    if ('error' in r) return apply(onError, r.error);
    if (r.values.length === 0) return apply(onEmpty, `No results for path: ${String(p)}`);
    if (r.values.length > 1) return apply(onError, 'Multiple values returned by JSON_VALUE');
    const v = r.values[0];
    if (typeof v === 'object' && v !== null) return apply(onError, 'Strict jsonpath mode requires scalar value, and the actual value is: ' + JSON.stringify(v));
    const text = scalarText(v ?? null);
    if (text === null) return null;
    try { return cast(text); } catch (e) { if (e instanceof SqlRuntimeError) return apply(onError, e.message); throw e; }
  };
  return { type: withNullable(returning, true), fn };
}

/** Compiles JSON_QUERY with a wrapper mode and ON EMPTY / ON ERROR choices. */
export function compileJsonQuery(opts: { wrapper?: JsonWrapper; onEmpty?: JsonQueryBehavior; onError?: JsonQueryBehavior; pathLiteral?: string }): ScalarFn {
  const wrapper = opts.wrapper ?? 'WITHOUT';
  const fixed = opts.pathLiteral !== undefined ? parseJsonPath(opts.pathLiteral) : undefined;
  const apply = (b: JsonQueryBehavior | undefined, why: string): string | null =>
    (b === undefined || b === 'NULL' ? null : b === 'EMPTY ARRAY' ? '[]' : b === 'EMPTY OBJECT' ? '{}' : jsonError(why));
  return (j, p) => {
    if (j === null || p === null) return null;
    const path = fixed ?? parseJsonPath(p as string);
    if (typeof path === 'string') return jsonError(path);
    const doc = parseDoc(j as string);
    if (doc === NO_DOC) return apply(opts.onError, `Invalid JSON text: ${String(j)}`);
    const r = evalJsonPath(path, doc);
    if ('error' in r) return apply(opts.onError, r.error);
    if (r.values.length === 0) return apply(opts.onEmpty, `No results for path: ${String(p)}`);
    const single = r.values.length === 1 ? r.values[0] : undefined;
    const structured = single !== undefined && typeof single === 'object' && single !== null;
    if (wrapper === 'UNCONDITIONAL' || (wrapper === 'CONDITIONAL' && !structured)) return JSON.stringify(r.values);
    if (!structured) return apply(opts.onError, `Strict jsonpath mode requires array or object value, and the actual value is: '${JSON.stringify(single ?? r.values)}'`);
    return JSON.stringify(single);
  };
}

function behaviorArg(v: unknown, dflt: unknown): JsonBehavior {
  if (v === 'ERROR') return { kind: 'ERROR' };
  if (v === 'DEFAULT') return { kind: 'DEFAULT', value: dflt ?? null };
  return { kind: 'NULL' };
}

function isJson(name: string, kind: 'VALUE' | 'SCALAR' | 'ARRAY' | 'OBJECT'): FunctionDef {
  return defineFunction({
    name, signatures: [`<STRING> ${name}`],
    bind: (site) => checkArgs(site, ['STRING']) ?? {
      type: booleanType({ nullable: false }),
      make: () => (s) => {
        if (s === null) return false;
        const d = parseDoc(s as string);
        if (d === NO_DOC) return false;
        switch (kind) {
          case 'VALUE': return true;
          case 'SCALAR': return typeof d !== 'object' || d === null;
          case 'ARRAY': return Array.isArray(d);
          case 'OBJECT': return typeof d === 'object' && d !== null && !Array.isArray(d);
        }
      },
    },
  });
}

/** Renders argument i as JSON: verbatim when the binder marked it as raw JSON text. */
function valueText(site: CallSite, i: number, t: LogicalType): (v: unknown) => string {
  if (site.rawJson?.[i] === true) return (v) => (v === null ? 'null' : v as string);
  return compileJsonText(t, site.ctx.timeZone);
}

function onNullArg(site: CallSite, dflt: 'NULL' | 'ABSENT'): 'NULL' | 'ABSENT' {
  const v = literalString(site, 0);
  return v === 'NULL' || v === 'ABSENT' ? v : dflt;
}

/** JSON functions. */
export const jsonFunctions: readonly FunctionDef[] = [
  isJson('IS JSON', 'VALUE'), isJson('IS JSON VALUE', 'VALUE'), isJson('IS JSON SCALAR', 'SCALAR'),
  isJson('IS JSON ARRAY', 'ARRAY'), isJson('IS JSON OBJECT', 'OBJECT'),
  defineFunction({
    name: 'JSON_EXISTS', signatures: ["JSON_EXISTS(<STRING> json, <STRING> path[, 'TRUE'|'FALSE'|'UNKNOWN'|'ERROR' on error])"],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'STRING'], { min: 2 });
      if (err) return err;
      const onError = literalString(site, 2) ?? 'FALSE';
      const pr = pathReader(site, 1);
      const fail = (why: string): boolean | null => (onError === 'TRUE' ? true : onError === 'UNKNOWN' ? null : onError === 'ERROR' ? jsonError(why) : false);
      return {
        type: booleanType({ nullable: true }),
        make: () => (j, p) => {
          if (j === null || p === null) return null;
          const path = pr(p);
          if (typeof path === 'string') return jsonError(path);
          const doc = parseDoc(j as string);
          if (doc === NO_DOC) return fail(`Invalid JSON text: ${String(j)}`);
          const r = evalJsonPath(path, doc);
          return 'error' in r ? (path.mode === 'strict' && /No results/.test(r.error) ? false : fail(r.error)) : r.values.length > 0;
        },
      };
    },
  }),
  defineFunction({
    name: 'JSON_VALUE', signatures: ["JSON_VALUE(<STRING> json, <STRING> path[, 'NULL'|'ERROR'|'DEFAULT' on empty, <ANY> default, 'NULL'|'ERROR'|'DEFAULT' on error, <ANY> default])"],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'STRING', 'ANY', 'STRING', 'ANY'], { min: 2 });
      if (err) return err;
      const path = literalString(site, 1);
      const r = compileJsonValue({
        onEmpty: behaviorArg(site.literals[2], site.literals[3]), onError: behaviorArg(site.literals[4], site.literals[5]),
        ctx: site.ctx, ...(path !== undefined ? { pathLiteral: path } : {}),
      });
      return { type: r.type, make: () => r.fn };
    },
  }),
  defineFunction({
    name: 'JSON_QUERY', signatures: ["JSON_QUERY(<STRING> json, <STRING> path[, 'WITHOUT'|'CONDITIONAL'|'UNCONDITIONAL' wrapper[, on empty, on error]])"],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'STRING', 'STRING', 'STRING'], { min: 2 });
      if (err) return err;
      const path = literalString(site, 1);
      const fn = compileJsonQuery({
        wrapper: (literalString(site, 2) ?? 'WITHOUT') as JsonWrapper,
        onEmpty: (literalString(site, 3) ?? 'NULL') as JsonQueryBehavior,
        onError: (literalString(site, 4) ?? 'NULL') as JsonQueryBehavior,
        ...(path !== undefined ? { pathLiteral: path } : {}),
      });
      return { type: stringType({ nullable: true }), make: () => fn };
    },
  }),
  defineFunction({
    name: 'JSON', signatures: ['JSON(<STRING> json)'],
    bind: (site) => checkArgs(site, ['STRING']) ?? {
      type: withNullable(stringType(), site.argTypes[0]?.nullable === true),
      make: () => strict(1, (s) => (parseDoc(s as string) === NO_DOC ? jsonError(`Invalid JSON text: ${String(s)}`) : s)),
    },
  }),
  defineFunction({
    name: 'JSON_STRING', signatures: ['JSON_STRING(<ANY>)'],
    bind: (site) => {
      if (site.argTypes.length !== 1) return 'wrong number of arguments';
      const t = site.argTypes[0] as LogicalType;
      const f = compileJsonText(t, site.ctx.timeZone);
      return { type: stringType({ nullable: t.nullable }), make: () => strict(1, f) };
    },
  }),
  defineFunction({
    name: 'JSON_QUOTE', signatures: ['JSON_QUOTE(<STRING>)'],
    bind: (site) => checkArgs(site, ['STRING']) ?? { type: withNullable(stringType(), site.argTypes[0]?.nullable === true), make: () => strict(1, (s) => JSON.stringify(s)) },
  }),
  defineFunction({
    name: 'JSON_UNQUOTE', signatures: ['JSON_UNQUOTE(<STRING>)'],
    bind: (site) => checkArgs(site, ['STRING']) ?? {
      type: withNullable(stringType(), site.argTypes[0]?.nullable === true),
      make: () => strict(1, (s) => { const d = parseDoc(s as string); return typeof d === 'string' && (s as string).trim().startsWith('"') ? d : s; }),
    },
  }),
  defineFunction({
    name: 'JSON_OBJECT', signatures: ["JSON_OBJECT('NULL'|'ABSENT' on null, <STRING> key, <ANY> value, ...)"],
    bind: (site) => {
      const n = site.argTypes.length;
      if (n < 1 || (n - 1) % 2 !== 0) return 'JSON_OBJECT needs an ON NULL literal followed by key/value pairs';
      const onNull = onNullArg(site, 'NULL');
      const vals = site.argTypes.map((t, i) => (i > 0 && i % 2 === 0 ? valueText(site, i, t) : undefined));
      return {
        type: stringType({ nullable: false }),
        make: () => (_o, ...kv) => {
          const parts: string[] = [];
          for (let i = 0; i < kv.length; i += 2) {
            const k = kv[i]; const v = kv[i + 1];
            if (k === null) jsonError('JSON_OBJECT key must not be NULL');
            if (v === null && onNull === 'ABSENT') continue;
            parts.push(`${JSON.stringify(k)}:${(vals[i + 2] as (v: unknown) => string)(v)}`);
          }
          return `{${parts.join(',')}}`;
        },
      };
    },
  }),
  defineFunction({
    name: 'JSON_ARRAY', signatures: ["JSON_ARRAY('NULL'|'ABSENT' on null, <ANY>...)"],
    bind: (site) => {
      if (site.argTypes.length < 1) return 'JSON_ARRAY needs an ON NULL literal';
      const onNull = onNullArg(site, 'ABSENT');
      const vals = site.argTypes.slice(1).map((t, i) => valueText(site, i + 1, t));
      return {
        type: stringType({ nullable: false }),
        make: () => (_o, ...xs) => `[${xs.flatMap((x, i) => (x === null && onNull === 'ABSENT' ? [] : [(vals[i] as (v: unknown) => string)(x)])).join(',')}]`,
      };
    },
  }),
];
