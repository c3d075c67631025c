/**
 * Reading attribute values out of a configuration without running it: literals, templates and
 * heredocs, references to variables (their defaults), locals and other resources' attributes
 * (resolved from those resources' own bodies when constant), and function calls over constants.
 * What cannot be known before apply reads as a placeholder such as
 * `${confluent_kafka_topic.orders.id}`, so the result is always something a person can read.
 */
import type { ModuleConfig, ResourceConfig } from '../../provisioner/config/index.js';
import { evaluate, isObjectValue, isUnknown, isWhollyKnown } from '../../provisioner/lang/index.js';
import type { EvalScope, Expr, Step, TemplatePart, Value } from '../../provisioner/lang/index.js';

/** A value read from configuration: `known` false when placeholders stand in for parts of it. */
export interface ConfigText {
  readonly text: string;
  readonly known: boolean;
}

/** One instance of a resource: its address and a reader with its each.* / count.index bound. */
export interface ResourceInstance {
  readonly address: string;
  readonly reader: ValueReader;
}

/** each.key / each.value or count.index of one resource instance. */
type InstanceBinding = { readonly each: { readonly key: string; readonly value: Value } } | { readonly count: number } | undefined;

/** Resolves expressions of one module. */
export interface ValueReader {
  /** The expression as text, with placeholders where parts are not known. */
  text(expr: Expr, opts?: { readonly quotePlaceholders?: boolean }): ConfigText;
  /** The entries of an object expression (`properties`, `config_nonsensitive`), keys and values as text. */
  entries(expr: Expr): ReadonlyMap<string, ConfigText>;
  /** The resource a traversal such as `confluent_kafka_cluster.main.id` points at. */
  resourceOf(expr: Expr): ResourceConfig | undefined;
  /**
   * The instances of `r` with readers that resolve each.* / count.index: one for a resource without
   * count/for_each, one per key when count/for_each is known from configuration, undefined otherwise.
   */
  instances(r: ResourceConfig): readonly ResourceInstance[] | undefined;
}

/** A reader over `module`. */
export function valueReader(module: ModuleConfig): ValueReader {
  const byAddress = new Map<string, ResourceConfig>();
  for (const r of module.resources) byAddress.set(`${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`, r);
  return moduleReader(module, byAddress, undefined, new Set());
}

/** What readers use of each other: value-level evaluation and an attribute read under a recursion guard. */
interface InstanceReader extends ValueReader {
  valueOf(e: Expr): Value | undefined;
  guarded(key: string, expr: Expr): string | undefined;
}

function moduleReader(module: ModuleConfig, byAddress: ReadonlyMap<string, ResourceConfig>, binding: InstanceBinding, visiting: Set<string>): InstanceReader {
  const bindingKey = binding === undefined ? '' : 'each' in binding ? `[${JSON.stringify(binding.each.key)}]` : `[${binding.count}]`;

  /** Instances of `r` (see ValueReader.instances); for_each/count are read without any binding. */
  function instances(r: ResourceConfig): { readonly address: string; readonly reader: InstanceReader }[] | undefined {
    const base = `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
    const bound = (b: InstanceBinding, suffix: string): { address: string; reader: InstanceReader } => ({ address: base + suffix, reader: moduleReader(module, byAddress, b, visiting) });
    if (r.count !== undefined) {
      const n = unbound().valueOf(r.count.expr);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
      return Array.from({ length: n }, (_, i) => bound({ count: i }, `[${i}]`));
    }
    if (r.forEach !== undefined) {
      const v = unbound().valueOf(r.forEach.expr);
      if (v === undefined || v === null || isUnknown(v)) return undefined;
      let entries: [string, Value][];
      if (Array.isArray(v)) {
        if (!v.every((x): x is string => typeof x === 'string')) return undefined;
        entries = [...new Set(v)].map((k) => [k, k]);
      } else if (isObjectValue(v)) entries = Object.entries(v);
      else return undefined;
      return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => bound({ each: { key, value } }, `[${JSON.stringify(key)}]`));
    }
    return [{ address: base, reader: self }];
  }

  function unbound(): { valueOf(e: Expr): Value | undefined } {
    return binding === undefined ? { valueOf } : moduleReader(module, byAddress, undefined, visiting);
  }

  /** The instance reader of `r` for an index step (`t["orders"]`, `n[0]`), when it resolves. */
  function instanceReader(r: ResourceConfig, key: string | number): InstanceReader | undefined {
    const suffix = `[${JSON.stringify(r.forEach !== undefined ? String(key) : key)}]`;
    return instances(r)?.find((i) => i.address.endsWith(suffix))?.reader;
  }

  function resourceOf(expr: Expr): ResourceConfig | undefined {
    const e = unparen(expr);
    if (e.kind === 'template' && e.parts.length === 1 && e.parts[0]?.kind === 'interp') return resourceOf(e.parts[0].expr);
    if (e.kind !== 'traversal') return undefined;
    const names = stepNames(e.steps);
    return e.root === 'data' ? byAddress.get(`data.${names[0] ?? ''}.${names[1] ?? ''}`) : byAddress.get(`${e.root}.${names[0] ?? ''}`);
  }

  /** The referenced attribute's value, when it is a string known from configuration. */
  function known(expr: Expr): string | undefined {
    const e = unparen(expr);
    if (e.kind === 'literal') return e.value === null ? undefined : String(e.value);
    if (e.kind === 'template') {
      const t = template(e.parts, false);
      return t.known ? t.text : undefined;
    }
    // `var.topics["orders"]`, `local.cfg.name`: deeper paths through value-level evaluation.
    if (e.kind === 'traversal') return traversal(e) ?? evaluated(e);
    if (e.kind === 'relative') return dynamicInstanceAttr(e) ?? evaluated(e);
    return evaluated(e);
  }

  /** `confluent_kafka_topic.t[each.key].topic_name`: an instance picked by a computed key. */
  function dynamicInstanceAttr(e: Extract<Expr, { kind: 'relative' }>): string | undefined {
    const src = unparen(e.source);
    const attr = e.steps[0];
    if (src.kind !== 'index' || e.steps.length !== 1 || attr?.kind !== 'attr') return undefined;
    const coll = unparen(src.collection);
    const r = coll.kind === 'traversal' ? resourceOf(coll) : undefined;
    if (r === undefined || coll.kind !== 'traversal' || coll.steps.length !== (coll.root === 'data' ? 2 : 1)) return undefined;
    const key = valueOf(src.key);
    if (typeof key !== 'string' && typeof key !== 'number') return undefined;
    const a = r.body.attributes.get(attr.name);
    const inst = instanceReader(r, key);
    return inst === undefined || a === undefined ? undefined : inst.guarded(`${r.type}.${r.name}.${attr.name}`, a.expr);
  }

  function traversal(e: Extract<Expr, { kind: 'traversal' }>): string | undefined {
    const names = stepNames(e.steps);
    if (e.root === 'var') {
      const v = module.variables.get(names[0] ?? '');
      return v !== undefined && names.length === 1 ? scalar(v.default) : undefined;
    }
    if (e.root === 'path') return names.length === 1 && ['module', 'root', 'cwd'].includes(names[0] ?? '') ? module.dir : undefined;
    if (e.root === 'local') {
      const l = module.locals.get(names[0] ?? '');
      return l !== undefined && names.length === 1 ? guarded(`local.${names[0] ?? ''}`, l.expr) : undefined;
    }
    if (e.root === 'each' || e.root === 'count') return scalar(valueOf(e));
    const r = resourceOf(e);
    if (r === undefined) return undefined;
    const at = e.root === 'data' ? 2 : 1;
    // `confluent_kafka_topic.t["orders"].topic_name`: an attribute of one instance of r.
    const index = e.steps[at];
    if ((r.count !== undefined || r.forEach !== undefined) && index?.kind === 'index' && names.length === at + 2) {
      const inst = instanceReader(r, index.key);
      const a = r.body.attributes.get(names[at + 1] ?? '');
      return inst === undefined || a === undefined ? undefined : inst.guarded(`${r.type}.${r.name}.${names[at + 1] ?? ''}`, a.expr);
    }
    const attr = names[at];
    if (r.count !== undefined || r.forEach !== undefined || attr === undefined || names.length !== at + 1) return undefined;
    const a = r.body.attributes.get(attr);
    return a === undefined ? undefined : guarded(`${r.type}.${r.name}.${attr}`, a.expr);
  }

  function guarded(key: string, expr: Expr): string | undefined {
    const k = bindingKey + key;
    if (visiting.has(k)) return undefined;
    visiting.add(k);
    try { return known(expr); } finally { visiting.delete(k); }
  }

  /** Function calls and operators over values this reader knows, as a value (for_each maps too). */
  function valueOf(e: Expr): Value | undefined {
    const scope: EvalScope = {
      lookup(ref) {
        if (ref.kind === 'path') return { value: { module: module.dir, root: module.dir, cwd: module.dir }, sensitive: false };
        if (ref.kind === 'var') {
          const v = module.variables.get(ref.name);
          return v?.hasDefault === true && v.default !== undefined ? { value: v.default, sensitive: false } : undefined;
        }
        if (ref.kind === 'local') {
          const l = module.locals.get(ref.name);
          if (l === undefined) return undefined;
          const k = `${bindingKey}value:local.${ref.name}`;
          if (visiting.has(k)) return undefined;
          visiting.add(k);
          let v: Value | undefined;
          try { v = valueOf(l.expr); } finally { visiting.delete(k); }
          if (v === undefined) v = guarded(`local.${ref.name}`, l.expr);
          return v === undefined ? undefined : { value: v, sensitive: false };
        }
        if (ref.kind === 'each' && binding !== undefined && 'each' in binding) return { value: { key: binding.each.key, value: binding.each.value }, sensitive: false };
        if (ref.kind === 'count' && binding !== undefined && 'count' in binding) return { value: { index: binding.count }, sensitive: false };
        // Resources are known only through their constant attributes, handled by traversal().
        return undefined;
      },
    };
    const r = evaluate(e, scope, { file: module.files[0] ?? 'main.tf', baseDir: module.dir, now: () => 0, uuid: () => '00000000-0000-0000-0000-000000000000' });
    return r.value === undefined || !isWhollyKnown(r.value.value) ? undefined : r.value.value;
  }

  /** Function calls and operators over known values, as text. */
  function evaluated(e: Expr): string | undefined {
    return scalar(valueOf(e));
  }

  function template(parts: readonly TemplatePart[], quote: boolean): ConfigText {
    let text = '';
    let ok = true;
    for (const p of parts) {
      if (p.kind === 'text') { text += p.text; continue; }
      if (p.kind === 'interp') {
        const v = known(p.expr);
        if (v !== undefined) { text += v; continue; }
        ok = false;
        const ph = placeholder(p.expr);
        // In SQL an unquoted placeholder must still read as one identifier.
        text += quote && !/[`'"]$/.test(text) ? `\`${ph}\`` : ph;
        continue;
      }
      ok = false;
      text += '<unknown>';
    }
    return { text, known: ok };
  }

  const self: InstanceReader = {
    resourceOf,
    instances,
    valueOf,
    guarded,
    text(expr, opts = {}) {
      const e = unparen(expr);
      if (e.kind === 'template') return template(e.parts, opts.quotePlaceholders === true);
      const v = known(e);
      return v === undefined ? { text: placeholder(e), known: false } : { text: v, known: true };
    },
    entries(expr) {
      const out = new Map<string, ConfigText>();
      const e = unparen(expr);
      if (e.kind !== 'object') return out;
      for (const item of e.items) {
        const k = unparen(item.key);
        const key = k.kind === 'traversal' && item.bareKey ? k.root : known(k);
        if (key !== undefined) out.set(key, this.text(item.value));
      }
      return out;
    },
  };
  return self;
}

/** `${confluent_kafka_topic.orders.id}` for a traversal, `${...}` for anything else. */
function placeholder(e: Expr): string {
  if (e.kind === 'traversal') return `\${${[e.root, ...e.steps.map((s) => (s.kind === 'attr' ? s.name : `[${JSON.stringify(s.key)}]`))].join('.').replace(/\.\[/g, '[')}}`;
  return '${...}';
}

function stepNames(steps: readonly Step[]): string[] {
  return steps.map((s) => (s.kind === 'attr' ? s.name : String(s.key)));
}

function unparen(e: Expr): Expr {
  return e.kind === 'paren' ? unparen(e.expr) : e;
}

function scalar(v: Value | undefined): string | undefined {
  if (v === undefined || v === null || isUnknown(v)) return undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
