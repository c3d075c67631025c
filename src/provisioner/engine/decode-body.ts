/**
 * Decodes a resource, data source or provider body against its schema: evaluates every
 * attribute, converts it to the declared type, applies defaults, expands `dynamic` blocks and
 * reports unknown, missing and mistyped arguments with their location and a did-you-mean.
 * The result is the config object the provider sees (every schema attribute present, null when
 * unset; single nested blocks as an object or null, list/set blocks as arrays).
 */
import type { Diagnostic, SourceRange } from '../../shared/index.js';
import { errorDiag, suggestion } from '../../shared/index.js';
import type { Attribute, Block, Body } from '../config/index.js';
import type { Expr } from '../lang/index.js';
import { convertToType } from '../lang/index.js';
import type { EvalScope, Reference } from '../lang/index.js';
import type { MarkedValue, ObjectValue, Value } from '../lang/index.js';
import { isUnknown, isWhollyKnown, UNKNOWN } from '../lang/index.js';
import type { AttributeSchema, BlockSchema, NestedBlockSchema } from '../provider/index.js';

/** Meta-argument blocks every resource accepts: suggested for misspelt block names. */
const META_BLOCKS = ['lifecycle', 'dynamic', 'provisioner', 'connection'];

/** Evaluates one expression from `file` in `scope`. */
export type ExprEvaluator = (expr: Expr, file: string, scope: EvalScope) => { value?: MarkedValue; diagnostics: readonly Diagnostic[] };

export interface DecodeResult {
  readonly value: ObjectValue;
  /** Paths (Terraform bracket notation) whose values are sensitive. */
  readonly sensitivePaths: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

interface DecodeCtx {
  readonly evaluate: ExprEvaluator;
  readonly diagnostics: Diagnostic[];
  readonly sensitive: string[];
  readonly what: string;
  readonly address?: string;
  /** validate: a dynamic block whose for_each is unknown makes that block type unknown. */
  readonly unknownDynamic: boolean;
}

function pathJoin(base: string, name: string): string {
  return base ? `${base}.${name}` : name;
}

/** A scope that also answers for `dynamic` block iterators (`rule.value`, `rule.key`). */
function iteratorScope(outer: EvalScope, name: string, key: Value, value: MarkedValue): EvalScope {
  return {
    ...(outer.sensitivePaths ? { sensitivePaths: (ref: Reference) => outer.sensitivePaths!(ref) } : {}),
    lookup(ref: Reference): MarkedValue | undefined {
      if (ref.kind === 'resource' && ref.type === name) {
        if (ref.name === 'value') return value;
        if (ref.name === 'key') return { value: key, sensitive: false };
      }
      return outer.lookup(ref);
    },
  };
}

function decodeAttribute(a: Attribute, schema: AttributeSchema, path: string, scope: EvalScope, c: DecodeCtx): Value {
  const r = c.evaluate(a.expr, a.range.file, scope);
  c.diagnostics.push(...r.diagnostics.map((d) => (c.address && !d.address ? { ...d, address: c.address } : d)));
  if (!r.value) return null;
  if (r.value.sensitive || schema.sensitive) c.sensitive.push(path);
  const raw = r.value.value;
  if (raw === null) return schema.default ?? null;
  const conv = convertToType(raw, schema.type);
  if (conv.value === undefined) {
    const why = conv.diagnostics.map((d) => d.detail ?? d.summary).join('; ');
    c.diagnostics.push(errorDiag('config-attribute-type', `Incorrect attribute value type`, { detail: `Inappropriate value for attribute "${path}": ${why}.`, range: a.range, address: c.address }));
    return null;
  }
  const v = conv.value;
  if (!isUnknown(v) && isWhollyKnown(v)) {
    if (schema.oneOf && typeof v === 'string' && !schema.oneOf.includes(v)) {
      c.diagnostics.push(errorDiag('config-attribute-value', `Invalid value for "${path}"`, { detail: `"${v}" is not allowed; expected one of ${schema.oneOf.map((x) => `"${x}"`).join(', ')}.${suggestion(v, schema.oneOf)}`, range: a.range, address: c.address }));
    }
    const msg = schema.validate?.(v);
    if (msg) c.diagnostics.push(errorDiag('config-attribute-value', `Invalid value for "${path}"`, { detail: msg, range: a.range, address: c.address }));
  }
  return v;
}

function blockFromAttribute(a: Attribute): Block[] | undefined {
  // .tf.json bodies (and `x = { ... }` written for a block) arrive as object/tuple expressions.
  const toBody = (e: Expr): Body | undefined => {
    if (e.kind !== 'object') return undefined;
    const attributes = new Map<string, Attribute>();
    for (const item of e.items) {
      if (item.key.kind !== 'literal' || typeof item.key.value !== 'string') return undefined;
      attributes.set(item.key.value, { name: item.key.value, expr: item.value, range: a.range });
    }
    return { attributes, blocks: [], range: a.range };
  };
  const items = a.expr.kind === 'tuple' ? a.expr.items : [a.expr];
  const out: Block[] = [];
  for (const it of items) {
    const b = toBody(it);
    if (!b) return undefined;
    out.push({ type: a.name, labels: [], body: b, range: a.range });
  }
  return out;
}

function decodeBlockBody(body: Body, schema: BlockSchema, path: string, scope: EvalScope, c: DecodeCtx): ObjectValue {
  const out: Record<string, Value> = {};
  const blockSchemas = schema.blocks ?? {};
  const blocksByType = new Map<string, ScopedBlock[]>();
  const unknownTypes = new Set<string>();
  for (const b of body.blocks) {
    if (b.type === 'dynamic') { if (expandDynamic(b, schema, scope, c, blocksByType) === 'unknown') unknownTypes.add(b.labels[0] ?? ''); continue; }
    const list = blocksByType.get(b.type) ?? [];
    list.push({ block: b, scope });
    blocksByType.set(b.type, list);
  }
  for (const [name, a] of body.attributes) {
    const as = schema.attributes[name];
    if (!as) {
      if (blockSchemas[name]) {
        const bl = blockFromAttribute(a);
        if (bl) { blocksByType.set(name, [...(blocksByType.get(name) ?? []), ...bl.map((block) => ({ block, scope }))]); continue; }
        c.diagnostics.push(errorDiag('config-unknown-attribute', `Unsupported argument`, { detail: `An argument named "${name}" is not expected here. Did you mean to define a block of type "${name}"? Write it as ${name} { ... }.`, range: a.range, address: c.address }));
        continue;
      }
      c.diagnostics.push(errorDiag('config-unknown-attribute', `Unsupported argument`, { detail: `An argument named "${name}" is not expected in ${c.what}.${suggestion(name, [...Object.keys(schema.attributes), ...Object.keys(blockSchemas), ...(path ? [] : ['count', 'for_each', 'depends_on', 'provider'])])}`, range: a.range, address: c.address }));
      continue;
    }
    if (as.computed && !as.optional && !as.required) {
      c.diagnostics.push(errorDiag('config-computed-attribute', `Invalid argument "${name}"`, { detail: `"${name}" is set by the provider and cannot be configured in ${c.what}.`, range: a.range, address: c.address }));
      continue;
    }
    out[name] = decodeAttribute(a, as, pathJoin(path, name), scope, c);
  }
  for (const [name, as] of Object.entries(schema.attributes)) {
    if (name in out) continue;
    if (as.required) {
      c.diagnostics.push(errorDiag('config-missing-argument', `Missing required argument`, { detail: `The argument "${pathJoin(path, name)}" is required, but no definition was found in ${c.what}.`, range: body.range, address: c.address }));
      out[name] = null;
      continue;
    }
    out[name] = as.default !== undefined ? as.default : null;
    if (as.sensitive) c.sensitive.push(pathJoin(path, name));
  }
  for (const type of unknownTypes) out[type] = UNKNOWN;
  for (const [type, blocks] of blocksByType) {
    if (unknownTypes.has(type)) continue;
    const bs = blockSchemas[type];
    if (!bs) {
      c.diagnostics.push(errorDiag('config-unknown-block', `Unsupported block type`, { detail: `Blocks of type "${type}" are not expected in ${c.what}.${suggestion(type, [...Object.keys(blockSchemas), ...(path ? [] : META_BLOCKS)])}`, range: blocks[0]!.block.range, address: c.address }));
      continue;
    }
    out[type] = decodeNested(type, blocks, bs, path, c);
  }
  for (const [type, bs] of Object.entries(blockSchemas)) {
    if (type in out) continue;
    if (bs.required || (bs.minItems ?? 0) > 0) {
      c.diagnostics.push(errorDiag('config-missing-block', `Missing required block`, { detail: `${bs.nesting === 'single' ? 'A' : `At least ${bs.minItems ?? 1}`} "${pathJoin(path, type)}" block is required in ${c.what}.`, range: body.range, address: c.address }));
    }
    out[type] = bs.nesting === 'single' ? null : [];
  }
  return out;
}

interface ScopedBlock {
  readonly block: Block;
  readonly scope: EvalScope;
}

function decodeNested(type: string, blocks: readonly ScopedBlock[], bs: NestedBlockSchema, path: string, c: DecodeCtx): Value {
  const p = pathJoin(path, type);
  if (bs.nesting === 'single') {
    if (blocks.length > 1) c.diagnostics.push(errorDiag('config-too-many-blocks', `Too many "${type}" blocks`, { detail: `No more than 1 "${type}" block is allowed in ${c.what}.`, range: blocks[1]!.block.range, address: c.address }));
    const v = decodeBlockBody(blocks[0]!.block.body, bs.block, p, blocks[0]!.scope, c);
    if (bs.sensitive) c.sensitive.push(p);
    return v;
  }
  if (bs.maxItems !== undefined && blocks.length > bs.maxItems) c.diagnostics.push(errorDiag('config-too-many-blocks', `Too many "${type}" blocks`, { detail: `No more than ${bs.maxItems} "${type}" blocks are allowed in ${c.what}.`, range: blocks[bs.maxItems]!.block.range, address: c.address }));
  if (bs.minItems !== undefined && blocks.length < bs.minItems) c.diagnostics.push(errorDiag('config-missing-block', `Not enough "${type}" blocks`, { detail: `At least ${bs.minItems} "${type}" blocks are required in ${c.what}.`, range: blocks[0]?.block.range ?? ({ file: '', start: { line: 1, column: 1 } } as SourceRange), address: c.address }));
  const items = blocks.map((b, i) => decodeBlockBody(b.block.body, bs.block, `${p}[${i}]`, b.scope, c));
  if (bs.sensitive) c.sensitive.push(p);
  return items;
}

function expandDynamic(b: Block, schema: BlockSchema, scope: EvalScope, c: DecodeCtx, into: Map<string, ScopedBlock[]>): 'unknown' | undefined {
  const name = b.labels[0] ?? '';
  const fe = b.body.attributes.get('for_each');
  const content = b.body.blocks.find((x) => x.type === 'content');
  if (!fe || !content) {
    c.diagnostics.push(errorDiag('config-dynamic', `Invalid dynamic block "${name}"`, { detail: 'A dynamic block needs for_each and a content block.', range: b.range, address: c.address }));
    return;
  }
  const bs = schema.blocks?.[name];
  if (!bs) {
    c.diagnostics.push(errorDiag('config-unknown-block', `Unsupported block type`, { detail: `Blocks of type "${name}" are not expected in ${c.what}.${suggestion(name, Object.keys(schema.blocks ?? {}))}`, range: b.range, address: c.address }));
    return;
  }
  const it = b.body.attributes.get('iterator');
  const iterName = it && it.expr.kind === 'traversal' ? it.expr.root : name;
  const coll = c.evaluate(fe.expr, fe.range.file, scope);
  c.diagnostics.push(...coll.diagnostics);
  if (!coll.value) return;
  const v = coll.value.value;
  if (isUnknown(v)) {
    // Terraform makes the block unknown; validate does the same (its values are all unknown).
    if (c.unknownDynamic) return 'unknown';
    c.diagnostics.push(errorDiag('config-dynamic-unknown', `Invalid dynamic for_each value`, { detail: `The for_each of dynamic "${name}" depends on values known only after apply. Use values known at plan time.`, range: fe.range, address: c.address }));
    return;
  }
  const entries: [Value, Value][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : v !== null && typeof v === 'object' ? Object.entries(v as ObjectValue) : [];
  const list = into.get(name) ?? [];
  for (const [k, val] of entries) {
    const inner = iteratorScope(scope, iterName, k, { value: val, sensitive: coll.value.sensitive });
    list.push({ block: { type: name, labels: [], body: content.body, range: content.range }, scope: inner });
  }
  into.set(name, list);
  return undefined;
}

/** Decodes `body` against `schema`; `what` names the block in messages ("resource \"random_id\" \"r\""). */
export function decodeBody(body: Body, schema: BlockSchema, scope: EvalScope, evaluate: ExprEvaluator, opts: { what: string; address?: string; unknownDynamic?: boolean }): DecodeResult {
  const c: DecodeCtx = {
    evaluate: (expr, file, s) => evaluate(expr, file, s),
    diagnostics: [], sensitive: [], what: opts.what, ...(opts.address ? { address: opts.address } : {}), unknownDynamic: opts.unknownDynamic ?? false,
  };
  const value = decodeBlockBody(body, schema, '', scope, c);
  return { value, sensitivePaths: [...new Set(c.sensitive)].sort(), diagnostics: c.diagnostics };
}
