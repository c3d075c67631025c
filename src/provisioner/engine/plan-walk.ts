/**
 * The plan walk: visits every configuration object in dependency order, refreshes and plans each
 * resource instance, reads data sources whose configuration is known, and assembles the Plan.
 */
import type { Diagnostic, SourceRange } from '../../shared/index.js';
import { errorDiag, hasErrors, suggestion, warningDiag } from '../../shared/index.js';
import { formatInstanceAddr, formatModulePath, parseAddress, targetMatches, type InstanceAddr, type InstanceKey, type ModuleStep, type TargetAddr } from '../addr/index.js';
import type { ResourceConfig } from '../config/index.js';
import type { MarkedValue, ObjectValue, Value } from '../lang/index.js';
import { isWhollyKnown, referencesOf, UNKNOWN, valuesEqual } from '../lang/index.js';
import type { ChangeAction, Plan, ResourceChange } from '../plan/index.js';
import type { ResourceSchema } from '../provider/index.js';
import type { ResourceInstanceState } from '../state/index.js';
import { bodyExprs } from './build-graph.js';
import { ConfigWalk, type ProviderHandle } from './config-walk.js';
import { decodeBody } from './decode-body.js';
import { nodeId, type ModuleNode } from './module-tree.js';
import { planInstance, preventDestroyDiag, propagateSensitive, schemaSensitivePaths, sensitiveStepPaths } from './plan-instance.js';
import { resourceKey, StateIndex } from './state-index.js';
import { assemblePlan } from './plan-result.js';
import { missingImportTargets } from './generate-config.js';
import { targetSet, type TargetSet } from './target-set.js';
import type { EngineEnv, PlanOptions } from './types.js';

/** What apply needs beyond the Plan itself, per instance address. */
export interface InstanceExtra {
  /** The prior object as refreshed during plan (what apply updates from). */
  readonly prior: ObjectValue | null;
  readonly priorPrivate?: ObjectValue;
  /** The object an import block brought in (written to state at apply). */
  readonly imported?: { readonly state: ObjectValue; readonly private?: ObjectValue };
  readonly sensitivePaths: readonly string[];
  readonly dependencies: readonly string[];
  readonly createBeforeDestroy: boolean;
  readonly provider: string;
  readonly schemaVersion: number;
}

export interface EnginePlan {
  readonly plan: Plan;
  readonly extras: ReadonlyMap<string, InstanceExtra>;
  /** Data sources read during plan, to be stored at apply. */
  readonly dataReads: ReadonlyMap<string, { readonly state: ObjectValue; readonly extra: InstanceExtra }>;
  /** Resources refreshed during plan (for refresh-only apply and drift adoption). */
  readonly refreshed: ReadonlyMap<string, ObjectValue | null>;
}

function instanceAddr(steps: readonly ModuleStep[], r: { mode: 'managed' | 'data'; type: string; name: string }, key: InstanceKey | undefined): InstanceAddr {
  return key === undefined ? { module: steps, mode: r.mode, type: r.type, name: r.name } : { module: steps, mode: r.mode, type: r.type, name: r.name, key };
}

export class PlanWalk extends ConfigWalk {
  readonly #opts: PlanOptions;
  readonly #state: StateIndex;
  readonly changes: ResourceChange[] = [];
  readonly drift: ResourceChange[] = [];
  readonly extras = new Map<string, InstanceExtra>();
  readonly dataReads = new Map<string, { state: ObjectValue; extra: InstanceExtra }>();
  readonly refreshed = new Map<string, ObjectValue | null>();
  readonly #pending = new Set<string>();
  readonly #targets: TargetAddr[] = [];
  readonly #replace: TargetAddr[] = [];
  /** With -target: which nodes are planned, and which of them whole. */
  #targetSet: TargetSet | undefined;

  constructor(env: EngineEnv, opts: PlanOptions) {
    super(env, { parallelism: opts.parallelism, variables: opts.variables });
    this.#opts = opts;
    this.skipOutputs = opts.mode === 'destroy';
    const moved = this.modules.flatMap((m) => m.config.moved.map((block) => ({ block, modulePrefix: m.path ? m.path + '.' : '' })));
    this.#state = new StateIndex(env.state, moved);
    this.diagnostics.push(...this.#state.diagnostics);
    if (opts.mode === 'normal') this.diagnostics.push(...missingImportTargets(env.config));
    for (const [list, src] of [[this.#targets, opts.targets], [this.#replace, opts.replace]] as const) {
      for (const t of src) {
        const p = parseAddress(t);
        this.diagnostics.push(...p.diagnostics);
        if (p.value) list.push(p.value);
      }
    }
    if (this.#targets.length) {
      this.#targetSet = targetSet(this.graph, this.#targets, opts.mode);
      this.walkOnly = this.#targetSet.walked;
      this.diagnostics.push(warningDiag('plan-targeting', 'Resource targeting is in effect', { detail: 'You are creating a plan with the -target option, which means that the result of this plan may not represent all of the changes requested by the current configuration. The -target option is not for routine use: it is for exceptional situations such as recovering from errors or mistakes.' }));
    }
  }

  #instanceTargeted(a: InstanceAddr): boolean {
    if (!this.#targets.length) return true;
    return this.#targets.some((t) => targetMatches(t, a));
  }

  /** Whether an instance of the resource node `id` is planned under -target. */
  #instanceInTargets(id: string, a: InstanceAddr): boolean {
    if (!this.#targetSet) return true;
    if (this.#targetSet.whole.has(id)) return true;
    return this.#targetSet.matching.has(id) && this.#instanceTargeted(a);
  }

  protected override async resourceNode(m: ModuleNode, r: ResourceConfig): Promise<boolean> {
    const id = nodeId.resource(m.path, r.mode, r.type, r.name);
    const inScope = !this.#targetSet || this.#targetSet.matching.has(id) || this.#targetSet.whole.has(id);
    const handle = await this.providerForResource(m, r);
    if (!handle) return false;
    const schemas = r.mode === 'managed' ? handle.provider.schema().resources : handle.provider.schema().dataSources;
    const schema = schemas[r.type];
    if (!schema) {
      this.diagnostics.push(errorDiag('config-unknown-resource-type', `Invalid ${r.mode === 'managed' ? 'resource' : 'data source'} type`, { detail: `The provider ${handle.source} does not support ${r.mode === 'managed' ? 'resource' : 'data source'} type "${r.type}".${suggestion(r.type, Object.keys(schemas))}`, range: r.range }));
      return false;
    }
    let ok = true;
    const instances = this.moduleInstances(m);
    for (const steps of instances) {
      if (!(await this.#resourceInModule(m, r, steps, handle, schema, id))) ok = false;
    }
    // Objects of module instances that no longer exist (a for_each key or count index removed).
    if (m.path && r.mode === 'managed' && inScope) {
      const live = new Set(instances.map((s) => formatModulePath(s)));
      for (const [key, list] of this.#state.byResource) {
        const [mod, rest] = key.split('|');
        if (live.has(mod!) || rest !== `${r.type}.${r.name}` || mod!.replace(/\[[^\]]*\]/g, '') !== m.path) continue;
        for (const st of list) {
          const parsed = parseAddress(st.address).value;
          if (parsed && parsed.kind !== 'module' && !this.#instanceInTargets(id, parsed.addr)) continue;
          await this.#planDelete(st, 'delete-because-no-module', r.lifecycle.preventDestroy);
        }
      }
    }
    return ok;
  }

  async #resourceInModule(m: ModuleNode, r: ResourceConfig, steps: ModuleStep[], handle: ProviderHandle, schema: ResourceSchema, nodeKey: string): Promise<boolean> {
    const scope = this.scopeOf(steps);
    const modPath = formatModulePath(steps);
    const key = resourceKey(modPath, r.mode, r.type, r.name);
    const prior = this.#state.byResource.get(key) ?? [];
    const what = `${r.mode === 'managed' ? 'resource' : 'data'} "${r.type}" "${r.name}"`;
    const values = new Map<InstanceKey | undefined, MarkedValue>();
    const destroying = this.#opts.mode === 'destroy';
    let keys: (InstanceKey | undefined)[] = [];
    let eachValues = new Map<string, MarkedValue>();
    if (!destroying) {
      const exp = this.expansionKeys(r.count, r.forEach, scope, m.config.dir, what);
      if (!exp) return false;
      keys = exp.keys; eachValues = exp.eachValues;
    }
    const deps = this.#dependenciesOf(m, r, steps);
    const tasks: Promise<void>[] = [];
    const keySet = new Set(keys.map((k) => (k === undefined ? '' : JSON.stringify(k))));
    for (const k of keys) {
      const addr = instanceAddr(steps, r, k);
      const address = formatInstanceAddr(addr);
      const st = this.#state.byAddress.get(address);
      if (!this.#instanceInTargets(nodeKey, addr)) {
        // Outside -target: the object as state has it; one not created yet is unknown.
        values.set(k, { value: st ? st.attributes : UNKNOWN, sensitive: false });
        continue;
      }
      const instScope = k === undefined ? scope : typeof k === 'number' && r.count ? scope.with({ count: k }) : scope.with({ each: { key: k, value: eachValues.get(String(k)) ?? { value: null, sensitive: false } } });
      tasks.push(this.semaphore.run(async () => {
        const v = r.mode === 'managed'
          ? await this.#planManaged(m, r, addr, address, st, instScope, handle, schema, deps)
          : await this.#planData(m, r, addr, address, instScope, handle, schema, deps);
        if (v) values.set(k, v);
      }));
    }
    await Promise.all(tasks);
    // Instances in state that the configuration no longer declares.
    for (const st of prior) {
      const k = st.indexKey;
      if (!destroying && keySet.has(k === undefined ? '' : JSON.stringify(k))) continue;
      const addr = instanceAddr(steps, r, k);
      if (!this.#instanceInTargets(nodeKey, addr)) continue;
      if (st.mode === 'data') continue;
      const reason = destroying ? undefined : k === undefined ? (r.count || r.forEach ? 'delete-because-count-index' : undefined) : typeof k === 'number' ? 'delete-because-count-index' : 'delete-because-each-key';
      await this.#planDelete(st, reason, r.lifecycle.preventDestroy);
    }
    // The resource's value for references: object, list (count) or map (for_each).
    let value: Value;
    let sensitive = false;

    // A destroy plan evaluates references against prior state (as Terraform does), so locals,
    // provider configurations and data sources that read these objects still evaluate.
    if (destroying) value = priorStateValue(r, prior);
    else if (r.count) { value = keys.map((k) => values.get(k)?.value ?? null); }
    else if (r.forEach) { const o: Record<string, Value> = {}; for (const k of keys) o[String(k)] = values.get(k)?.value ?? null; value = o; }
    else { const v = values.get(undefined); value = v?.value ?? null; sensitive = false; }
    if (r.mode === 'managed') scope.resources.set(`${r.type}.${r.name}`, { value, sensitive });
    else scope.data.set(`${r.type}.${r.name}`, { value, sensitive });
    const sens = new Set<string>(schemaSensitivePaths(schema));
    for (const k of keys) for (const p of this.extras.get(formatInstanceAddr(instanceAddr(steps, r, k)))?.sensitivePaths ?? []) sens.add(p);
    if (destroying) for (const st of prior) for (const p of st.sensitivePaths) sens.add(p);
    scope.sensitive.set(`${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`, sensitiveStepPaths(sens, !!(r.count || r.forEach)));
    return true;
  }

  #dependenciesOf(m: ModuleNode, r: ResourceConfig, steps: readonly ModuleStep[]): string[] {
    const prefix = formatModulePath(steps);
    const out = new Set<string>();
    for (const e of [...bodyExprs(r.body), ...(r.count ? [r.count.expr] : []), ...(r.forEach ? [r.forEach.expr] : [])]) {
      for (const u of referencesOf(e)) {
        if (u.ref.kind === 'resource') out.add(`${prefix ? prefix + '.' : ''}${u.ref.type}.${u.ref.name}`);
        if (u.ref.kind === 'data') out.add(`${prefix ? prefix + '.' : ''}data.${u.ref.type}.${u.ref.name}`);
      }
    }
    for (const d of r.dependsOn) out.add(`${prefix ? prefix + '.' : ''}${d.text.replace(/\[[^\]]*\]$/, '')}`);
    void m;
    return [...out].sort();
  }

  async #refresh(st: ResourceInstanceState, handle: ProviderHandle, address: string): Promise<ObjectValue | null> {
    if (!this.#opts.refresh) return st.attributes;
    this.env.hooks.refreshStart?.(address);
    const r = await handle.provider.readResource(st.type, st.attributes, this.providerContext(handle.address), st.private);
    this.diagnostics.push(...(r.diagnostics ?? []).map((d) => ({ ...d, address })));
    if (hasErrors(r.diagnostics ?? [])) return st.attributes;
    this.env.hooks.refreshDone?.(address, typeof r.state?.id === 'string' ? r.state.id : undefined);
    this.refreshed.set(address, r.state);
    if (!r.state || !valuesEqual(r.state, st.attributes)) {
      this.drift.push(this.#change(st, r.state ? 'update' : 'delete', st.attributes, r.state, { provider: st.provider }));
    }
    return r.state;
  }

  #change(st: { address: string; mode: 'managed' | 'data'; type: string; name: string; module: string; indexKey?: InstanceKey; sensitivePaths?: readonly string[] }, action: ChangeAction, before: ObjectValue | null, after: ObjectValue | null, extra: Partial<ResourceChange> & { provider: string }): ResourceChange {
    return {
      address: st.address, mode: st.mode, type: st.type, name: st.name, module: st.module,
      ...(st.indexKey !== undefined ? { index: st.indexKey } : {}),
      action, before, after,
      beforeSensitive: st.sensitivePaths ?? [], afterSensitive: extra.afterSensitive ?? st.sensitivePaths ?? [],
      replacePaths: [],
      ...extra,
    };
  }

  async #planDelete(st: ResourceInstanceState, reason: ResourceChange['reason'], preventDestroy: boolean): Promise<void> {
    const parsed = parseAddress(st.address).value;
    if (this.#opts.refresh && parsed && parsed.kind !== 'module') {
      const m = this.modules.find((x) => x.path === st.module.replace(/\[[^\]]*\]/g, '')) ?? this.modules[0]!;
      const handle = await this.providerFor(m, st.provider.match(/\/([^/"]+)"\]/)?.[1] ?? st.type.split('_')[0]!);
      if (handle) {
        const now = await this.#refresh(st, handle, st.address);
        if (now === null) return; // already gone: nothing to destroy
      }
    }
    if (preventDestroy) { this.diagnostics.push(preventDestroyDiag(st.address)); return; }
    this.changes.push(this.#change(st, 'delete', st.attributes, null, { provider: st.provider, ...(reason ? { reason } : {}) }));
    this.extras.set(st.address, { prior: st.attributes, ...(st.private ? { priorPrivate: st.private } : {}), sensitivePaths: st.sensitivePaths, dependencies: st.dependencies, createBeforeDestroy: st.createBeforeDestroy ?? false, provider: st.provider, schemaVersion: st.schemaVersion });
  }

  async #planManaged(m: ModuleNode, r: ResourceConfig, addr: InstanceAddr, address: string, st: ResourceInstanceState | undefined, scope: import('../lang/index.js').EvalScope, handle: ProviderHandle, schema: ResourceSchema, deps: string[]): Promise<MarkedValue | undefined> {
    const base = { address, mode: r.mode, type: r.type, name: r.name, module: formatModulePath(addr.module), ...(addr.key !== undefined ? { indexKey: addr.key } : {}) };
    const ctx = this.providerContext(handle.address);
    let prior: ObjectValue | null = null;
    if (st) prior = await this.#refresh(st, handle, address);
    if (this.#opts.mode === 'destroy') {
      if (st && prior !== null) await this.#planDelete({ ...st, attributes: prior }, undefined, r.lifecycle.preventDestroy);
      return st ? { value: st.attributes, sensitive: false } : undefined;
    }
    // Refresh-only: what exists is what was refreshed; an object not created yet is unknown.
    if (this.#opts.mode === 'refresh-only') return { value: prior ?? UNKNOWN, sensitive: false };
    const dec = decodeBody(r.body, schema, scope, this.evaluator(m.config.dir), { what: `resource "${r.type}" "${r.name}"`, address });
    this.diagnostics.push(...dec.diagnostics);
    if (hasErrors(dec.diagnostics)) return undefined;
    const extraDiags: Diagnostic[] = [...(handle.provider.validateResource?.(r.type, dec.value) ?? [])].map((d) => ({ ...d, address, range: locateIn(d, r) }));
    this.diagnostics.push(...extraDiags);
    if (hasErrors(extraDiags)) return undefined;
    // Import blocks: adopt an existing object at this address.
    let imported: InstanceExtra['imported'];
    const imp = !st ? this.#importFor(m, address) : undefined;
    if (imp !== undefined) {
      if (!handle.provider.importResource) { this.diagnostics.push(errorDiag('import-unsupported', `Resource type ${r.type} cannot be imported`, { address, range: r.range })); return undefined; }
      const res = await handle.provider.importResource(r.type, imp, ctx);
      this.diagnostics.push(...(res.diagnostics ?? []).map((d) => ({ ...d, address })));
      if (!res.state) { if (!hasErrors(res.diagnostics ?? [])) this.diagnostics.push(errorDiag('import-not-found', `Cannot import non-existent remote object`, { detail: `While attempting to import ${address} with id "${imp}", the provider found no such object. Check the id.`, address, range: r.range })); return undefined; }
      imported = res.private ? { state: res.state, private: res.private } : { state: res.state };
      prior = res.state;
    }
    const ignore = r.lifecycle.ignoreChanges === 'all' ? 'all' as const : r.lifecycle.ignoreChanges.map((t) => t.text);
    const replaceTriggered = prior !== null && this.#replaceTriggered(m, r, scope, addr);
    const p = await planInstance({
      address, type: r.type, schema, provider: handle.provider, ctx, config: dec.value, prior,
      ...(st?.private ? { priorPrivate: st.private } : {}),
      tainted: st?.status === 'tainted', replaceRequested: this.#replace.some((t) => targetMatches(t, addr)), replaceTriggered,
      lifecycle: r.lifecycle, ignoreChanges: ignore, ...(r.annotations ? { annotations: r.annotations } : {}),
    });
    this.diagnostics.push(...p.diagnostics.map((d) => ({ ...d, address, range: locateIn(d, r) })));
    if (hasErrors(p.diagnostics)) return undefined;
    const afterSensitive = propagateSensitive(p.after, [...new Set([...dec.sensitivePaths, ...schemaSensitivePaths(schema)])].sort());
    const moved = this.#state.movedFrom.get(address);
    const change = this.#change({ ...base, sensitivePaths: st?.sensitivePaths ?? [] }, p.action, prior, p.after, {
      provider: handle.address, afterSensitive, replacePaths: p.replacePaths,
      ...(p.reason ? { reason: p.reason } : {}),
      ...(p.action === 'replace' ? { replaceOrder: r.lifecycle.createBeforeDestroy ? 'create-before-destroy' as const : 'delete-before-create' as const } : {}),
      ...(moved ? { previousAddress: moved } : {}),
      ...(imported ? { importing: { id: imp! } } : {}),
      ...(p.notes.length ? { notes: p.notes } : {}),
      ...(p.replaceStrategy ? { replaceStrategy: p.replaceStrategy } : {}),
      range: r.range,
    });
    this.changes.push(change); // no-op changes too: show -json lists every resource, the text view hides them
    if (p.action !== 'no-op') this.#pending.add(address);
    this.extras.set(address, {
      prior, ...(st?.private ? { priorPrivate: st.private } : {}), ...(imported ? { imported } : {}),
      sensitivePaths: afterSensitive, dependencies: deps, createBeforeDestroy: r.lifecycle.createBeforeDestroy, provider: handle.address, schemaVersion: schema.version ?? 0,
    });
    return { value: p.after ?? null, sensitive: false };
  }

  #importFor(m: ModuleNode, address: string): string | undefined {
    for (const mod of this.modules) {
      for (const ib of mod.config.imports) {
        if (ib.to !== address) continue;
        const r = this.eval(ib.id.expr, ib.id.range.file, this.scopeOf([]), mod.config.dir);
        this.diagnostics.push(...r.diagnostics);
        if (typeof r.value?.value === 'string') return r.value.value;
        if (r.value) this.diagnostics.push(errorDiag('import-id', 'Invalid import id', { detail: 'The import id must be a string known at plan time.', range: ib.id.range }));
      }
    }
    void m;
    return undefined;
  }

  #replaceTriggered(m: ModuleNode, r: ResourceConfig, scope: import('../lang/index.js').EvalScope, addr: InstanceAddr): boolean {
    for (const a of r.lifecycle.replaceTriggeredBy) {
      for (const u of referencesOf(a.expr)) {
        if (u.ref.kind !== 'resource') continue;
        const prefix = formatModulePath(addr.module);
        let target = `${prefix ? prefix + '.' : ''}${u.ref.type}.${u.ref.name}`;
        let rest = u.rest;
        // `terraform_data.t["a"]` / `x[0]`: the first index step picks the instance.
        const first = rest[0];
        if (first && first.kind === 'index') { target += typeof first.key === 'number' ? `[${first.key}]` : `[${JSON.stringify(first.key)}]`; rest = rest.slice(1); }
        for (const c of this.changes) {
          if (c.address === target || (c.address.startsWith(target + '[') && target === `${prefix ? prefix + '.' : ''}${u.ref.type}.${u.ref.name}`)) {
            if (rest.length === 0 ? c.action !== 'no-op' && c.action !== 'read' : changedAt(c, rest.map((s) => (s.kind === 'attr' ? s.name : s.key)))) return true;
          }
        }
      }
    }
    void m; void scope;
    return false;
  }

  async #planData(m: ModuleNode, r: ResourceConfig, addr: InstanceAddr, address: string, scope: import('../lang/index.js').EvalScope, handle: ProviderHandle, schema: ResourceSchema, deps: string[]): Promise<MarkedValue | undefined> {
    const destroying = this.#opts.mode === 'destroy';
    const dec = decodeBody(r.body, schema, scope, this.evaluator(m.config.dir), { what: `data "${r.type}" "${r.name}"`, address });
    this.diagnostics.push(...dec.diagnostics);
    if (hasErrors(dec.diagnostics)) return undefined;
    const extra: InstanceExtra = { prior: null, sensitivePaths: [...new Set([...dec.sensitivePaths, ...schemaSensitivePaths(schema)])].sort(), dependencies: deps, createBeforeDestroy: false, provider: handle.address, schemaVersion: schema.version ?? 0 };
    const pendingDep = deps.some((d) => [...this.#pending].some((p) => p === d || p.startsWith(d + '[')));
    if (!isWhollyKnown(dec.value) || (pendingDep && !destroying)) {
      const after: Record<string, Value> = { ...dec.value };
      for (const [k, a] of Object.entries(schema.attributes)) if (a.computed && (dec.value[k] ?? null) === null) after[k] = UNKNOWN;
      if (destroying) return { value: after, sensitive: false };
      this.changes.push(this.#change({ address, mode: 'data', type: r.type, name: r.name, module: formatModulePath(addr.module), ...(addr.key !== undefined ? { indexKey: addr.key } : {}) }, 'read', null, after, { provider: handle.address, reason: pendingDep ? 'read-because-dependency-pending' : 'read-because-config-unknown', range: r.range, afterSensitive: extra.sensitivePaths }));
      this.#pending.add(address);
      this.extras.set(address, extra);
      return { value: after, sensitive: false };
    }
    this.env.hooks.refreshStart?.(address);
    const res = await handle.provider.readDataSource(r.type, dec.value, this.providerContext(handle.address));
    this.diagnostics.push(...(res.diagnostics ?? []).map((d) => ({ ...d, address, range: locateIn(d, r) })));
    if (!res.state) return undefined;
    this.env.hooks.refreshDone?.(address, typeof res.state.id === 'string' ? res.state.id : undefined);
    if (!destroying) this.dataReads.set(address, { state: res.state, extra });
    return { value: res.state, sensitive: false };
  }

  protected override async orphanNode(resourceAddr: string): Promise<boolean> {
    if (this.#opts.mode === 'refresh-only') return true;
    const parsed = parseAddress(resourceAddr).value;
    if (!parsed || parsed.kind === 'module') return true;
    if (this.#targets.length && !this.#targets.some((t) => targetMatchesResource(t, parsed.addr))) return true;
    const states = [...this.#state.byAddress.values()].filter((s) => s.mode === 'managed' && (s.address === resourceAddr || s.address.startsWith(resourceAddr + '[')));
    for (const st of states) {
      if (parsed.addr.module.length && !this.#moduleStillDeclared(st.module)) await this.#planDelete(st, 'delete-because-no-module', false);
      else await this.#planDelete(st, this.#opts.mode === 'destroy' ? undefined : 'delete-because-no-resource-config', false);
    }
    return true;
  }

  #moduleStillDeclared(modulePath: string): boolean {
    return this.modules.some((m) => m.path === modulePath.replace(/\[[^\]]*\]/g, ''));
  }

  /** Deposed objects (an interrupted create_before_destroy left them) are destroyed. */
  #planDeposed(): void {
    if (this.#opts.mode === 'refresh-only') return;
    for (const st of this.#state.deposed) {
      const parsed = parseAddress(st.address).value;
      if (parsed && parsed.kind !== 'module' && !this.#instanceTargeted(parsed.addr)) continue;
      this.changes.push({ ...this.#change(st, 'delete', st.attributes, null, { provider: st.provider }), deposed: st.deposed! });
      this.extras.set(deposedKey(st.address, st.deposed!), { prior: st.attributes, ...(st.private ? { priorPrivate: st.private } : {}), sensitivePaths: st.sensitivePaths, dependencies: st.dependencies, createBeforeDestroy: true, provider: st.provider, schemaVersion: st.schemaVersion });
    }
  }

  /** Builds the Plan once the walk finished. */
  result(): EnginePlan {
    this.#planDeposed();
    const variables: Record<string, { value: Value; sensitive: boolean }> = {};
    for (const [name, v] of this.scopeOf([]).vars) variables[name] = { value: v.value, sensitive: v.sensitive };
    const plan = assemblePlan({
      mode: this.#opts.mode, targets: this.#opts.targets, state: this.env.state, declaredOutputs: this.env.config.root.outputs,
      changes: this.changes, drift: this.drift, rootOutputs: this.rootOutputs, variables, diagnostics: this.diagnostics, now: this.env.clock.now(),
    });
    return { plan, extras: this.extras, dataReads: this.dataReads, refreshed: this.refreshed };
  }
}

/**
 * A resource's value as prior state has it: a list for count, a map for for_each, the object
 * otherwise. With nothing in state the value is unknown, like Terraform's evaluator outside apply.
 */
export function priorStateValue(r: ResourceConfig, prior: readonly ResourceInstanceState[]): Value {
  const current = prior.filter((st) => st.deposed === undefined);
  if (!current.length) return UNKNOWN;
  if (r.count) return [...current].filter((st) => typeof st.indexKey === 'number').sort((a, b) => (a.indexKey as number) - (b.indexKey as number)).map((st) => st.attributes);
  if (r.forEach) {
    const o: Record<string, Value> = {};
    for (const st of current) if (typeof st.indexKey === 'string') o[st.indexKey] = st.attributes;
    return o;
  }
  return current.find((st) => st.indexKey === undefined)?.attributes ?? UNKNOWN;
}

/** The extras key of a deposed object. */
/** Where a provider's diagnostic about `r` points: its own range, else the attribute it names, else the block. */
export function locateIn(d: Diagnostic, r: ResourceConfig): SourceRange {
  return d.range ?? (d.attribute !== undefined ? r.body.attributes.get(d.attribute)?.range : undefined) ?? r.range;
}

export function deposedKey(address: string, deposed: string): string {
  return `${address} (deposed ${deposed})`;
}

function targetMatchesResource(t: TargetAddr, a: InstanceAddr): boolean {
  if (t.kind === 'instance') return targetMatches({ kind: 'resource', addr: t.addr }, a);
  return targetMatches(t, a);
}

function changedAt(c: ResourceChange, path: readonly (string | number)[]): boolean {
  let b: Value | undefined = c.before, a: Value | undefined = c.after;
  for (const s of path) {
    b = b && typeof b === 'object' && !Array.isArray(b) ? (b as ObjectValue)[String(s)] : Array.isArray(b) ? b[Number(s)] : undefined;
    a = a && typeof a === 'object' && !Array.isArray(a) ? (a as ObjectValue)[String(s)] : Array.isArray(a) ? a[Number(s)] : undefined;
  }
  return !valuesEqual(b ?? null, a ?? null);
}
