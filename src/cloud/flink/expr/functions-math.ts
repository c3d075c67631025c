/**
 * Numeric functions: ABS, CEIL/FLOOR (numeric; the temporal `TO unit` form lives in
 * functions-temporal.ts), ROUND/TRUNCATE (HALF_UP on the decimal text of a DOUBLE, as Flink does
 * with BigDecimal), logs, powers, trig, RAND/RAND_INTEGER (java.util.Random sequences), UUID,
 * HEX/UNHEX, BIN, SIGN, PI, E.
 */
import {
  bytesType, decimalRoundType, decimalToNumber, divHalfUp, doubleType, intType, isIntegerType, isNumericType, parseDecimal,
  pow10, printType, roundDecimal, stringType, truncateDecimal, doubleToLong,
} from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { CallSite, FunctionDef, ScalarFn } from './types.js';
import { anyNullable, checkArgs, defineFunction, intReader, numberReader, strict, strictType } from './function-def.js';
import { JavaRandom } from './java-random.js';
import { temporalCeil, temporalFloor } from './functions-temporal-units.js';

function doubleFn(name: string, f: (x: number) => number): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<NUMERIC>)`],
    bind: (site) => {
      const err = checkArgs(site, ['NUMERIC']);
      if (err) return err;
      const r = numberReader(site.argTypes[0] as LogicalType);
      return { type: strictType(site, doubleType()), make: () => strict(1, (x) => f(r(x))) };
    },
  });
}

function doubleFn2(name: string, f: (x: number, y: number) => number): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<NUMERIC>, <NUMERIC>)`],
    bind: (site) => {
      const err = checkArgs(site, ['NUMERIC', 'NUMERIC']);
      if (err) return err;
      const a = numberReader(site.argTypes[0] as LogicalType);
      const b = numberReader(site.argTypes[1] as LogicalType);
      return { type: strictType(site, doubleType()), make: () => strict(2, (x, y) => f(a(x), b(y))) };
    },
  });
}

function constant(name: string, v: number): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}()`],
    bind: (site) => checkArgs(site, []) ?? { type: doubleType({ nullable: false }), make: () => () => v },
  });
}

/** ROUND/TRUNCATE of a double at n decimals via its shortest decimal text. */
function roundDouble(x: number, n: number, truncate: boolean): number {
  if (!Number.isFinite(x)) return x;
  const scale = Math.max(n, 0);
  const exact = parseDecimal(String(x), 30);
  if (exact === undefined) return x;
  let u: bigint;
  if (truncate) u = exact / pow10(30 - n >= 0 ? 30 - n : 0);
  else u = divHalfUp(exact, pow10(30 - n));
  if (n < 0) return Number(u * pow10(-n));
  return decimalToNumber(u, scale);
}

function roundLike(name: 'ROUND' | 'TRUNCATE'): FunctionDef {
  const trunc = name === 'TRUNCATE';
  return defineFunction({
    name, signatures: [`${name}(<NUMERIC>)`, `${name}(<NUMERIC>, <INTEGER>)`],
    bind: (site) => {
      const err = checkArgs(site, ['NUMERIC', 'INTEGER'], { min: 1 });
      if (err) return err;
      const t = site.argTypes[0] as LogicalType;
      const lit = site.literals[1];
      const nLit = site.argTypes.length === 1 ? 0 : typeof lit === 'number' ? lit : typeof lit === 'bigint' ? Number(lit) : undefined;
      const nRead = site.argTypes.length > 1 ? intReader(site.argTypes[1] as LogicalType) : () => 0;
      if (t.kind === 'DECIMAL') {
        const out = nLit !== undefined ? decimalRoundType(t, nLit) : t;
        const s = t.scale; const os = out.scale;
        const op = trunc ? truncateDecimal : roundDecimal;
        return { type: strictType(site, out), make: () => strict(site.argTypes.length, (x, n) => op(x as bigint, s, n === undefined ? 0 : nRead(n), os)) };
      }
      if (isIntegerType(t)) {
        return {
          type: strictType(site, t),
          make: () => strict(site.argTypes.length, (x, n) => {
            const k = n === undefined ? 0 : nRead(n);
            if (k >= 0) return x;
            const big = typeof x === 'bigint' ? x : BigInt(x as number);
            const f = pow10(-k);
            const r = (trunc ? big / f : divHalfUp(big, f)) * f;
            return typeof x === 'bigint' ? BigInt.asIntN(64, r) : Number(r) | 0;
          }),
        };
      }
      const round = t.kind === 'FLOAT' ? Math.fround : (x: number) => x;
      return { type: strictType(site, t), make: () => strict(site.argTypes.length, (x, n) => round(roundDouble(x as number, n === undefined ? 0 : nRead(n), trunc))) };
    },
  });
}

function ceilFloor(name: 'CEIL' | 'CEILING' | 'FLOOR', temporal: FunctionDef): FunctionDef {
  const up = name !== 'FLOOR';
  const numeric = defineFunction({
    name, signatures: [`${name}(<NUMERIC>)`, `${name}(<DATETIME> TO <TIME UNIT>)`],
    bind: (site) => {
      if (site.argTypes.length === 2) return temporalBind(temporal, site);
      const err = checkArgs(site, ['NUMERIC']);
      if (err) return err;
      const t = site.argTypes[0] as LogicalType;
      if (isIntegerType(t)) return { type: t, make: () => (x: unknown) => x };
      if (t.kind === 'DECIMAL') {
        const out = decimalRoundType(t, 0);
        const f = pow10(t.scale);
        return {
          type: strictType(site, out),
          make: () => strict(1, (x) => {
            const u = x as bigint; const q = u / f; const r = u % f;
            return r === 0n ? q : up ? (u > 0n ? q + 1n : q) : (u < 0n ? q - 1n : q);
          }),
        };
      }
      return { type: t, make: () => strict(1, up ? (x) => Math.ceil(x as number) : (x) => Math.floor(x as number)) };
    },
  });
  return numeric;
}

function temporalBind(def: FunctionDef, site: CallSite): { type: LogicalType; make: () => ScalarFn } | string {
  const t = def.inferType(site);
  return typeof t === 'string' ? t : { type: t, make: () => def.compile(site) };
}

function toJavaHex(x: bigint): string { return BigInt.asUintN(64, x).toString(16).toUpperCase(); }

const utf8 = new TextEncoder();

/** Numeric functions. */
export const mathFunctions: readonly FunctionDef[] = [
  defineFunction({
    name: 'ABS', signatures: ['ABS(<NUMERIC>)'],
    bind: (site) => {
      const err = checkArgs(site, ['NUMERIC']);
      if (err) return err;
      const t = site.argTypes[0] as LogicalType;
      const f: ScalarFn = t.kind === 'BIGINT' ? (x) => BigInt.asIntN(64, (x as bigint) < 0n ? -(x as bigint) : (x as bigint))
        : t.kind === 'DECIMAL' ? (x) => ((x as bigint) < 0n ? -(x as bigint) : x)
          : t.kind === 'INTEGER' ? (x) => Math.abs(x as number) | 0 : (x) => Math.abs(x as number);
      return { type: t, make: () => strict(1, f) };
    },
  }),
  ceilFloor('CEIL', temporalCeil), ceilFloor('CEILING', temporalCeil), ceilFloor('FLOOR', temporalFloor),
  roundLike('ROUND'), roundLike('TRUNCATE'),
  defineFunction({
    name: 'SIGN', signatures: ['SIGN(<NUMERIC>)'],
    bind: (site) => {
      const err = checkArgs(site, ['NUMERIC']);
      if (err) return err;
      const t = site.argTypes[0] as LogicalType;
      const f: ScalarFn = t.kind === 'BIGINT' ? (x) => ((x as bigint) > 0n ? 1n : (x as bigint) < 0n ? -1n : 0n)
        : t.kind === 'DECIMAL' ? ((one: bigint) => (x: unknown) => ((x as bigint) > 0n ? one : (x as bigint) < 0n ? -one : 0n))(pow10(t.scale))
          : (x) => Math.sign(x as number);
      return { type: t, make: () => strict(1, f) };
    },
  }),
  doubleFn('EXP', Math.exp), doubleFn('LN', Math.log), doubleFn('LOG10', Math.log10), doubleFn('LOG2', Math.log2),
  doubleFn('SQRT', Math.sqrt), doubleFn('ACOS', Math.acos), doubleFn('ASIN', Math.asin), doubleFn('ATAN', Math.atan),
  doubleFn('COS', Math.cos), doubleFn('COSH', Math.cosh), doubleFn('COT', (x) => 1 / Math.tan(x)),
  doubleFn('DEGREES', (x) => (x * 180) / Math.PI), doubleFn('RADIANS', (x) => (x / 180) * Math.PI),
  doubleFn('SIN', Math.sin), doubleFn('SINH', Math.sinh), doubleFn('TAN', Math.tan), doubleFn('TANH', Math.tanh),
  doubleFn2('ATAN2', Math.atan2), doubleFn2('POWER', Math.pow), doubleFn2('POW', Math.pow),
  defineFunction({
    name: 'LOG', signatures: ['LOG(<NUMERIC>)', 'LOG(<NUMERIC> base, <NUMERIC>)'],
    bind: (site) => {
      const err = checkArgs(site, ['NUMERIC', 'NUMERIC'], { min: 1 });
      if (err) return err;
      const a = numberReader(site.argTypes[0] as LogicalType);
      if (site.argTypes.length === 1) return { type: strictType(site, doubleType()), make: () => strict(1, (x) => Math.log(a(x))) };
      const b = numberReader(site.argTypes[1] as LogicalType);
      return { type: strictType(site, doubleType()), make: () => strict(2, (base, x) => Math.log(b(x)) / Math.log(a(base))) };
    },
  }),
  constant('PI', Math.PI), constant('E', Math.E),
  defineFunction({
    name: 'RAND', signatures: ['RAND()', 'RAND(<INTEGER> seed)'], deterministic: false,
    bind: (site) => {
      const err = checkArgs(site, ['INTEGER'], { min: 0 });
      if (err) return err;
      return {
        type: doubleType({ nullable: false }),
        make: () => {
          const seedLit = site.literals[0];
          const rnd = new JavaRandom(seedLit !== undefined && seedLit !== null ? BigInt(seedLit as number) : seedFrom(site));
          return () => rnd.nextDouble();
        },
      };
    },
  }),
  defineFunction({
    name: 'RAND_INTEGER', signatures: ['RAND_INTEGER(<INTEGER> bound)', 'RAND_INTEGER(<INTEGER> seed, <INTEGER> bound)'], deterministic: false,
    bind: (site) => {
      const err = checkArgs(site, ['INTEGER', 'INTEGER'], { min: 1 });
      if (err) return err;
      const two = site.argTypes.length === 2;
      const br = intReader(site.argTypes[two ? 1 : 0] as LogicalType);
      return {
        type: intType({ nullable: anyNullable(site) }),
        make: () => {
          const seedLit = two ? site.literals[0] : undefined;
          const rnd = new JavaRandom(seedLit !== undefined && seedLit !== null ? BigInt(seedLit as number) : seedFrom(site));
          return two ? strict(2, (_s, n) => rnd.nextInt(br(n))) : strict(1, (n) => rnd.nextInt(br(n)));
        },
      };
    },
  }),
  defineFunction({
    name: 'UUID', signatures: ['UUID()'], deterministic: false,
    bind: (site) => checkArgs(site, []) ?? { type: stringType({ nullable: false }), make: () => () => site.ctx.ids.uuid() },
  }),
  defineFunction({
    name: 'HEX', signatures: ['HEX(<INTEGER>)', 'HEX(<STRING>)'],
    bind: (site) => {
      const t = site.argTypes[0];
      if (site.argTypes.length !== 1 || t === undefined) return 'wrong number of arguments';
      if (isIntegerType(t)) {
        const big = t.kind === 'BIGINT';
        return { type: strictType(site, stringType()), make: () => strict(1, (x) => toJavaHex(big ? x as bigint : BigInt(x as number))) };
      }
      if (t.kind === 'CHAR' || t.kind === 'VARCHAR' || t.kind === 'NULL') {
        return { type: strictType(site, stringType()), make: () => strict(1, (x) => Buffer.from(utf8.encode(x as string)).toString('hex').toUpperCase()) };
      }
      if (isNumericType(t)) {
        const r = numberReader(t);
        return { type: strictType(site, stringType()), make: () => strict(1, (x) => toJavaHex(doubleToLong(r(x)))) };
      }
      return `argument 1 has type ${printType(t)}, expected INTEGER or STRING`;
    },
  }),
  defineFunction({
    name: 'UNHEX', signatures: ['UNHEX(<STRING>)'],
    bind: (site) => checkArgs(site, ['STRING']) ?? {
      type: bytesType(),
      make: () => strict(1, (x) => {
        let s = x as string;
        if (!/^[0-9a-fA-F]*$/.test(s)) return null;
        if (s.length % 2 === 1) s = '0' + s;
        return new Uint8Array(Buffer.from(s, 'hex'));
      }),
    },
  }),
  defineFunction({
    name: 'BIN', signatures: ['BIN(<INTEGER>)'],
    bind: (site) => {
      const err = checkArgs(site, ['INTEGER']);
      if (err) return err;
      const big = (site.argTypes[0] as LogicalType).kind === 'BIGINT';
      return { type: strictType(site, stringType()), make: () => strict(1, (x) => BigInt.asUintN(64, big ? x as bigint : BigInt(x as number)).toString(2)) };
    },
  }),
];

function seedFrom(site: CallSite): bigint {
  const b = site.ctx.ids.bytes(6);
  let s = 0n;
  for (const x of b) s = (s << 8n) | BigInt(x);
  return s;
}

