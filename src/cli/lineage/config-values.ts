/**
 * Reading attribute values out of a configuration without running it: literals, templates and
 * heredocs, references to variables (their defaults), locals and other resources' attributes
 * (resolved from those resources' own bodies when constant), and function calls over constants.
 * What cannot be known before apply reads as a placeholder such as
 * `${confluent_kafka_topic.orders.id}`, so the result is always something a person can read.
 */
import type { ModuleConfig, ResourceConfig } from '../../provisioner/config/index.js';
import { evaluate, isUnknown } from '../../provisioner/lang/index.js';
import type { EvalScope, Expr, Step, TemplatePart, Value } from '../../provisioner/lang/index.js';

/** A value read from configuration: `known` false when placeholders stand in for parts of it. */
export interface ConfigText {
  readonly text: string;
  readonly known: boolean;
}

/** Resolves expressions of one module. */
export interface ValueReader {
  /** The expression as text, with placeholders where parts are not known. */
  text(expr: Expr, opts?: { readonly quotePlaceholders?: boolean }): ConfigText;
  /** The entries of an object expression (`properties`, `config_nonsensitive`), keys and values as text. */
  entries(expr: Expr): ReadonlyMap<string, ConfigText>;
  /** The resource a traversal such as `confluent_kafka_cluster.main.id` points at. */
  resourceOf(expr: Expr): ResourceConfig | undefined;
}

/** A reader over `module`. */
export function valueReader(module: ModuleConfig): ValueReader {
  const byAddress = new Map<string, ResourceConfig>();
  for (const r of module.resources) byAddress.set(`${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`, r);
  const visiting = new Set<string>();

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
    if (e.kind === 'traversal') return traversal(e);
    return evaluated(e);
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
    const r = resourceOf(e);
    const attr = e.root === 'data' ? names[2] : names[1];
    if (r === undefined || attr === undefined || names.length !== (e.root === 'data' ? 3 : 2)) return undefined;
    const a = r.body.attributes.get(attr);
    return a === undefined ? undefined : guarded(`${r.type}.${r.name}.${attr}`, a.expr);
  }

  function guarded(key: string, expr: Expr): string | undefined {
    if (visiting.has(key)) return undefined;
    visiting.add(key);
    try { return known(expr); } finally { visiting.delete(key); }
  }

  /** Function calls and operators over values this reader knows (variables' defaults, locals, path.*). */
  function evaluated(e: Expr): string | undefined {
    const scope: EvalScope = {
      lookup(ref) {
        if (ref.kind === 'path') return { value: { module: module.dir, root: module.dir, cwd: module.dir }, sensitive: false };
        if (ref.kind === 'var') {
          const v = module.variables.get(ref.name);
          return v?.hasDefault === true && v.default !== undefined ? { value: v.default, sensitive: false } : undefined;
        }
        if (ref.kind === 'local') {
          const l = module.locals.get(ref.name);
          const text = l === undefined ? undefined : guarded(`local.${ref.name}`, l.expr);
          return text === undefined ? undefined : { value: text, sensitive: false };
        }
        // Resources are known only through their constant attributes, handled by traversal().
        return undefined;
      },
    };
    const r = evaluate(e, scope, { file: module.files[0] ?? 'main.tf', baseDir: module.dir, now: () => 0, uuid: () => '00000000-0000-0000-0000-000000000000' });
    return r.value === undefined ? undefined : scalar(r.value.value);
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

  return {
    resourceOf,
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
