/** `init`, `validate`, `graph`, `version`, `import`: commands that inspect or adopt without a full plan. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { errorDiag, hasErrors, suggestion, systemClock } from '../shared/index.js';
import { parseAddress, formatInstanceAddr, formatModulePath } from '../provisioner/addr/index.js';
import { buildGraph, nodeLabel, validateConfig, type ProviderResolver } from '../provisioner/engine/index.js';
import { defaultLockWho } from '../provisioner/state/index.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import { prepare, release, type CommonOptions } from './run-plan.js';
import type { Io } from './terminal.js';
import { STREAMFORM_VERSION } from './version.js';
import { diagnosticsJSON, loadWorkspaceConfig, printDiagnostics, providerResolver } from './workspace.js';

export async function initCommand(io: Io, dir: string, opts: { color: boolean; json: boolean }, resolver: ProviderResolver = providerResolver()): Promise<number> {
  const loaded = await loadWorkspaceConfig(dir);
  const diags = [...loaded.diagnostics];
  const found: string[] = [];
  if (loaded.config) {
    const seen = new Set<string>();
    const visit = (m: typeof loaded.config.root): void => {
      for (const rp of m.terraform.requiredProviders.values()) seen.add(rp.source.replace(/^registry\.terraform\.io\//, ''));
      for (const r of m.resources) { const local = r.provider?.name ?? r.type.split('_')[0]!; if (!m.terraform.requiredProviders.has(local)) seen.add(resolver.defaultSource(local)); }
      for (const c of m.moduleCalls.values()) visit(c.module);
    };
    visit(loaded.config.root);
    for (const s of [...seen].sort()) {
      if (resolver.factory(s)) found.push(s);
      else diags.push(errorDiag('provider-unavailable', `Failed to query available provider packages`, { detail: `Could not find provider ${s}: streamform ships hashicorp/random, hashicorp/null, hashicorp/time, hashicorp/local, terraform.io/builtin/terraform and confluentinc/confluent.` }));
    }
  }
  mkdirSync(join(dir, '.streamform'), { recursive: true });
  if (opts.json) { io.out(JSON.stringify({ initialized: !hasErrors(diags), providers: found, diagnostics: diagnosticsJSON(diags, loaded.config?.sources) }) + '\n'); return hasErrors(diags) ? EXIT_ERROR : EXIT_OK; }
  if (hasErrors(diags)) { printDiagnostics(io, diags, { color: opts.color, sources: loaded.config?.sources }); return EXIT_ERROR; }
  io.out('Initializing provider plugins...\n');
  for (const s of found) io.out(`- Using ${s} (built into streamform ${STREAMFORM_VERSION})\n`);
  io.out('\nstreamform has been successfully initialized!\n\nYou may now begin working with streamform. Try running "streamform plan" to see\nany changes that are required for your infrastructure.\n');
  printDiagnostics(io, diags, { color: opts.color, sources: loaded.config?.sources });
  return EXIT_OK;
}

export async function validateCommand(io: Io, dir: string, opts: { color: boolean; json: boolean }, resolver: ProviderResolver = providerResolver()): Promise<number> {
  const loaded = await loadWorkspaceConfig(dir);
  const diags = [...loaded.diagnostics];
  if (loaded.config && !hasErrors(diags)) diags.push(...validateConfig(loaded.config, resolver));
  const errors = diags.filter((d) => d.severity === 'error').length;
  if (opts.json) {
    io.out(JSON.stringify({ format_version: '1.0', valid: errors === 0, error_count: errors, warning_count: diags.length - errors, diagnostics: diagnosticsJSON(diags, loaded.config?.sources) }, null, 2) + '\n');
    return errors ? EXIT_ERROR : EXIT_OK;
  }
  printDiagnostics(io, diags, { color: opts.color, sources: loaded.config?.sources });
  if (!errors) io.out('Success! The configuration is valid.\n');
  return errors ? EXIT_ERROR : EXIT_OK;
}

export async function graphCommand(io: Io, dir: string, opts: { color: boolean }): Promise<number> {
  const loaded = await loadWorkspaceConfig(dir);
  if (!loaded.config || hasErrors(loaded.diagnostics)) { printDiagnostics(io, loaded.diagnostics, { color: opts.color, sources: loaded.config?.sources }); return EXIT_ERROR; }
  const { graph } = buildGraph(loaded.config.root, []);
  io.out(graph.toDot((n) => nodeLabel(n.id)));
  return EXIT_OK;
}

export function versionCommand(io: Io, opts: { json: boolean }): number {
  const platform = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
  if (opts.json) io.out(JSON.stringify({ streamform_version: STREAMFORM_VERSION, platform, provider_selections: { 'confluentinc/confluent': STREAMFORM_VERSION, 'hashicorp/random': STREAMFORM_VERSION } }, null, 2) + '\n');
  else io.out(`streamform v${STREAMFORM_VERSION}\non ${platform}\n`);
  return EXIT_OK;
}

/** `streamform import ADDR ID`: adopts an existing object into state under ADDR (its resource block must exist). */
export async function importCommand(io: Io, dir: string, addr: string, id: string, opts: CommonOptions, resolverFor: (dir: string) => Promise<ProviderResolver>): Promise<number> {
  const p = parseAddress(addr);
  if (!p.value || p.value.kind === 'module') { printDiagnostics(io, p.diagnostics.length ? p.diagnostics : [errorDiag('import-address', 'Invalid address', { detail: `${addr} must name a resource instance such as random_id.r or module.m.random_id.r[0].` })], { color: opts.color }); return EXIT_ERROR; }
  const a = p.value.addr;
  const prep = await prepare(io, dir, opts, 'OperationTypeImport', true);
  if ('failed' in prep) { printDiagnostics(io, prep.failed, { color: opts.color, sources: prep.config?.sources }); return EXIT_ERROR; }
  try {
    const store = prep.store!;
    const modPath = formatModulePath(a.module).replace(/\[[^\]]*\]/g, '');
    let mod = prep.config.root;
    for (const step of a.module) { const c = mod.moduleCalls.get(step.name); if (!c) break; mod = c.module; }
    const rc = mod.resources.find((r) => r.mode === a.mode && r.type === a.type && r.name === a.name);
    if (!rc) {
      printDiagnostics(io, [errorDiag('import-no-config', 'Configuration for import target does not exist', { detail: `The configuration does not contain a resource block for ${formatInstanceAddr({ ...a, ...(p.value.kind === 'instance' ? {} : {}) })}${modPath ? ` in ${modPath}` : ''}. Add it first, e.g.\n\nresource "${a.type}" "${a.name}" {\n  # (resource arguments)\n}${suggestion(a.name, mod.resources.filter((r) => r.type === a.type).map((r) => r.name))}` })], { color: opts.color });
      return EXIT_ERROR;
    }
    const full = formatInstanceAddr(p.value.kind === 'instance' ? p.value.addr : a);
    if (store.getResource(full)) { printDiagnostics(io, [errorDiag('import-exists', 'Resource already managed by streamform', { detail: `streamform is already managing a remote object for ${full}. To import to this address you must first remove the existing object from the state (streamform state rm ${full}).` })], { color: opts.color }); return EXIT_ERROR; }
    const resolver = await resolverFor(dir);
    const local = rc.provider?.name ?? rc.type.split('_')[0]!;
    const source = (mod.terraform.requiredProviders.get(local)?.source ?? prep.config.root.terraform.requiredProviders.get(local)?.source ?? resolver.defaultSource(local)).replace(/^registry\.terraform\.io\//, '');
    const factory = resolver.factory(source);
    if (!factory) { printDiagnostics(io, [errorDiag('provider-unavailable', `Provider ${source} is not available`)], { color: opts.color }); return EXIT_ERROR; }
    const provider = factory();
    const block = prep.config.root.providers.find((b) => b.name === local && b.alias === rc.provider?.alias);
    void block;
    const schema = provider.schema();
    const cfg: Record<string, import('../provisioner/lang/index.js').Value> = {};
    for (const [k, at] of Object.entries(schema.provider.attributes)) cfg[k] = at.default ?? null;
    for (const [k, b] of Object.entries(schema.provider.blocks ?? {})) cfg[k] = b.nesting === 'single' ? null : [];
    const defaults = resolver.defaults?.(source);
    if (defaults) Object.assign(cfg, Object.fromEntries(Object.entries(defaults).filter(([k]) => cfg[k] === null)));
    const ctx = { address: full, signal: new AbortController().signal, progress: () => undefined, now: () => systemClock.now() };
    const cd = await provider.configure(cfg, ctx);
    if (hasErrors(cd)) { printDiagnostics(io, cd, { color: opts.color }); return EXIT_ERROR; }
    if (!provider.importResource) { printDiagnostics(io, [errorDiag('import-unsupported', `Resource type ${rc.type} does not support import`)], { color: opts.color }); return EXIT_ERROR; }
    io.out(`${full}: Importing from ID "${id}"...\n`);
    const r = await provider.importResource(rc.type, id, ctx);
    if (!r.state || hasErrors(r.diagnostics ?? [])) {
      printDiagnostics(io, r.diagnostics?.length ? [...r.diagnostics] : [errorDiag('import-not-found', 'Cannot import non-existent remote object', { detail: `While attempting to import an existing object to "${full}", the provider detected that no object exists with the given id "${id}". Only pre-existing objects can be imported; check that the id is correct and that it is associated with the provider's configured region or endpoint, or use "streamform apply" to create a new remote object for this resource.` })], { color: opts.color });
      return EXIT_ERROR;
    }
    const key = p.value.kind === 'instance' ? p.value.addr.key : undefined;
    const before = store.head().serial;
    store.putResource({ address: full, module: formatModulePath(a.module), mode: 'managed', type: rc.type, name: rc.name, ...(key !== undefined ? { indexKey: key } : {}), provider: `provider["registry.terraform.io/${source}"]`, schemaVersion: schema.resources[rc.type]?.version ?? 0, attributes: r.state, sensitivePaths: Object.entries(schema.resources[rc.type]?.attributes ?? {}).filter(([, x]) => x.sensitive).map(([k]) => k), dependencies: [], ...(r.private ? { private: r.private } : {}), status: 'ready' });
    store.appendHistory({ user: defaultLockWho(), operation: 'import', summary: `${full} <- ${id}`, serialBefore: before, serialAfter: store.head().serial });
    io.out(`${full}: Import prepared!\n${full}: Refreshing state... [id=${id}]\n\nImport successful!\n\nThe resources that were imported are shown above. These resources are now in\nyour streamform state and will henceforth be managed by streamform.\n`);
    await provider.close?.();
    void randomUUID;
    return EXIT_OK;
  } finally {
    release(prep, io);
  }
}
