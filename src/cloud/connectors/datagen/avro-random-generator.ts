/**
 * The Avro Random Generator's `arg.properties` semantics (Confluent's avro-random-generator, as
 * the Datagen connector uses it). Per node, `options` wins over `iteration`, which wins over the
 * per-type generation:
 * - options: a uniform pick from the list (on a record: whole records);
 * - iteration: `start`, `step` (default ±1), `restart` (wrap), `initial`, continuing from
 *   `generation` (the task's record count), for int/long/float/double/boolean and for strings
 *   (an int counter with prefix/suffix);
 * - range: uniform in [min, max) for int/long/float/double;
 * - length: strings, bytes, arrays, maps (number = exact, {min,max} = [min, max), default 8..16);
 * - regex (strings, bounded by length), prefix/suffix (strings), keys (map keys), odds (booleans:
 *   probability of true), position (a union field's branch, given on the field).
 * Faithful quirks kept on purpose: field-level `arg.properties` are ignored except `position`;
 * `range` on decimals is ignored; unannotated strings are random 7-bit ASCII.
 * One deviation: unannotated longs are uniform over the safe integers, not all 64-bit values.
 */
import { buildSchemaModel } from './avro-schema-model.js';
import type { FieldModel, PrimitiveName, SchemaModel } from './avro-schema-model.js';
import { exclusive, integerField, iterationSequence, lengthBounds, numberField, rangeProps, stringProp } from './arg-properties.js';
import type { LengthBounds, Sequence } from './arg-properties.js';
import { optionValues } from './option-values.js';
import { RegexStringGenerator } from './regex-string-generator.js';
import { RandomSource } from './random-source.js';
import { DatagenSchemaError } from './datagen-schema-error.js';
import { RegexSyntaxError } from './regex-parser.js';
import type { AvroDatum, JsonObject, JsonValue } from './types.js';

type Gen = () => AvroDatum;

/** Options of a generator. */
export interface GeneratorOptions {
  /** The random source; the task re-seeds it between records. */
  readonly random: RandomSource;
  /** Records generated before (iteration counters start there). */
  readonly generation?: number;
}

/** Generates random datums for one schema; compile errors throw DatagenSchemaError. */
export class AvroRandomGenerator {
  readonly schema: SchemaModel;
  readonly #rng: RandomSource;
  readonly #generation: number;
  readonly #gens = new Map<SchemaModel, Gen>();
  readonly #root: Gen;

  constructor(schema: JsonValue | SchemaModel, opts: GeneratorOptions) {
    this.schema = isModel(schema) ? schema : buildSchemaModel(schema);
    this.#rng = opts.random;
    this.#generation = opts.generation ?? 0;
    this.#root = this.#gen(this.schema);
  }

  /** One random datum. */
  generate(): AvroDatum {
    return this.#root();
  }

  #gen(s: SchemaModel): Gen {
    const cached = this.#gens.get(s);
    if (cached !== undefined) return cached;
    // Records may be recursive: register a forwarding thunk before compiling the body.
    let body: Gen | undefined;
    const forward: Gen = () => (body ?? fail('recursive type used before it was compiled'))();
    this.#gens.set(s, forward);
    try {
      body = this.#compile(s);
    } catch (e) {
      if (e instanceof RegexSyntaxError) throw new DatagenSchemaError(e.message);
      throw e;
    }
    this.#gens.set(s, body);
    return body;
  }

  #compile(s: SchemaModel): Gen {
    const rng = this.#rng;
    const props = s.props;
    if (Object.hasOwn(props, 'options')) {
      exclusive(props, 'options', ['length', 'regex', 'iteration', 'range']);
      const options = optionValues(s, props['options'] ?? null);
      return () => options[rng.nextInt(options.length)] ?? null;
    }
    if (Object.hasOwn(props, 'iteration')) return this.#iteration(s, props);
    switch (s.kind) {
      case 'record': return this.#record(s.fields);
      case 'enum': return () => s.symbols[rng.nextInt(s.symbols.length)] ?? null;
      case 'fixed': {
        if (s.logicalType === 'decimal') return () => fitFixed(decimalBytes(rng, s.precision ?? 1), s.size);
        return () => rng.nextBytes(s.size);
      }
      case 'array': {
        const items = this.#gen(s.items);
        const len = lengthBounds(props);
        return () => Array.from({ length: pickLength(rng, len) }, () => items());
      }
      case 'map': return this.#map(s.values, props);
      case 'union': return this.#union(s.branches, undefined);
      case 'primitive': return this.#primitive(s.type, props, s.logicalType, s.precision);
    }
  }

  #iteration(s: SchemaModel, props: JsonObject): Gen {
    if (s.kind !== 'primitive' || s.type === 'null' || s.type === 'bytes') {
      fail(`iteration property can only be specified on numeric, boolean or string schemas, not ${s.kind === 'primitive' ? s.type : s.kind} schema`);
    }
    if (s.type === 'string') {
      const seq: Sequence = iterationSequence(props, 'int', this.#generation);
      const affix = affixes(props);
      return () => affix(String(seq.next()));
    }
    const seq = iterationSequence(props, s.type, this.#generation);
    return () => seq.next();
  }

  #record(fields: readonly FieldModel[]): Gen {
    const parts = fields.map((f) => {
      const position = f.type.kind === 'union' ? integerField('arg.properties', 'position', f.args) : undefined;
      return { name: f.name, gen: f.type.kind === 'union' && position !== undefined ? this.#union(f.type.branches, position) : this.#gen(f.type) };
    });
    return () => {
      const out: Record<string, AvroDatum> = {};
      for (const p of parts) out[p.name] = p.gen();
      return out;
    };
  }

  #union(branches: readonly SchemaModel[], position: number | undefined): Gen {
    const gens = branches.map((b) => this.#gen(b));
    if (position !== undefined) {
      const g = gens[position];
      if (g === undefined) fail(`position ${position} is outside the union's ${gens.length} branches`);
      return g;
    }
    return () => (gens[this.#rng.nextInt(gens.length)] ?? fail('union branch'))();
  }

  #map(values: SchemaModel, props: JsonObject): Gen {
    const rng = this.#rng;
    const valueGen = this.#gen(values);
    const len = lengthBounds(props);
    const keysProp = props['keys'];
    let keyGen: () => string;
    if (keysProp === undefined || keysProp === null) keyGen = () => asciiString(rng, 1);
    else if (typeof keysProp !== 'object' || Array.isArray(keysProp)) fail('keys prop must be an object');
    else {
      const keyProps = keysProp as JsonObject;
      if (Object.hasOwn(keyProps, 'options')) {
        const opts = optionValues({ kind: 'primitive', type: 'string', props: {} }, keyProps['options'] ?? null);
        keyGen = () => String(opts[rng.nextInt(opts.length)]);
      } else {
        const g = this.#stringGen(keyProps);
        keyGen = () => g();
      }
    }
    return () => {
      const out: Record<string, AvroDatum> = {};
      const n = pickLength(rng, len);
      for (let i = 0; i < n; i++) out[keyGen()] = valueGen();
      return out;
    };
  }

  #primitive(type: PrimitiveName, props: JsonObject, logicalType: string | undefined, precision: number | undefined): Gen {
    const rng = this.#rng;
    switch (type) {
      case 'null': return () => null;
      case 'boolean': {
        const odds = numberField('arg.properties', 'odds', props);
        if (odds === undefined) return () => rng.nextBoolean();
        if (odds < 0 || odds > 1) fail('odds property must be in the range [0.0, 1.0]');
        return () => rng.nextDouble() < odds;
      }
      case 'int': case 'long': {
        const range = rangeProps(props);
        if (range === undefined) return type === 'int' ? () => rng.nextInt32() : () => rng.nextSafeInteger();
        const min = integerField('range', 'min', range) ?? (type === 'int' ? -2147483648 : -Number.MAX_SAFE_INTEGER);
        const max = integerField('range', 'max', range) ?? (type === 'int' ? 2147483647 : Number.MAX_SAFE_INTEGER);
        if (min >= max) fail("'min' field must be strictly less than 'max' field in range property");
        return () => min + Math.floor(rng.nextDouble() * (max - min));
      }
      case 'float': case 'double': {
        const isFloat = type === 'float';
        const range = rangeProps(props);
        if (range === undefined) return isFloat ? () => rng.nextFloat() : () => rng.nextDouble();
        const limit = isFloat ? 3.4028234663852886e38 : Number.MAX_VALUE;
        const min = numberField('range', 'min', range) ?? -limit;
        const max = numberField('range', 'max', range) ?? limit;
        if (min >= max) fail("'min' field must be strictly less than 'max' field in range property");
        return isFloat ? () => Math.fround(min + rng.nextFloat() * (max - min)) : () => min + rng.nextDouble() * (max - min);
      }
      case 'bytes': {
        if (logicalType === 'decimal') return () => decimalBytes(rng, precision ?? 1);
        const len = lengthBounds(props);
        return () => rng.nextBytes(pickLength(rng, len));
      }
      case 'string': return this.#stringGen(props);
    }
  }

  #stringGen(props: JsonObject): () => string {
    const rng = this.#rng;
    const len = lengthBounds(props);
    const affix = affixes(props);
    const regex = stringProp(props, 'regex');
    if (regex === undefined) return () => affix(asciiString(rng, pickLength(rng, len)));
    const gen = new RegexStringGenerator(regex, Math.min(len.max, 256));
    return () => affix(gen.generate(rng, len.min, len.max - 1));
  }
}

function isModel(v: JsonValue | SchemaModel): v is SchemaModel {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { kind?: unknown }).kind === 'string' && Object.hasOwn(v, 'props');
}

function affixes(props: JsonObject): (s: string) => string {
  const prefix = stringProp(props, 'prefix') ?? '';
  const suffix = stringProp(props, 'suffix') ?? '';
  return (s) => prefix + s + suffix;
}

function pickLength(rng: RandomSource, b: LengthBounds): number {
  return b.min + rng.nextInt(b.max - b.min);
}

/** A string of random 7-bit ASCII characters (the generator's unannotated strings and map keys). */
function asciiString(rng: RandomSource, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(rng.nextInt(128));
  return s;
}

/** A random decimal of `precision` digits with a random sign, as big-endian two's complement. */
function decimalBytes(rng: RandomSource, precision: number): Buffer {
  let v = 0n;
  let digits = 0;
  for (; digits < precision; digits += 15) v = v * 1_000_000_000_000_000n + BigInt(Math.floor(rng.nextDouble() * 1e15));
  v /= 10n ** BigInt(digits - precision);
  if (rng.nextBoolean()) v = -v;
  return twosComplement(v);
}

/** Minimal big-endian two's-complement bytes (Java's BigInteger.toByteArray). */
export function twosComplement(v: bigint): Buffer {
  let n = 1;
  while (v < -(1n << BigInt(8 * n - 1)) || v >= 1n << BigInt(8 * n - 1)) n++;
  const hex = BigInt.asUintN(8 * n, v).toString(16).padStart(2 * n, '0');
  return Buffer.from(hex, 'hex');
}

function fitFixed(b: Buffer, size: number): Buffer {
  if (b.length === size) return b;
  if (b.length > size) return b.subarray(b.length - size);
  const fill = (b[0] ?? 0) & 0x80 ? 0xff : 0x00;
  return Buffer.concat([Buffer.alloc(size - b.length, fill), b]);
}

function fail(message: string): never {
  throw new DatagenSchemaError(message);
}
