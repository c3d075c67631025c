/**
 * Collection functions and value constructors: ARRAY[…], MAP[…], ROW(…), ITEM (arr[i] 1-based,
 * out of range → NULL; map[key]), CARDINALITY, ELEMENT, ARRAY_* and MAP_* functions. Results are
 * NULL when the collection argument is NULL; NULL elements compare equal to each other.
 */
import {
  arrayType, booleanType, compileCast, compileComparator, intType, leastRestrictive, mapType, printType, rowType, stringType,
  SqlRuntimeError, typesEqual, withNullable, nullType,
} from '../types/index.js';
import type { ArrayType, LogicalType, MapType } from '../types/index.js';
import type { CallSite, FunctionDef, ScalarFn } from './types.js';
import { anyNullable, checkArgs, defineFunction, intReader, strict } from './function-def.js';
import { distinctElements, elementEquals, memberOf } from './collection-kernels.js';

const IDENTITY = (v: unknown): unknown => v;

function castTo(from: LogicalType, to: LogicalType, site: CallSite): (v: unknown) => unknown {
  return typesEqual(from, to, { ignoreNullability: true, ignoreTimeAttribute: true }) ? IDENTITY : compileCast(from, to, { timeZone: site.ctx.timeZone });
}

function elementOf(t: LogicalType): LogicalType { return t.kind === 'ARRAY' ? t.element : nullType(); }

function arrayFn(name: string, families: Parameters<typeof checkArgs>[1], body: (site: CallSite, el: LogicalType) => { type: LogicalType; fn: ScalarFn } | string, opts: { min?: number } = {}): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(${families.map((f) => `<${f}>`).join(', ')})`],
    bind: (site) => {
      const err = checkArgs(site, families, opts.min !== undefined ? { min: opts.min } : {});
      if (err) return err;
      const r = body(site, elementOf(site.argTypes[0] as LogicalType));
      if (typeof r === 'string') return r;
      return { type: r.type, make: () => r.fn };
    },
  });
}

/** ARRAY<common(element, other)> or an error. */
function widenArray(site: CallSite, el: LogicalType, other: LogicalType): { type: ArrayType; castEl: (v: unknown) => unknown; castOther: (v: unknown) => unknown } | string {
  const common = leastRestrictive([el, other]);
  if (common === undefined) return `element type ${printType(other)} does not match ${printType(el)}`;
  return { type: arrayType(common, { nullable: anyNullable(site) }), castEl: castTo(el, common, site), castOther: castTo(other, common, site) };
}

/** Collection functions. */
export const collectionFunctions: readonly FunctionDef[] = [
  defineFunction({
    name: 'ARRAY', signatures: ['ARRAY[<ANY>, <ANY>...]'],
    bind: (site) => {
      if (site.argTypes.length === 0) return { type: arrayType(nullType(), { nullable: false }), make: () => () => [] };
      const el = leastRestrictive(site.argTypes);
      if (el === undefined) return `no common element type for ${site.argTypes.map((t) => printType(t)).join(', ')}`;
      const casts = site.argTypes.map((t) => castTo(t, el, site));
      const plain = casts.every((c) => c === IDENTITY);
      return { type: arrayType(el, { nullable: false }), make: () => (plain ? (...xs) => xs : (...xs) => xs.map((x, i) => (casts[i] as (v: unknown) => unknown)(x))) };
    },
  }),
  defineFunction({
    name: 'MAP', signatures: ['MAP[<ANY> key, <ANY> value, ...]'],
    bind: (site) => {
      const n = site.argTypes.length;
      if (n === 0 || n % 2 !== 0) return 'MAP needs an even, non-zero number of arguments';
      const kt = leastRestrictive(site.argTypes.filter((_, i) => i % 2 === 0));
      const vt = leastRestrictive(site.argTypes.filter((_, i) => i % 2 === 1));
      if (kt === undefined || vt === undefined) return 'no common key or value type';
      const casts = site.argTypes.map((t, i) => castTo(t, i % 2 === 0 ? kt : vt, site));
      return {
        type: mapType(kt, vt, { nullable: false }),
        make: () => (...xs) => { const m = new Map<unknown, unknown>(); for (let i = 0; i < xs.length; i += 2) m.set((casts[i] as (v: unknown) => unknown)(xs[i]), (casts[i + 1] as (v: unknown) => unknown)(xs[i + 1])); return m; },
      };
    },
  }),
  defineFunction({
    name: 'ROW', signatures: ['ROW(<ANY>, ...)'],
    bind: (site) => ({ type: rowType(site.argTypes.map((t, i) => [`EXPR$${i}`, t] as const), { nullable: false }), make: () => (...xs) => xs }),
  }),
  defineFunction({
    name: 'ITEM', signatures: ['<ARRAY>[<INTEGER>]', '<MAP>[<ANY> key]'],
    bind: (site) => {
      const [c, k] = site.argTypes;
      if (site.argTypes.length !== 2 || c === undefined || k === undefined) return 'wrong number of arguments';
      if (c.kind === 'ARRAY') {
        const err = checkArgs(site, ['ARRAY', 'INTEGER']);
        if (err) return err;
        const r = intReader(k);
        return { type: withNullable(c.element, true), make: () => strict(2, (a, i) => { const arr = a as unknown[]; const j = r(i); return j >= 1 && j <= arr.length ? arr[j - 1] : null; }) };
      }
      if (c.kind === 'MAP') {
        const cast = castTo(k, c.key, site);
        return { type: withNullable(c.value, true), make: () => strict(2, (m, key) => { const v = (m as Map<unknown, unknown>).get(cast(key)); return v === undefined ? null : v; }) };
      }
      return `cannot index ${printType(c)}`;
    },
  }),
  defineFunction({
    name: 'CARDINALITY', signatures: ['CARDINALITY(<ARRAY>)', 'CARDINALITY(<MAP>)', 'CARDINALITY(<MULTISET>)'],
    bind: (site) => {
      const t = site.argTypes[0];
      if (site.argTypes.length !== 1 || t === undefined) return 'wrong number of arguments';
      if (t.kind === 'ARRAY') return { type: intType({ nullable: t.nullable }), make: () => strict(1, (a) => (a as unknown[]).length) };
      if (t.kind === 'MAP') return { type: intType({ nullable: t.nullable }), make: () => strict(1, (m) => (m as Map<unknown, unknown>).size) };
      if (t.kind === 'MULTISET') return { type: intType({ nullable: t.nullable }), make: () => strict(1, (m) => { let n = 0; for (const c of (m as Map<unknown, number>).values()) n += c; return n; }) };
      return `argument 1 has type ${printType(t)}, expected ARRAY, MAP or MULTISET`;
    },
  }),
  arrayFn('ELEMENT', ['ARRAY'], (_s, el) => ({
    type: withNullable(el, true),
    fn: strict(1, (a) => {
      const arr = a as unknown[];
      if (arr.length > 1) throw new SqlRuntimeError('invalid-argument', 'Array has more than one element.');
      return arr.length === 0 ? null : arr[0];
    }),
  })),
  arrayFn('ARRAY_APPEND', ['ARRAY', 'ANY'], (site, el) => {
    const w = widenArray(site, el, site.argTypes[1] as LogicalType);
    if (typeof w === 'string') return w;
    return { type: withNullable(w.type, (site.argTypes[0] as LogicalType).nullable), fn: (a, x) => (a === null ? null : [...(a as unknown[]).map(w.castEl), x === null ? null : w.castOther(x)]) };
  }),
  arrayFn('ARRAY_PREPEND', ['ARRAY', 'ANY'], (site, el) => {
    const w = widenArray(site, el, site.argTypes[1] as LogicalType);
    if (typeof w === 'string') return w;
    return { type: withNullable(w.type, (site.argTypes[0] as LogicalType).nullable), fn: (a, x) => (a === null ? null : [x === null ? null : w.castOther(x), ...(a as unknown[]).map(w.castEl)]) };
  }),
  defineFunction({
    name: 'ARRAY_CONCAT', signatures: ['ARRAY_CONCAT(<ARRAY>, <ARRAY>...)'],
    bind: (site) => {
      const err = checkArgs(site, ['ARRAY'], { rest: 'ARRAY' });
      if (err) return err;
      const common = leastRestrictive(site.argTypes);
      if (common === undefined || common.kind !== 'ARRAY') return 'arrays have no common element type';
      const casts = site.argTypes.map((t) => castTo(t, common, site));
      return { type: common, make: () => (...xs) => { const out: unknown[] = []; for (let i = 0; i < xs.length; i++) { const x = xs[i]; if (x === null) return null; out.push(...((casts[i] as (v: unknown) => unknown)(x) as unknown[])); } return out; } };
    },
  }),
  arrayFn('ARRAY_CONTAINS', ['ARRAY', 'ANY'], (site, el) => {
    const eq = elementEquals(el);
    return { type: booleanType({ nullable: (site.argTypes[0] as LogicalType).nullable }), fn: (a, x) => (a === null ? null : (a as unknown[]).some((y) => eq(y, x))) };
  }),
  arrayFn('ARRAY_POSITION', ['ARRAY', 'ANY'], (site, el) => {
    const eq = elementEquals(el);
    return { type: intType({ nullable: (site.argTypes[0] as LogicalType).nullable }), fn: (a, x) => (a === null ? null : (a as unknown[]).findIndex((y) => eq(y, x)) + 1) };
  }),
  arrayFn('ARRAY_REMOVE', ['ARRAY', 'ANY'], (site, el) => {
    const eq = elementEquals(el);
    return { type: site.argTypes[0] as LogicalType, fn: (a, x) => (a === null ? null : (a as unknown[]).filter((y) => !eq(y, x))) };
  }),
  arrayFn('ARRAY_DISTINCT', ['ARRAY'], (site, el) => { const d = distinctElements(el); return { type: site.argTypes[0] as LogicalType, fn: strict(1, (a) => d(a as unknown[])) }; }),
  arrayFn('ARRAY_REVERSE', ['ARRAY'], (site) => ({ type: site.argTypes[0] as LogicalType, fn: strict(1, (a) => [...(a as unknown[])].reverse()) })),
  ...(['ARRAY_UNION', 'ARRAY_INTERSECT', 'ARRAY_EXCEPT'] as const).map((name) => arrayFn(name, ['ARRAY', 'ARRAY'], (site) => {
    const common = leastRestrictive(site.argTypes);
    if (common === undefined || common.kind !== 'ARRAY') return 'arrays have no common element type';
    const ca = castTo(site.argTypes[0] as LogicalType, common, site); const cb = castTo(site.argTypes[1] as LogicalType, common, site);
    const d = distinctElements(common.element); const mem = memberOf(common.element);
    const fn: ScalarFn = name === 'ARRAY_UNION'
      ? (a, b) => d([...(ca(a) as unknown[]), ...(cb(b) as unknown[])])
      : name === 'ARRAY_INTERSECT'
        ? (a, b) => { const inB = mem(cb(b) as unknown[]); return d((ca(a) as unknown[]).filter(inB)); }
        : (a, b) => {
          // Flink: a NULL second array excludes nothing; a NULL element of the first array goes last.
          const other = b === null ? [] : cb(b) as unknown[];
          const inB = mem(other);
          const kept = d((ca(a) as unknown[]).filter((x) => x !== null && !inB(x)));
          if ((a as unknown[]).includes(null) && !other.includes(null)) kept.push(null);
          return kept;
        };
    return { type: common, fn: name === 'ARRAY_EXCEPT' ? (a, b) => (a === null ? null : fn(a, b)) : strict(2, fn) };
  })),
  arrayFn('ARRAY_SLICE', ['ARRAY', 'INTEGER', 'INTEGER'], (site) => {
    const rs = intReader(site.argTypes[1] as LogicalType);
    const re = site.argTypes[2] ? intReader(site.argTypes[2]) : () => -1;
    return {
      type: withNullable(site.argTypes[0] as LogicalType, anyNullable(site)),
      fn: strict(site.argTypes.length, (a, s, e) => {
        // Flink's ArraySliceFunction: 1-based inclusive, negatives from the end, end 0 means 1.
        const arr = a as unknown[]; const n = arr.length;
        if (n === 0) return arr;
        let from = rs(s); let to = e === undefined ? n : re(e);
        from += from < 0 ? n + 1 : 0; to += to < 0 ? n + 1 : 0;
        from = Math.max(1, from); to = to === 0 ? 1 : Math.min(to, n);
        return to < from ? [] : arr.slice(from - 1, to);
      }),
    };
  }, { min: 2 }),
  arrayFn('ARRAY_SORT', ['ARRAY', 'BOOLEAN', 'BOOLEAN'], (site, el) => {
    const cmp = compileComparator(el.kind === 'NULL' ? intType() : el);
    return {
      type: site.argTypes[0] as LogicalType,
      fn: (a, asc, nullsFirst) => {
        if (a === null || asc === null || nullsFirst === null) return null;
        const up = asc === undefined ? true : asc as boolean;
        const nf = nullsFirst === undefined ? up : nullsFirst as boolean;
        return [...(a as unknown[])].sort((x, y) => {
          if (x === null || y === null) return x === y ? 0 : (x === null) === nf ? -1 : 1;
          return up ? cmp(x, y) : cmp(y, x);
        });
      },
    };
  }, { min: 1 }),
  arrayFn('ARRAY_JOIN', ['ARRAY', 'STRING', 'STRING'], (site, el) => {
    if (el.kind !== 'CHAR' && el.kind !== 'VARCHAR' && el.kind !== 'NULL') return `ARRAY_JOIN needs an ARRAY of strings, got ${printType(site.argTypes[0] as LogicalType)}`;
    return {
      type: stringType({ nullable: anyNullable(site) }),
      fn: strict(site.argTypes.length, (a, d, r) => (a as unknown[]).flatMap((x) => (x === null ? (r === undefined ? [] : [r]) : [x])).join(d as string)),
    };
  }, { min: 2 }),
  ...(['ARRAY_MAX', 'ARRAY_MIN'] as const).map((name) => arrayFn(name, ['ARRAY'], (_site, el) => {
    const cmp = compileComparator(el.kind === 'NULL' ? intType() : el);
    const sign = name === 'ARRAY_MAX' ? 1 : -1;
    return {
      type: withNullable(el, true),
      fn: strict(1, (a) => { let best: unknown = null; for (const x of a as unknown[]) if (x !== null && (best === null || cmp(x, best) * sign > 0)) best = x; return best; }),
    };
  })),
  ...mapFunctions(),
];

function mapArg(name: string, body: (site: CallSite, m: MapType) => { type: LogicalType; fn: ScalarFn }): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<MAP>)`],
    bind: (site) => {
      const err = checkArgs(site, ['MAP']);
      if (err) return err;
      const m = site.argTypes[0] as LogicalType;
      if (m.kind !== 'MAP') return 'argument 1 must be a MAP';
      const r = body(site, m);
      return { type: r.type, make: () => r.fn };
    },
  });
}

function mapFunctions(): FunctionDef[] {
  return [
    mapArg('MAP_KEYS', (_s, m) => ({ type: arrayType(m.key, { nullable: m.nullable }), fn: strict(1, (x) => [...(x as Map<unknown, unknown>).keys()]) })),
    mapArg('MAP_VALUES', (_s, m) => ({ type: arrayType(m.value, { nullable: m.nullable }), fn: strict(1, (x) => [...(x as Map<unknown, unknown>).values()]) })),
    mapArg('MAP_ENTRIES', (_s, m) => ({
      type: arrayType(rowType([['key', m.key], ['value', m.value]], { nullable: false }), { nullable: m.nullable }),
      fn: strict(1, (x) => [...(x as Map<unknown, unknown>)].map(([k, v]) => [k, v])),
    })),
    defineFunction({
      name: 'MAP_FROM_ARRAYS', signatures: ['MAP_FROM_ARRAYS(<ARRAY> keys, <ARRAY> values)'],
      bind: (site) => {
        const err = checkArgs(site, ['ARRAY', 'ARRAY']);
        if (err) return err;
        const [k, v] = site.argTypes as [LogicalType, LogicalType];
        return {
          type: mapType(elementOf(k), elementOf(v), { nullable: anyNullable(site) }),
          make: () => strict(2, (ks, vs) => {
            const a = ks as unknown[]; const b = vs as unknown[];
            if (a.length !== b.length) throw new SqlRuntimeError('invalid-argument', 'Invalid function MAP_FROM_ARRAYS call: the key array and value array must have the same length.');
            const m = new Map<unknown, unknown>();
            for (let i = 0; i < a.length; i++) m.set(a[i], b[i]);
            return m;
          }),
        };
      },
    }),
    defineFunction({
      name: 'MAP_UNION', signatures: ['MAP_UNION(<MAP>, <MAP>...)'],
      bind: (site) => {
        const err = checkArgs(site, ['MAP'], { rest: 'MAP' });
        if (err) return err;
        const common = leastRestrictive(site.argTypes);
        if (common === undefined) return 'maps have no common type';
        return {
          type: common,
          make: () => (...ms) => {
            const out = new Map<unknown, unknown>();
            for (const m of ms) { if (m === null) return null; for (const [k, v] of m as Map<unknown, unknown>) out.set(k, v); }
            return out;
          },
        };
      },
    }),
  ];
}
