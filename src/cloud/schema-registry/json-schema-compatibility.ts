/**
 * JSON Schema compatibility, after Confluent's rules: can a consumer using `reader` validate every
 * document that `writer` accepted? Implemented rules (errorType names as Confluent's):
 * - TYPE_NARROWED / TYPE_CHANGED (TYPE_EXTENDED, integer→number, is compatible)
 * - PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL (unless the new property's schema is empty),
 *   PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
 *   REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL (optional ones, or with a default, are compatible)
 * - PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
 *   (removal from an open content model is compatible)
 * - ADDITIONAL_PROPERTIES_REMOVED (open → closed)
 * - REQUIRED_ATTRIBUTE_ADDED (unless the property has a default)
 * - ENUM_ARRAY_NARROWED / ENUM_ARRAY_CHANGED
 * - MAX_LENGTH_ADDED/DECREASED, MIN_LENGTH_ADDED/INCREASED, PATTERN_ADDED/CHANGED
 * - MAXIMUM_ADDED/DECREASED, MINIMUM_ADDED/INCREASED, EXCLUSIVE_MAXIMUM_*, EXCLUSIVE_MINIMUM_*, MULTIPLE_OF_ADDED/CHANGED
 * - MAX_ITEMS_ADDED/DECREASED, MIN_ITEMS_ADDED/INCREASED, UNIQUE_ITEMS_ADDED, items checked recursively
 * - SUM_TYPE_NARROWED (a oneOf/anyOf branch the reader lost), COMBINED_TYPE_CHANGED
 * `$ref`s to `#/definitions/…`, `#/$defs/…` and to referenced schemas by name are followed.
 */
import type { CompatibilityIssue, JsonSchemaNode } from './types.js';
import type { CompatibilityLabels } from './avro-compatibility.js';
import { isObject } from './stable-json.js';

type Node = { readonly [key: string]: unknown };

interface Doc {
  readonly root: JsonSchemaNode;
  readonly referenced: ReadonlyMap<string, JsonSchemaNode>;
}

interface Ctx {
  readonly labels: CompatibilityLabels;
  readonly issues: CompatibilityIssue[];
  readonly reader: Doc;
  readonly writer: Doc;
  depth: number;
}

/** Lists why `reader` may reject documents that `writer` accepted (empty when none). */
export function jsonSchemaCompatibilityIssues(reader: Doc, writer: Doc, labels: CompatibilityLabels): CompatibilityIssue[] {
  const ctx: Ctx = { labels, issues: [], reader, writer, depth: 0 };
  compare(writer.root, reader.root, '#', ctx);
  return ctx.issues;
}

function resolve(node: unknown, doc: Doc): Node | boolean {
  let cur = node;
  for (let hops = 0; hops < 32 && isObject(cur) && typeof cur['$ref'] === 'string'; hops++) {
    const ref = cur['$ref'];
    const [file, pointer] = ref.includes('#') ? [ref.slice(0, ref.indexOf('#')), ref.slice(ref.indexOf('#') + 1)] : [ref, ''];
    const base = file === '' ? doc.root : doc.referenced.get(file);
    if (base === undefined) return true;
    cur = pointer.split('/').filter((s) => s !== '').reduce<unknown>((n, seg) => (isObject(n) ? n[decodeURIComponent(seg.replace(/~1/g, '/').replace(/~0/g, '~'))] : undefined), base);
  }
  return typeof cur === 'boolean' ? cur : isObject(cur) ? cur : true;
}

function types(n: Node): Set<string> | undefined {
  const t = n['type'];
  if (typeof t === 'string') return new Set([t]);
  if (Array.isArray(t)) return new Set(t.filter((x): x is string => typeof x === 'string'));
  return undefined;
}

function covers(readerTypes: Set<string>, writerType: string): boolean {
  return readerTypes.has(writerType) || (writerType === 'integer' && readerTypes.has('number'));
}

function add(ctx: Ctx, errorType: string, path: string, description: string): void {
  ctx.issues.push({ errorType, description, additionalInfo: path });
}

/** `w` is the writer's (sub)schema, `r` the reader's, both at `path`. */
function compare(wRaw: unknown, rRaw: unknown, path: string, ctx: Ctx): void {
  if (ctx.depth > 64) return;
  const w = resolve(wRaw, ctx.writer);
  const r = resolve(rRaw, ctx.reader);
  if (r === true || (isObject(r) && Object.keys(r).length === 0)) return;
  if (w === false) return;
  if (r === false || w === true) {
    add(ctx, 'TYPE_NARROWED', path, `The ${ctx.labels.reader} schema accepts fewer values than the ${ctx.labels.writer} schema at path '${path}'`);
    return;
  }
  ctx.depth++;
  try {
    if (compareCombined(w, r, path, ctx)) return;
    const wt = types(w);
    const rt = types(r);
    if (rt !== undefined) {
      if (wt === undefined) {
        add(ctx, 'TYPE_NARROWED', path, `The type at path '${path}' in the ${ctx.labels.reader} schema is narrower than in the ${ctx.labels.writer} schema`);
        return;
      }
      const lost = [...wt].filter((t) => !covers(rt, t));
      if (lost.length > 0) {
        // narrowed: every reader type was allowed by the writer (integer counts as a kind of number)
        const narrowed = [...rt].every((t) => covers(wt, t));
        const shared = narrowed || [...wt].some((t) => covers(rt, t));
        add(ctx, narrowed ? 'TYPE_NARROWED' : 'TYPE_CHANGED', path, `The type at path '${path}' changed from ${JSON.stringify([...wt])} in the ${ctx.labels.writer} schema to ${JSON.stringify([...rt])} in the ${ctx.labels.reader} schema`);
        if (!shared) return;
      }
    }
    compareObject(w, r, path, ctx);
    compareLimits(w, r, path, ctx);
    compareEnum(w, r, path, ctx);
    if (r['items'] !== undefined && !Array.isArray(r['items'])) compare(w['items'] ?? true, r['items'], `${path}/items`, ctx);
  } finally {
    ctx.depth--;
  }
}

const SUM = ['oneOf', 'anyOf'] as const;

/** Handles oneOf/anyOf/allOf; returns true when the nodes were fully handled here. */
function compareCombined(w: Node, r: Node, path: string, ctx: Ctx): boolean {
  const rk = SUM.find((k) => Array.isArray(r[k]));
  const wk = SUM.find((k) => Array.isArray(w[k]));
  if (rk === undefined && wk === undefined) return false;
  const rBranches = rk === undefined ? [r] : (r[rk] as unknown[]);
  const wBranches = wk === undefined ? [w] : (w[wk] as unknown[]);
  wBranches.forEach((wb, i) => {
    const ok = rBranches.some((rb) => {
      const probe: Ctx = { ...ctx, issues: [] };
      compare(wb, rb, path, probe);
      return probe.issues.length === 0;
    });
    if (!ok) {
      const p = wk === undefined ? path : `${path}/${wk}/${i}`;
      add(ctx, rk === undefined ? 'COMBINED_TYPE_CHANGED' : 'SUM_TYPE_NARROWED', p, `The ${ctx.labels.reader} schema has no alternative accepting the values of '${p}' in the ${ctx.labels.writer} schema`);
    }
  });
  return true;
}

function additional(n: Node): 'open' | 'closed' | Node {
  const ap = n['additionalProperties'];
  if (ap === false) return 'closed';
  if (isObject(ap) && Object.keys(ap).length > 0) return ap;
  return 'open';
}

function props(n: Node): Node {
  const p = n['properties'];
  return isObject(p) ? p : {};
}

function required(n: Node): Set<string> {
  const rq = n['required'];
  return new Set(Array.isArray(rq) ? rq.filter((x): x is string => typeof x === 'string') : []);
}

function isEmptySchema(s: unknown): boolean {
  return s === true || (isObject(s) && Object.keys(s).length === 0);
}

/** True when every value `writerSchema` accepts is accepted by `readerSchema`. */
function accepts(writerSchema: unknown, readerSchema: unknown, ctx: Ctx): boolean {
  const probe: Ctx = { ...ctx, issues: [] };
  compare(writerSchema, readerSchema, '#', probe);
  return probe.issues.length === 0;
}

function compareObject(w: Node, r: Node, path: string, ctx: Ctx): void {
  const wp = props(w);
  const rp = props(r);
  const wAdd = additional(w);
  const rAdd = additional(r);
  const L = ctx.labels;
  for (const name of Object.keys(rp)) {
    const p = `${path}/properties/${name}`;
    if (name in wp) {
      compare(wp[name], rp[name], p, ctx);
      continue;
    }
    if (wAdd === 'open') {
      if (!isEmptySchema(rp[name])) add(ctx, 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', p, `The ${L.reader} schema has a property at path '${p}' which is missing in the ${L.writer} schema, whose content model is open`);
    } else if (wAdd === 'closed') {
      const rq = required(r).has(name) && !(isObject(rp[name]) && 'default' in rp[name]);
      if (rq) add(ctx, 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', p, `The ${L.reader} schema has a required property at path '${p}' which is missing in the ${L.writer} schema`);
    } else if (!accepts(wAdd, rp[name], ctx)) {
      add(ctx, 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', p, `The ${L.reader} schema has a property at path '${p}' not covered by the additionalProperties of the ${L.writer} schema`);
    }
  }
  for (const name of Object.keys(wp)) {
    if (name in rp) continue;
    const p = `${path}/properties/${name}`;
    if (rAdd === 'closed') add(ctx, 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', p, `The ${L.reader} schema has a closed content model and is missing the property at path '${p}' of the ${L.writer} schema`);
    else if (rAdd !== 'open' && !accepts(wp[name], rAdd, ctx)) add(ctx, 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', p, `The property at path '${p}' of the ${L.writer} schema is not covered by the additionalProperties of the ${L.reader} schema`);
  }
  if (wAdd !== 'closed' && rAdd === 'closed' && (isObject(w['properties']) || isObject(r['properties']))) {
    add(ctx, 'ADDITIONAL_PROPERTIES_REMOVED', `${path}/additionalProperties`, `The ${L.reader} schema closed the content model at path '${path}' (additionalProperties false)`);
  } else if (isObject(wAdd) && isObject(rAdd)) {
    compare(wAdd, rAdd, `${path}/additionalProperties`, ctx);
  }
  const wr = required(w);
  for (const name of required(r)) {
    if (wr.has(name) || !(name in wp)) continue;
    const hasDefault = isObject(rp[name]) && 'default' in (rp[name] as Node);
    if (!hasDefault) add(ctx, 'REQUIRED_ATTRIBUTE_ADDED', `${path}/required/${name}`, `The property '${name}' at path '${path}/properties/${name}' is required in the ${L.reader} schema but not in the ${L.writer} schema`);
  }
}

/** [keyword, kind]: 'max' limits may not appear or shrink, 'min' limits may not appear or grow. */
const LIMITS: readonly (readonly [string, 'max' | 'min', string])[] = [
  ['maxLength', 'max', 'MAX_LENGTH'], ['minLength', 'min', 'MIN_LENGTH'],
  ['maximum', 'max', 'MAXIMUM'], ['minimum', 'min', 'MINIMUM'],
  ['exclusiveMaximum', 'max', 'EXCLUSIVE_MAXIMUM'], ['exclusiveMinimum', 'min', 'EXCLUSIVE_MINIMUM'],
  ['maxItems', 'max', 'MAX_ITEMS'], ['minItems', 'min', 'MIN_ITEMS'],
  ['maxProperties', 'max', 'MAX_PROPERTIES'], ['minProperties', 'min', 'MIN_PROPERTIES'],
];

function compareLimits(w: Node, r: Node, path: string, ctx: Ctx): void {
  for (const [kw, kind, code] of LIMITS) {
    const rv = r[kw];
    const wv = w[kw];
    if (typeof rv !== 'number') continue;
    if (typeof wv !== 'number') add(ctx, `${code}_ADDED`, `${path}/${kw}`, `'${kw}' ${rv} was added at path '${path}' in the ${ctx.labels.reader} schema`);
    else if (kind === 'max' ? rv < wv : rv > wv) add(ctx, `${code}_${kind === 'max' ? 'DECREASED' : 'INCREASED'}`, `${path}/${kw}`, `'${kw}' changed from ${wv} to ${rv} at path '${path}' in the ${ctx.labels.reader} schema`);
  }
  if (typeof r['pattern'] === 'string' && r['pattern'] !== w['pattern']) {
    add(ctx, w['pattern'] === undefined ? 'PATTERN_ADDED' : 'PATTERN_CHANGED', `${path}/pattern`, `'pattern' ${JSON.stringify(r['pattern'])} at path '${path}' in the ${ctx.labels.reader} schema differs from the ${ctx.labels.writer} schema`);
  }
  if (typeof r['multipleOf'] === 'number' && r['multipleOf'] !== w['multipleOf']) {
    const wm = w['multipleOf'];
    const divides = typeof wm === 'number' && Number.isInteger(wm / r['multipleOf']);
    if (!divides) add(ctx, wm === undefined ? 'MULTIPLE_OF_ADDED' : 'MULTIPLE_OF_CHANGED', `${path}/multipleOf`, `'multipleOf' at path '${path}' in the ${ctx.labels.reader} schema is stricter than in the ${ctx.labels.writer} schema`);
  }
  if (r['uniqueItems'] === true && w['uniqueItems'] !== true) add(ctx, 'UNIQUE_ITEMS_ADDED', `${path}/uniqueItems`, `'uniqueItems' was added at path '${path}' in the ${ctx.labels.reader} schema`);
}

function compareEnum(w: Node, r: Node, path: string, ctx: Ctx): void {
  const re = r['enum'];
  if (!Array.isArray(re)) return;
  const we = w['enum'];
  const key = (v: unknown): string => JSON.stringify(v);
  const rs = new Set(re.map(key));
  if (!Array.isArray(we)) {
    add(ctx, 'ENUM_ARRAY_NARROWED', `${path}/enum`, `An enum was added at path '${path}' in the ${ctx.labels.reader} schema`);
    return;
  }
  const lost = we.filter((v) => !rs.has(key(v)));
  if (lost.length === 0) return;
  const changed = we.length === re.length;
  add(ctx, changed ? 'ENUM_ARRAY_CHANGED' : 'ENUM_ARRAY_NARROWED', `${path}/enum`, `The ${ctx.labels.reader} schema at path '${path}' is missing enum values ${JSON.stringify(lost)} of the ${ctx.labels.writer} schema`);
}
