/**
 * What plan and apply share: walking the configuration graph in dependency order, evaluating
 * variables, locals, outputs, module expansion and provider configurations into per-module-instance
 * scopes. Resource nodes are left to the subclass (plan computes changes, apply performs them).
 */
import { dirname, relative } from 'node:path';
import type { Diagnostic } from '../../shared/index.js';
import { errorDiag, hasErrors } from '../../shared/index.js';
import type { InstanceKey, ModuleStep } from '../addr/index.js';
import { formatModulePath } from '../addr/index.js';
import type { ResourceConfig } from '../config/index.js';
import { walkDag, type DagNode } from '../graph/index.js';
import type { EvalScope, Expr, MarkedValue, ObjectValue, Value } from '../lang/index.js';
import { convertToType, elementMark, evaluate, evaluateConstant, isUnknown, isWhollyKnown, parseExpressionSync } from '../lang/index.js';
import type { Provider, ProviderContext } from '../provider/index.js';
import { buildGraph, providerLocalName, resolveProviderConfig, type ConfigGraph, type GraphNodeData } from './build-graph.js';
import { decodeBody } from './decode-body.js';
import { ModuleScope } from './module-scope.js';
import type { ModuleNode } from './module-tree.js';
import { Semaphore } from './semaphore.js';
import type { EngineEnv, VariableInput } from './types.js';

export interface ProviderHandle {
  readonly provider: Provider;
  readonly source: string;
  /** `provider["registry.terraform.io/hashicorp/random"]` (+ `.alias`). */
  readonly address: string;
}

export function providerAddress(source: string, alias?: string): string {
  const full = source.split('/').length === 2 ? `registry.terraform.io/${source}` : source;
  return `provider["${full}"]${alias ? '.' + alias : ''}`;
}

/** Parses raw -var / TF_VAR_ text for a variable of a non-string type. */
function parseRawVariable(text: string, name: string): { value?: Value; diagnostics: readonly Diagnostic[] } {
  const e = parseExpressionSync(text, { file: `<value for var.${name}>` });
  if (!e.value) return { diagnostics: e.diagnostics };
  return evaluateConstant(e.value, `<value for var.${name}>`);
}

export abstract class ConfigWalk {
  protected readonly env: EngineEnv;
  readonly graph: ConfigGraph;
  readonly modules: ModuleNode[];
  readonly diagnostics: Diagnostic[] = [];
  /** Module config path → its instances (root: one instance with an empty path). */
  protected readonly instances = new Map<string, ModuleStep[][]>([['', [[]]]]);
  protected readonly scopes = new Map<string, ModuleScope>();
  protected readonly providerHandles = new Map<string, Promise<ProviderHandle | undefined>>();
  readonly rootOutputs = new Map<string, { value: Value; sensitive: boolean }>();
  protected readonly semaphore: Semaphore;
  protected readonly variables: ReadonlyMap<string, VariableInput>;
  /** Destroy plans and applies do not evaluate outputs: they are all removed. */
  protected skipOutputs = false;
  /** With -target: the only nodes visited (see target-set.ts); the others are skipped. */
  protected walkOnly: ReadonlySet<string> | undefined;

  constructor(env: EngineEnv, opts: { parallelism: number; variables: ReadonlyMap<string, VariableInput> }) {
    this.env = env;
    this.semaphore = new Semaphore(opts.parallelism);
    this.variables = opts.variables;
    const stateRes = env.state.resources.map((r) => ({
      addr: `${r.module ? r.module + '.' : ''}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`,
      configPath: r.module.replace(/\[[^\]]*\]/g, ''), type: r.type, name: r.name, mode: r.mode, dependencies: r.dependencies,
    }));
    const built = buildGraph(env.config.root, stateRes);
    this.graph = built.graph;
    this.modules = built.modules;
    this.diagnostics.push(...built.diagnostics);
    this.scopes.set('', this.#newScope(this.modules[0]!, []));
  }

  #newScope(m: ModuleNode, steps: readonly ModuleStep[]): ModuleScope {
    const c = m.config;
    const s = new ModuleScope({ module: relative(this.env.cwd, c.dir) || '.', root: relative(this.env.cwd, this.env.config.root.dir) || '.', cwd: this.env.cwd }, {
      vars: new Set(c.variables.keys()), locals: new Set(c.locals.keys()), modules: new Set(c.moduleCalls.keys()),
      resources: new Set(c.resources.filter((r) => r.mode === 'managed').map((r) => `${r.type}.${r.name}`)),
      data: new Set(c.resources.filter((r) => r.mode === 'data').map((r) => `${r.type}.${r.name}`)),
    });
    void steps;
    return s;
  }

  /** Instances (module paths) of a module config path. */
  protected moduleInstances(m: ModuleNode): ModuleStep[][] { return this.instances.get(m.path) ?? []; }
  protected scopeOf(steps: readonly ModuleStep[]): ModuleScope {
    const s = this.scopes.get(formatModulePath(steps));
    if (!s) throw new Error(`no scope for module instance ${formatModulePath(steps)}`);
    return s;
  }

  /** Evaluates one expression; diagnostics carry the expression's file. */
  protected eval(expr: Expr, file: string, scope: EvalScope, baseDir: string): { value?: MarkedValue; diagnostics: readonly Diagnostic[] } {
    return evaluate(expr, scope, { file, baseDir, now: () => this.env.clock.now(), uuid: this.env.uuid });
  }

  protected evaluator(baseDir: string): (expr: Expr, file: string, scope: EvalScope) => { value?: MarkedValue; diagnostics: readonly Diagnostic[] } {
    return (expr, file, scope) => this.eval(expr, file, scope, baseDir);
  }

  /** Walks the graph forward; returns false when anything failed. */
  async walk(): Promise<boolean> {
    if (hasErrors(this.diagnostics)) return false;
    const r = await walkDag(this.graph, (n) => this.runNode(n), { parallelism: 64, signal: this.env.signal });
    return r.failed.size === 0 && !hasErrors(this.diagnostics);
  }

  protected async runNode(node: DagNode<GraphNodeData>): Promise<boolean> {
    if (this.walkOnly && !this.walkOnly.has(node.id)) return true;
    const d = node.data;
    const before = this.diagnostics.length;
    switch (d.kind) {
      case 'variable': this.#variable(d.module, d.name); break;
      case 'local': for (const steps of this.moduleInstances(d.module)) this.#setFromExpr(this.scopeOf(steps).locals, d.name, d.attr.expr, d.attr.range.file, this.scopeOf(steps), d.module.config.dir); break;
      case 'output': if (!this.skipOutputs) this.#output(d.module, d.name); break;
      case 'module-expand': this.#expandModule(d.module, d.child); break;
      case 'module-value': this.#moduleValue(d.module, d.child); break;
      case 'provider': await this.providerFor(d.module, d.name, d.alias); break;
      case 'resource': return (await this.resourceNode(d.module, d.resource)) && !hasErrors(this.diagnostics.slice(before));
      case 'orphan': return this.orphanNode(d.resourceAddr);
    }
    return !hasErrors(this.diagnostics.slice(before));
  }

  protected abstract resourceNode(m: ModuleNode, r: ResourceConfig): Promise<boolean>;
  protected abstract orphanNode(resourceAddr: string): Promise<boolean>;

  #setFromExpr(into: Map<string, MarkedValue>, name: string, expr: Expr, file: string, scope: EvalScope, baseDir: string): MarkedValue | undefined {
    const r = this.eval(expr, file, scope, baseDir);
    this.diagnostics.push(...r.diagnostics);
    if (r.value) into.set(name, r.value);
    return r.value;
  }

  #variable(m: ModuleNode, name: string): void {
    const decl = m.config.variables.get(name)!;
    for (const steps of this.moduleInstances(m)) {
      const scope = this.scopeOf(steps);
      let mv: MarkedValue | undefined;
      if (!m.call) {
        const input = this.variables.get(name);
        if (input) {
          if (input.raw && typeof input.value === 'string' && decl.type && decl.type.kind !== 'string' && decl.type.kind !== 'any') {
            const p = parseRawVariable(input.value, name);
            if (p.value === undefined) { this.diagnostics.push(errorDiag('variable-invalid', `Invalid value for variable "${name}"`, { detail: `The value from ${input.source} is not a valid expression: ${p.diagnostics.map((x) => x.detail ?? x.summary).join('; ')}`, range: decl.range })); continue; }
            mv = { value: p.value, sensitive: decl.sensitive };
          } else mv = { value: input.value as Value, sensitive: decl.sensitive };
        }
      } else {
        const input = m.call.inputs.get(name);
        if (input && m.parent) {
          const parentSteps = steps.slice(0, -1);
          const last = steps[steps.length - 1];
          const ps = this.scopeOf(parentSteps);
          const sc = this.#instanceScope(ps, m, last?.key);
          const r = this.eval(input.expr, input.range.file, sc, m.parent.config.dir);
          this.diagnostics.push(...r.diagnostics);
          if (!r.value) continue;
          mv = { value: r.value.value, sensitive: r.value.sensitive || decl.sensitive };
        }
      }
      if (mv === undefined || (mv.value === null && decl.hasDefault)) {
        if (decl.hasDefault) mv = { value: decl.default ?? null, sensitive: decl.sensitive };
        else {
          this.diagnostics.push(errorDiag('variable-missing', `No value for required variable "${name}"`, { detail: m.call ? `The module "${m.call.name}" needs an input "${name}": add ${name} = ... to the module block.` : `The root module input variable "${name}" is not set, and has no default value. Use -var="${name}=..." , a terraform.tfvars file, -var-file, or the environment variable TF_VAR_${name}.`, range: m.call?.range ?? decl.range }));
          continue;
        }
      }
      if (mv.value === null && !decl.nullable) {
        this.diagnostics.push(errorDiag('variable-null', `Invalid value for variable "${name}"`, { detail: `The variable "${name}" is declared nullable = false, but was given null.`, range: decl.range }));
        continue;
      }
      if (decl.type && mv.value !== null && !isUnknown(mv.value)) {
        const conv = convertToType(mv.value, decl.type);
        if (conv.value === undefined) {
          this.diagnostics.push(errorDiag('variable-type', `Invalid value for variable "${name}"`, { detail: `The given value is not suitable for var.${name} declared at ${decl.range.file}:${decl.range.start.line}: ${conv.diagnostics.map((x) => x.detail ?? x.summary).join('; ')}.`, range: decl.range }));
          continue;
        }
        mv = { value: conv.value, sensitive: mv.sensitive };
      }
      scope.vars.set(name, mv);
      for (const v of decl.validations) {
        const c = this.eval(v.condition, v.range.file, scope, m.config.dir);
        this.diagnostics.push(...c.diagnostics);
        if (!c.value || isUnknown(c.value.value)) continue;
        if (c.value.value === false) {
          const msg = this.eval(v.errorMessage, v.range.file, scope, m.config.dir);
          this.diagnostics.push(errorDiag('variable-validation', 'Invalid value for variable', { detail: `${typeof msg.value?.value === 'string' ? msg.value.value : 'The validation condition failed.'}\n\nThis was checked by the validation rule at ${v.range.file}:${v.range.start.line}.`, range: decl.range }));
        }
      }
    }
  }

  /** The parent's scope with the child module instance's `each`/`count` set. */
  #instanceScope(parent: ModuleScope, child: ModuleNode, key: InstanceKey | undefined): EvalScope {
    if (key === undefined) return parent;
    if (child.call?.count) return parent.with({ count: key as number });
    const eachValue = this.#forEachValues.get(`${child.path}|${String(key)}`) ?? { value: null, sensitive: false };
    return parent.with({ each: { key, value: eachValue } });
  }
  readonly #forEachValues = new Map<string, MarkedValue>();

  /** Evaluates count / for_each into instance keys; unknown at plan is an error like Terraform's. */
  protected expansionKeys(count: ResourceConfig['count'], forEach: ResourceConfig['forEach'], scope: EvalScope, baseDir: string, what: string): { keys: (InstanceKey | undefined)[]; eachValues: Map<string, MarkedValue> } | undefined {
    const eachValues = new Map<string, MarkedValue>();
    if (count) {
      const r = this.eval(count.expr, count.range.file, scope, baseDir);
      this.diagnostics.push(...r.diagnostics);
      if (!r.value) return undefined;
      const v = r.value.value;
      if (isUnknown(v)) { this.diagnostics.push(errorDiag('count-unknown', 'Invalid count argument', { detail: `The "count" value of ${what} depends on resource attributes that cannot be determined until apply, so streamform cannot predict how many instances will be created. Use -target to apply the resources it depends on first.`, range: count.range })); return undefined; }
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) { this.diagnostics.push(errorDiag('count-invalid', 'Invalid count argument', { detail: `The "count" of ${what} must be a whole number ≥ 0, but is ${JSON.stringify(v)}.`, range: count.range })); return undefined; }
      return { keys: Array.from({ length: v }, (_, i) => i), eachValues };
    }
    if (forEach) {
      const r = this.eval(forEach.expr, forEach.range.file, scope, baseDir);
      this.diagnostics.push(...r.diagnostics);
      if (!r.value) return undefined;
      const v = r.value.value;
      // Keys must be known at plan time; a map's values may still be unknown.
      if (isUnknown(v) || (Array.isArray(v) && !isWhollyKnown(v))) {
        { this.diagnostics.push(errorDiag('for-each-unknown', 'Invalid for_each argument', { detail: `The "for_each" value of ${what} depends on resource attributes that cannot be determined until apply, so streamform cannot predict how many instances will be created. Use -target to apply those resources first, or use keys known at plan time.`, range: forEach.range })); return undefined; }
      }
      // Like Terraform, only a mark on the whole value is refused: a map of objects with sensitive
      // attributes (another for_each resource) is fine, and each.value keeps those marks.
      if (r.value.sensitive && !r.value.paths) { this.diagnostics.push(errorDiag('for-each-sensitive', 'Invalid for_each argument', { detail: `Sensitive values cannot be used as for_each arguments of ${what}: the instance keys would reveal them.`, range: forEach.range })); return undefined; }
      if (Array.isArray(v)) {
        const keys: string[] = [];
        for (const x of v) {
          if (typeof x !== 'string') { this.diagnostics.push(errorDiag('for-each-invalid', 'Invalid for_each argument', { detail: `The "for_each" of ${what} must be a map or a set of strings; this set has a ${x === null ? 'null' : typeof x} element. Wrap it with toset([...]) of strings.`, range: forEach.range })); return undefined; }
          keys.push(x); eachValues.set(x, { value: x, sensitive: false });
        }
        return { keys: [...new Set(keys)].sort(), eachValues };
      }
      if (v !== null && typeof v === 'object' && !isUnknown(v)) {
        const o = v as ObjectValue;
        for (const k of Object.keys(o)) eachValues.set(k, elementMark(r.value, k, o[k] ?? null));
        return { keys: Object.keys(o).sort(), eachValues };
      }
      this.diagnostics.push(errorDiag('for-each-invalid', 'Invalid for_each argument', { detail: `The "for_each" of ${what} must be a map, or a set of strings, but is ${v === null ? 'null' : typeof v}.`, range: forEach.range }));
      return undefined;
    }
    return { keys: [undefined], eachValues };
  }

  #expandModule(parent: ModuleNode, child: ModuleNode): void {
    const call = child.call!;
    const all: ModuleStep[][] = [];
    for (const steps of this.moduleInstances(parent)) {
      const scope = this.scopeOf(steps);
      const exp = this.expansionKeys(call.count, call.forEach, scope, parent.config.dir, `module "${call.name}"`);
      if (!exp) continue;
      for (const key of exp.keys) {
        const childSteps = [...steps, key === undefined ? { name: call.name } : { name: call.name, key }];
        all.push(childSteps);
        if (key !== undefined && exp.eachValues.has(String(key))) this.#forEachValues.set(`${child.path}|${String(key)}`, exp.eachValues.get(String(key))!);
        this.scopes.set(formatModulePath(childSteps), this.#newScope(child, childSteps));
      }
    }
    this.instances.set(child.path, all);
  }

  #moduleValue(parent: ModuleNode, child: ModuleNode): void {
    const call = child.call!;
    for (const steps of this.moduleInstances(parent)) {
      const scope = this.scopeOf(steps);
      const mine = this.moduleInstances(child).filter((c) => formatModulePath(c.slice(0, -1)) === formatModulePath(steps));
      const valueOf = (cs: ModuleStep[]): MarkedValue => {
        const s = this.scopeOf(cs);
        const out: Record<string, Value> = {};
        let sensitive = false;
        for (const o of call.module.outputs.keys()) { const v = this.#childOutputs.get(`${formatModulePath(cs)}|${o}`); out[o] = v?.value ?? null; sensitive ||= v?.sensitive ?? false; }
        void s;
        return { value: out, sensitive };
      };
      if (call.count) scope.modules.set(call.name, { value: mine.map((c) => valueOf(c).value), sensitive: false });
      else if (call.forEach) { const o: Record<string, Value> = {}; for (const c of mine) o[String(c[c.length - 1]!.key)] = valueOf(c).value; scope.modules.set(call.name, { value: o, sensitive: false }); }
      else if (mine[0]) scope.modules.set(call.name, valueOf(mine[0]));
    }
  }
  readonly #childOutputs = new Map<string, MarkedValue>();

  #output(m: ModuleNode, name: string): void {
    const decl = m.config.outputs.get(name)!;
    for (const steps of this.moduleInstances(m)) {
      const scope = this.scopeOf(steps);
      const r = this.eval(decl.value.expr, decl.value.range.file, scope, m.config.dir);
      this.diagnostics.push(...r.diagnostics);
      if (!r.value) continue;
      for (const c of decl.preconditions) {
        const cv = this.eval(c.condition, c.range.file, scope, m.config.dir);
        this.diagnostics.push(...cv.diagnostics);
        if (cv.value?.value === false) {
          const msg = this.eval(c.errorMessage, c.range.file, scope, m.config.dir);
          this.diagnostics.push(errorDiag('output-precondition', 'Module output value precondition failed', { detail: String(msg.value?.value ?? 'The condition is false.'), range: c.range }));
        }
      }
      if (r.value.sensitive && !decl.sensitive && !m.call) {
        this.diagnostics.push(errorDiag('output-sensitive', 'Output refers to sensitive values', { detail: `To reduce the risk of accidentally exporting sensitive data, streamform requires that any root module output containing sensitive data be explicitly marked as sensitive. If you do intend to export this data, add sensitive = true to output "${name}".`, range: decl.range }));
        continue;
      }
      const mv = { value: r.value.value, sensitive: r.value.sensitive || decl.sensitive };
      if (!m.call) this.rootOutputs.set(name, mv);
      else this.#childOutputs.set(`${formatModulePath(steps)}|${name}`, mv);
    }
  }

  /** The configured provider instance for resources of `m` using local name `name` (+alias). */
  protected providerFor(m: ModuleNode, name: string, alias?: string): Promise<ProviderHandle | undefined> {
    const pc = resolveProviderConfig(m, name, alias);
    const key = pc ? `${pc.module.path}|${pc.name}|${pc.alias ?? ''}` : `default|${name}`;
    let h = this.providerHandles.get(key);
    if (!h) { h = this.#configureProvider(pc?.module ?? this.modules[0]!, pc?.name ?? name, pc?.alias); this.providerHandles.set(key, h); }
    return h;
  }

  async #configureProvider(m: ModuleNode, name: string, alias: string | undefined): Promise<ProviderHandle | undefined> {
    const rp = m.config.terraform.requiredProviders.get(name) ?? this.env.config.root.terraform.requiredProviders.get(name);
    const source = (rp?.source ?? this.env.providers.defaultSource(name)).replace(/^registry\.terraform\.io\//, '');
    const factory = this.env.providers.factory(source);
    const block = m.config.providers.find((p) => p.name === name && p.alias === alias);
    if (!factory) {
      this.diagnostics.push(errorDiag('provider-unavailable', `Provider "${source}" is not available`, { detail: `streamform ships the providers hashicorp/random, hashicorp/null, hashicorp/time, hashicorp/local, terraform (terraform_data) and confluentinc/confluent. "${name}" (${source}) is not one of them.`, ...(block ? { range: block.range } : rp ? {} : {}) }));
      return undefined;
    }
    const provider = factory();
    const schema = provider.schema().provider;
    let config: ObjectValue = {};
    if (block) {
      const scope = this.scopeOf(this.moduleInstances(m)[0] ?? []);
      const dec = decodeBody(block.body, schema, scope, this.evaluator(m.config.dir), { what: `provider "${name}"` });
      this.diagnostics.push(...dec.diagnostics);
      if (hasErrors(dec.diagnostics)) return undefined;
      config = dec.value;
    } else {
      const out: Record<string, Value> = {};
      for (const [k, a] of Object.entries(schema.attributes)) out[k] = a.default ?? null;
      for (const [k, b] of Object.entries(schema.blocks ?? {})) out[k] = b.nesting === 'single' ? null : [];
      config = out;
    }
    const defaults = this.env.providers.defaults?.(source);
    if (defaults) for (const [k, v] of Object.entries(defaults)) if ((config[k] ?? null) === null) config = { ...config, [k]: v };
    const diags = await provider.configure(config, this.providerContext(providerAddress(source, alias)));
    this.diagnostics.push(...diags.map((d) => (block && !d.range ? { ...d, range: block.range } : d)));
    if (hasErrors(diags)) return undefined;
    return { provider, source, address: providerAddress(source, alias) };
  }

  protected providerContext(address: string, onProgress?: (msg: string) => void): ProviderContext {
    return { address, signal: this.env.signal, now: () => this.env.clock.now(), progress: (msg) => onProgress?.(msg) };
  }

  /** Provider handle for a resource config in module `m`. */
  protected providerForResource(m: ModuleNode, r: ResourceConfig): Promise<ProviderHandle | undefined> {
    return this.providerFor(m, providerLocalName(r), r.provider?.alias);
  }

  /** Closes every provider (connections, timers). */
  async close(): Promise<void> {
    for (const h of this.providerHandles.values()) { const p = await h; await p?.provider.close?.(); }
  }

  /** Module directory of a module node, for file() and path.module. */
  protected baseDir(m: ModuleNode): string { return m.config.dir || dirname(this.env.config.root.dir); }
}
