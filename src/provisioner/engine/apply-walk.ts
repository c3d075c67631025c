/**
 * The apply walk: carries out a plan. Destroys first (in reverse dependency order), then walks
 * the configuration forward creating, updating and reading (re-evaluating every expression now
 * that earlier results are known, and checking the provider's final plan against the saved one),
 * then removes objects deposed by create_before_destroy. State is written after every operation.
 */
import type { Diagnostic } from '../../shared/index.js';
import { errorDiag, hasErrors } from '../../shared/index.js';
import { formatInstanceAddr, formatModulePath, parseAddress, type InstanceAddr, type InstanceKey, type ModuleStep } from '../addr/index.js';
import type { ResourceConfig } from '../config/index.js';
import { Dag, walkDag } from '../graph/index.js';
import type { EvalScope, MarkedValue, ObjectValue, Value } from '../lang/index.js';
import { isWhollyKnown, UNKNOWN } from '../lang/index.js';
import type { ChangeAction, ResourceChange } from '../plan/index.js';
import type { ApplyAction, ResourceSchema } from '../provider/index.js';
import type { ResourceInstanceState } from '../state/index.js';
import { ConfigWalk, type ProviderHandle } from './config-walk.js';
import { decodeBody } from './decode-body.js';
import type { ModuleNode } from './module-tree.js';
import { consistentWithPlan, planInstance, propagateSensitive, schemaSensitivePaths, sensitiveStepPaths } from './plan-instance.js';
import { deposedKey, locateIn, priorStateValue, type EnginePlan, type InstanceExtra } from './plan-walk.js';
import { resourceKey, StateIndex } from './state-index.js';
import { targetSet } from './target-set.js';
import type { EngineEnv, StateWriter, VariableInput } from './types.js';

export interface ApplyResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: { add: number; change: number; destroy: number; import: number };
  readonly outputs: ReadonlyMap<string, { value: Value; sensitive: boolean }>;
}

function stateFromChange(c: ResourceChange, attributes: ObjectValue, extra: InstanceExtra, opts: { tainted?: boolean; private?: ObjectValue | undefined }): ResourceInstanceState {
  return {
    address: c.address, module: c.module, mode: c.mode, type: c.type, name: c.name,
    ...(c.index !== undefined ? { indexKey: c.index } : {}),
    provider: extra.provider, schemaVersion: extra.schemaVersion, attributes,
    sensitivePaths: extra.sensitivePaths, dependencies: extra.dependencies,
    ...(extra.createBeforeDestroy ? { createBeforeDestroy: true } : {}),
    ...(opts.private ? { private: opts.private } : {}),
    status: opts.tainted ? 'tainted' : 'ready',
  };
}

export class ApplyWalk extends ConfigWalk {
  readonly #plan: EnginePlan;
  readonly #writer: StateWriter;
  readonly #changes = new Map<string, ResourceChange>();
  readonly #state: StateIndex;
  readonly counts = { add: 0, change: 0, destroy: 0, import: 0 };
  readonly #deposed: { change: ResourceChange; prior: ObjectValue; extra: InstanceExtra; key: string }[] = [];

  constructor(env: EngineEnv, plan: EnginePlan, writer: StateWriter, opts: { parallelism: number; variables: ReadonlyMap<string, VariableInput> }) {
    super(env, opts);
    this.#plan = plan;
    this.#writer = writer;
    this.skipOutputs = plan.plan.mode === 'destroy';
    for (const c of plan.plan.changes) if (!c.deposed) this.#changes.set(c.address, c);
    const moved = this.modules.flatMap((m) => m.config.moved.map((block) => ({ block, modulePrefix: m.path ? m.path + '.' : '' })));
    this.#state = new StateIndex(env.state, moved);
    // A targeted plan is applied over the same nodes it was planned over.
    const targets = plan.plan.targets.flatMap((t) => { const p = parseAddress(t).value; return p ? [p] : []; });
    if (targets.length) this.walkOnly = targetSet(this.graph, targets, plan.plan.mode).walked;
  }

  /** Runs one operation with start/progress/done hooks; `fn` may report the new object's id. */
  async #op(address: string, action: ChangeAction | 'delete-deposed', id: string | undefined, fn: (progress: (m: string) => void, setId: (id: string | undefined) => void) => Promise<boolean>): Promise<boolean> {
    const started = this.env.clock.now();
    let doneId = id;
    this.env.hooks.applyStart?.(address, action, id);
    const timer = setInterval(() => this.env.hooks.applyProgress?.(address, 'still', this.env.clock.now() - started), 10_000);
    timer.unref();
    try {
      const ok = await fn((m) => this.env.hooks.applyProgress?.(address, m, this.env.clock.now() - started), (x) => { doneId = x; });
      if (ok) this.env.hooks.applyDone?.(address, action, this.env.clock.now() - started, doneId);
      return ok;
    } finally { clearInterval(timer); }
  }

  #fail(address: string, diags: readonly Diagnostic[], range?: import('../../shared/index.js').SourceRange): void {
    const located = diags.map((d) => ({ ...d, address, ...(d.range || !range ? {} : { range }) }));
    this.diagnostics.push(...located);
    this.env.hooks.applyFailed?.(address, located.filter((d) => d.severity === 'error'));
  }

  /** Runs the whole apply. */
  async run(): Promise<ApplyResult> {
    const p = this.#plan.plan;
    if (p.mode === 'refresh-only') {
      for (const [address, st] of this.#plan.refreshed) {
        const prior = this.#state.byAddress.get(address);
        if (!prior) continue;
        if (st === null) this.#writer.removeResource(address);
        else this.#writer.putResource({ ...prior, attributes: st });
      }
      return { diagnostics: this.diagnostics, counts: this.counts, outputs: new Map() };
    }
    if (p.mode === 'destroy') await this.#evaluateForDestroy();
    await this.#destroyPhase();
    if (!this.env.signal.aborted && p.mode !== 'destroy') await this.walk();
    await this.#deposedPhase();
    if (p.mode === 'destroy') {
      for (const r of this.env.state.resources) if (r.mode === 'data') this.#writer.removeResource(r.address);
      if (!hasErrors(this.diagnostics)) this.#writer.setOutputs({});
    } else if (!hasErrors(this.diagnostics)) {
      // Data sources whose configuration is gone are simply forgotten.
      if (!p.targets.length) {
        for (const r of this.env.state.resources) {
          if (r.mode === 'data' && !this.#dataDeclared(r.module, r.type, r.name)) this.#writer.removeResource(r.address);
        }
      }
      const outs: Record<string, { value: Value; sensitive: boolean }> = {};
      // Outputs a targeted apply did not evaluate keep their prior value, as in Terraform.
      if (p.targets.length) for (const [k, v] of Object.entries(this.env.state.outputs)) if (this.env.config.root.outputs.has(k) && !this.rootOutputs.has(k)) outs[k] = v;
      for (const [k, v] of this.rootOutputs) if (isWhollyKnown(v.value)) outs[k] = v;
      this.#writer.setOutputs(outs);
    }
    return { diagnostics: this.diagnostics, counts: this.counts, outputs: this.rootOutputs };
  }

  /**
   * A destroy apply still configures providers from variables and locals, as Terraform does: walk
   * the provider blocks and the variables and locals they need, with the root module's resources
   * read from prior state. Nothing is applied by this walk.
   */
  async #evaluateForDestroy(): Promise<void> {
    const root = this.modules[0];
    if (root) {
      const scope = this.scopeOf([]);
      for (const r of root.config.resources) {
        const prior = this.#state.byResource.get(resourceKey('', r.mode, r.type, r.name)) ?? [];
        (r.mode === 'managed' ? scope.resources : scope.data).set(`${r.type}.${r.name}`, { value: priorStateValue(r, prior), sensitive: false });
      }
    }
    const providers = this.graph.nodes().filter((n) => n.data.kind === 'provider').map((n) => n.id);
    const kinds = new Set(['variable', 'local', 'provider']);
    this.walkOnly = new Set([...providers, ...this.graph.ancestors(providers)].filter((id) => kinds.has(this.graph.get(id)?.data.kind ?? '')));
    await this.walk();
  }

  #dataDeclared(module: string, type: string, name: string): boolean {
    const m = this.modules.find((x) => x.path === module.replace(/\[[^\]]*\]/g, ''));
    return !!m && m.config.resources.some((r) => r.mode === 'data' && r.type === type && r.name === name);
  }

  async #handleFor(c: ResourceChange): Promise<ProviderHandle | undefined> {
    const local = c.provider.match(/\/([^/"]+)"\]/)?.[1] ?? c.type.split('_')[0]!;
    const alias = /\]\.(\w+)$/.exec(c.provider)?.[1];
    const m = this.modules.find((x) => x.path === c.module.replace(/\[[^\]]*\]/g, '')) ?? this.modules[0]!;
    return this.providerFor(m, local, alias);
  }

  async #destroyPhase(): Promise<void> {
    const dels = this.#plan.plan.changes.filter((c) => c.action === 'delete' || (c.action === 'replace' && c.replaceOrder !== 'create-before-destroy'));
    if (!dels.length) return;
    const g = new Dag<ResourceChange>();
    const idOf = (c: ResourceChange): string => (c.deposed ? deposedKey(c.address, c.deposed) : c.address);
    for (const c of dels) g.add({ id: idOf(c), data: c });
    const resOf = (a: string): string => a.replace(/\[[^\]]*\]$/, '');
    for (const c of dels) {
      for (const d of this.#plan.extras.get(c.address)?.dependencies ?? []) {
        for (const o of dels) if (resOf(o.address) === d || o.address === d) g.depend(idOf(c), idOf(o));
      }
    }
    await walkDag(g, async (n) => this.semaphore.run(() => this.#delete(n.data)), { parallelism: 1000, reverse: true, signal: this.env.signal });
  }

  async #delete(c: ResourceChange, deposed?: { prior: ObjectValue; extra: InstanceExtra; key: string }): Promise<boolean> {
    const deposedKeyOf = deposed?.key ?? c.deposed;
    const extra = deposed?.extra ?? this.#plan.extras.get(c.deposed ? deposedKey(c.address, c.deposed) : c.address);
    const prior = deposed?.prior ?? extra?.prior ?? c.before;
    if (!prior) return true;
    const handle = await this.#handleFor(c);
    if (!handle) return false;
    const id = typeof prior.id === 'string' ? prior.id : undefined;
    return this.#op(c.address, deposedKeyOf ? 'delete-deposed' : 'delete', id, async (progress) => {
      const strategy = c.action === 'replace' && !deposedKeyOf ? c.replaceStrategy?.name : undefined;
      const r = await handle.provider.applyResource({ type: c.type, action: 'delete', prior, planned: null, config: null, ...(extra?.priorPrivate ? { priorPrivate: extra.priorPrivate } : {}), ...(strategy !== undefined ? { replaceStrategy: strategy } : {}) }, this.providerContext(handle.address, progress));
      if (hasErrors(r.diagnostics ?? [])) { this.#fail(c.address, r.diagnostics ?? [], c.range); return false; }
      const st = strategy !== undefined && r.state ? this.#state.byAddress.get(c.address) : undefined;
      // The first half of a replacement with a strategy may only stop the object (a statement whose
      // offsets its replacement carries over): it stays in state until the replacement exists, so a
      // failed create orphans nothing and the next plan replaces it again.
      if (st && r.state) this.#writer.putResource({ ...st, attributes: r.state });
      else this.#writer.removeResource(c.address, deposedKeyOf);
      if (c.action === 'delete') this.counts.destroy++;
      return true;
    });
  }

  async #deposedPhase(): Promise<void> {
    for (const d of [...this.#deposed].reverse()) {
      if (this.env.signal.aborted) return;
      if (await this.#delete(d.change, { prior: d.prior, extra: d.extra, key: d.key })) this.counts.destroy++;
    }
  }

  protected override async orphanNode(): Promise<boolean> { return true; }

  protected override async resourceNode(m: ModuleNode, r: ResourceConfig): Promise<boolean> {
    const handle = await this.providerForResource(m, r);
    if (!handle) return false;
    const schemas = r.mode === 'managed' ? handle.provider.schema().resources : handle.provider.schema().dataSources;
    const schema = schemas[r.type];
    if (!schema) return false;
    let ok = true;
    for (const steps of this.moduleInstances(m)) if (!(await this.#resourceInModule(m, r, steps, handle, schema))) ok = false;
    return ok;
  }

  async #resourceInModule(m: ModuleNode, r: ResourceConfig, steps: ModuleStep[], handle: ProviderHandle, schema: ResourceSchema): Promise<boolean> {
    const scope = this.scopeOf(steps);
    const exp = this.expansionKeys(r.count, r.forEach, scope, m.config.dir, `resource "${r.type}" "${r.name}"`);
    if (!exp) return false;
    const values = new Map<InstanceKey | undefined, MarkedValue>();
    let ok = true;
    await Promise.all(exp.keys.map((k) => this.semaphore.run(async () => {
      const addr: InstanceAddr = k === undefined ? { module: steps, mode: r.mode, type: r.type, name: r.name } : { module: steps, mode: r.mode, type: r.type, name: r.name, key: k };
      const address = formatInstanceAddr(addr);
      const instScope = k === undefined ? scope : typeof k === 'number' && r.count ? scope.with({ count: k }) : scope.with({ each: { key: k, value: exp.eachValues.get(String(k)) ?? { value: null, sensitive: false } } });
      const v = await this.#applyInstance(m, r, address, instScope, handle, schema);
      if (v === false) ok = false;
      else if (v) values.set(k, v);
    })));
    let value: Value;
    if (r.count) value = exp.keys.map((k) => values.get(k)?.value ?? null);
    else if (r.forEach) { const o: Record<string, Value> = {}; for (const k of exp.keys) o[String(k)] = values.get(k)?.value ?? null; value = o; }
    else value = values.get(undefined)?.value ?? null;
    (r.mode === 'managed' ? scope.resources : scope.data).set(`${r.type}.${r.name}`, { value, sensitive: false });
    const sens = new Set<string>(schemaSensitivePaths(schema));
    for (const k of exp.keys) {
      const a = formatInstanceAddr(k === undefined ? { module: steps, mode: r.mode, type: r.type, name: r.name } : { module: steps, mode: r.mode, type: r.type, name: r.name, key: k });
      for (const p of this.#plan.extras.get(a)?.sensitivePaths ?? this.#state.byAddress.get(a)?.sensitivePaths ?? []) sens.add(p);
    }
    scope.sensitive.set(`${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`, sensitiveStepPaths(sens, !!(r.count || r.forEach)));
    void resourceKey; void formatModulePath;
    return ok;
  }

  /** Applies one instance's change; returns its new value, undefined when it has none, false on failure. */
  async #applyInstance(m: ModuleNode, r: ResourceConfig, address: string, scope: EvalScope, handle: ProviderHandle, schema: ResourceSchema): Promise<MarkedValue | undefined | false> {
    const c = this.#changes.get(address);
    const st = this.#state.byAddress.get(address);
    if (r.mode === 'data') {
      const read = this.#plan.dataReads.get(address);
      if (read) {
        this.#writer.putResource({ address, module: formatModulePath(parseModule(address)), mode: 'data', type: r.type, name: r.name, ...(keyOf(address) !== undefined ? { indexKey: keyOf(address)! } : {}), provider: read.extra.provider, schemaVersion: read.extra.schemaVersion, attributes: read.state, sensitivePaths: read.extra.sensitivePaths, dependencies: read.extra.dependencies, status: 'ready' });
        return { value: read.state, sensitive: false };
      }
      if (!c) return undefined;
      const dec = decodeBody(r.body, schema, scope, this.evaluator(m.config.dir), { what: `data "${r.type}" "${r.name}"`, address });
      if (hasErrors(dec.diagnostics)) { this.#fail(address, dec.diagnostics); return false; }
      let readState: ObjectValue | undefined;
      const ok = await this.#op(address, 'read', undefined, async () => {
        const res = await handle.provider.readDataSource(r.type, dec.value, this.providerContext(handle.address));
        if (!res.state || hasErrors(res.diagnostics ?? [])) { this.#fail(address, res.diagnostics ?? [], r.range); return false; }
        const extra = this.#plan.extras.get(address)!;
        this.#writer.putResource(stateFromChange(c, res.state, extra, {}));
        readState = res.state;
        return true;
      });
      return ok && readState ? { value: readState, sensitive: false } : false;
    }
    if (!c || c.action === 'no-op') {
      const extra = this.#plan.extras.get(address);
      if (c?.importing && extra?.imported) {
        this.#writer.putResource(stateFromChange(c, extra.imported.state, extra, { private: extra.imported.private }));
        this.counts.import++;
        return { value: extra.imported.state, sensitive: false };
      }
      // Not in the plan and not in state: outside -target, not created yet.
      if (!st) return { value: UNKNOWN, sensitive: false };
      if (c?.previousAddress) { this.#writer.removeResource(c.previousAddress); this.#writer.putResource({ ...st }); }
      const refreshed = this.#plan.refreshed.get(address);
      if (refreshed && extra) { this.#writer.putResource({ ...st, attributes: refreshed }); return { value: refreshed, sensitive: false }; }
      return { value: st.attributes, sensitive: false };
    }
    if (c.action === 'delete' || c.action === 'read' || c.action === 'forget') return undefined;
    const extra = this.#plan.extras.get(address)!;
    const dec = decodeBody(r.body, schema, scope, this.evaluator(m.config.dir), { what: `resource "${r.type}" "${r.name}"`, address });
    if (hasErrors(dec.diagnostics)) { this.#fail(address, dec.diagnostics); return false; }
    const replacing = c.action === 'replace';
    const prior = replacing ? null : (extra.imported?.state ?? extra.prior);
    const ignore = r.lifecycle.ignoreChanges === 'all' ? 'all' as const : r.lifecycle.ignoreChanges.map((t) => t.text);
    const ctx = this.providerContext(handle.address);
    const final = await planInstance({ address, type: r.type, schema, provider: handle.provider, ctx, config: dec.value, prior, ...(extra.priorPrivate ? { priorPrivate: extra.priorPrivate } : {}), tainted: false, replaceRequested: false, replaceTriggered: false, lifecycle: r.lifecycle, ignoreChanges: ignore, ...(r.annotations ? { annotations: r.annotations } : {}) });
    if (hasErrors(final.diagnostics)) { this.#fail(address, final.diagnostics.map((d) => ({ ...d, range: locateIn(d, r) }))); return false; }
    if (!final.after || !consistentWithPlan(c.after, final.after)) {
      this.#fail(address, [errorDiag('apply-inconsistent-plan', 'Provider produced inconsistent final plan', { detail: `When expanding the plan for ${address} to include new values learned so far during apply, the planned values no longer match the saved plan. Run plan again.` })], r.range);
      return false;
    }
    if (c.previousAddress) this.#writer.removeResource(c.previousAddress);
    let deposedHere = false;
    let depKey = '';
    if (replacing && c.replaceOrder === 'create-before-destroy' && extra.prior) {
      if (st) { depKey = this.env.uuid().slice(0, 8); this.#writer.putResource({ ...st, deposed: depKey }); deposedHere = true; }
    }
    const action: ApplyAction = replacing || !prior ? 'create' : 'update';
    const id = typeof extra.prior?.id === 'string' ? extra.prior.id : undefined;
    let newValue: ObjectValue | undefined;
    const ok = await this.#op(address, replacing ? 'create' : c.action, action === 'update' ? id : undefined, async (progress, setId) => {
      const strategy = replacing && extra.prior ? c.replaceStrategy?.name : undefined;
      const res = await handle.provider.applyResource({
        type: r.type, action, prior, planned: final.after, config: dec.value, ...(extra.priorPrivate && !replacing ? { priorPrivate: extra.priorPrivate } : {}),
        ...(strategy !== undefined && extra.prior ? { replaceStrategy: strategy, replaces: extra.prior } : {}),
      }, this.providerContext(handle.address, progress));
      const failed = hasErrors(res.diagnostics ?? []);
      if (res.state) {
        // A create that failed part-way leaves a tainted object: the next plan replaces it.
        this.#writer.putResource(stateFromChange(c, res.state, { ...extra, sensitivePaths: propagateSensitive(res.state, c.afterSensitive) }, { tainted: failed && action === 'create', private: res.private }));
        newValue = res.state;
        setId(typeof res.state.id === 'string' ? res.state.id : undefined);
      } else if (!failed && action === 'update') this.#writer.removeResource(address);
      if (failed) { this.#fail(address, res.diagnostics ?? [], r.range); return false; }
      if (replacing) { this.counts.add++; this.counts.destroy += c.replaceOrder === 'create-before-destroy' ? 0 : 1; }
      else if (action === 'create') this.counts.add++;
      else this.counts.change++;
      if (c.importing) this.counts.import++;
      return true;
    });
    if (!ok) {
      // The replacement was not created: the old object stays current, nothing is deposed.
      if (deposedHere) this.#writer.removeResource(address, depKey);
      return false;
    }
    if (deposedHere && extra.prior) this.#deposed.push({ change: c, prior: extra.prior, extra, key: depKey });
    return newValue ? { value: newValue, sensitive: false } : undefined;
  }
}

function parseModule(address: string): ModuleStep[] {
  const out: ModuleStep[] = [];
  const re = /module\.([A-Za-z0-9_-]+)(\[(\d+|"(?:[^"\\]|\\.)*")\])?\./g;
  for (const m of address.matchAll(re)) {
    const k = m[3];
    out.push(k === undefined ? { name: m[1]! } : { name: m[1]!, key: k.startsWith('"') ? JSON.parse(k) as string : Number(k) });
  }
  return out;
}

function keyOf(address: string): InstanceKey | undefined {
  const m = /\[(\d+|"(?:[^"\\]|\\.)*")\]$/.exec(address);
  if (!m) return undefined;
  return m[1]!.startsWith('"') ? JSON.parse(m[1]!) as string : Number(m[1]);
}
