/** `streamform state list|show|mv|rm|pull|push`, `taint`, `untaint`, `force-unlock`, `show` (state). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../shared/index.js';
import { errorDiag } from '../shared/index.js';
import { parseAddress, targetMatches, parseInstanceAddr } from '../provisioner/addr/index.js';
import type { ResourceInstanceState, StateStore } from '../provisioner/state/index.js';
import { defaultLockWho, importStateJSON, StateError } from '../provisioner/state/index.js';
import { formatValue, renderOutputCommand, type OutputFormat } from '../views/index.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import type { Io } from './terminal.js';
import { loadWorkspaceConfig, openState, printDiagnostics, statePathFor } from './workspace.js';

async function withState<T>(io: Io, dir: string, color: boolean, create: boolean, fn: (s: StateStore) => T | Promise<T>): Promise<T | number> {
  const loaded = await loadWorkspaceConfig(dir);
  const path = statePathFor(dir, loaded.config);
  const o = openState(path, create);
  if (!o.store) {
    if (!create && o.diagnostics.some((d) => d.code === 'state-not-found')) {
      printDiagnostics(io, [errorDiag('state-not-found', 'No state file was found', { detail: `There is no state at ${path} yet. Run streamform apply first.` })], { color });
      return EXIT_ERROR;
    }
    printDiagnostics(io, o.diagnostics, { color });
    return EXIT_ERROR;
  }
  try { return await fn(o.store); }
  catch (e) { if (e instanceof StateError) { printDiagnostics(io, [e.diagnostic], { color }); return EXIT_ERROR; } throw e; }
  finally { o.store.close(); }
}

async function locked<T>(io: Io, store: StateStore, color: boolean, op: string, fn: () => T): Promise<T | number> {
  let id: string | undefined;
  try { id = (await store.acquireLock({ operation: op, who: defaultLockWho() }, { timeoutMs: 0 })).id; }
  catch (e) { if (e instanceof StateError) { printDiagnostics(io, [e.diagnostic], { color }); return EXIT_ERROR; } throw e; }
  try { return fn(); } finally { store.releaseLock(id); }
}

function selectorMatches(sel: string, r: ResourceInstanceState): boolean {
  const p = parseAddress(sel).value;
  const a = parseInstanceAddr(r.address);
  return !!p && !!a && targetMatches(p, a);
}

export async function stateList(io: Io, dir: string, addrs: readonly string[], opts: { color: boolean; json: boolean; id?: string }): Promise<number> {
  const r = await withState(io, dir, opts.color, false, (s) => {
    let list = s.snapshot().resources.filter((x) => x.deposed === undefined);
    if (addrs.length) list = list.filter((x) => addrs.some((a) => selectorMatches(a, x)));
    if (opts.id) list = list.filter((x) => x.attributes.id === opts.id);
    if (opts.json) io.out(JSON.stringify(list.map((x) => x.address)) + '\n');
    else for (const x of list) io.out(x.address + '\n');
    return EXIT_OK;
  });
  return r;
}

export function renderInstance(r: ResourceInstanceState): string {
  const head = `# ${r.address}:${r.status === 'tainted' ? ' (tainted)' : ''}\n${r.mode === 'data' ? 'data ' : 'resource '}"${r.type}" "${r.name}" {\n`;
  const keys = Object.keys(r.attributes).sort();
  const width = Math.max(0, ...keys.map((k) => k.length));
  const lines = keys.map((k) => {
    const sens = r.sensitivePaths.includes(k);
    return `    ${k.padEnd(width)} = ${sens ? '(sensitive value)' : formatValue(r.attributes[k] ?? null, { indent: '    ' })}`;
  });
  return head + lines.join('\n') + '\n}\n';
}

export async function stateShow(io: Io, dir: string, addr: string, opts: { color: boolean; json: boolean }): Promise<number> {
  return withState(io, dir, opts.color, false, (s) => {
    const r = s.getResource(addr);
    if (!r) { printDiagnostics(io, [errorDiag('state-resource-not-found', `No instance found for the given address`, { detail: `This command requires that the address references one specific instance; ${addr} is not in state. Use streamform state list to see what is.` })], { color: opts.color }); return EXIT_ERROR; }
    io.out(opts.json ? JSON.stringify(r, null, 2) + '\n' : renderInstance(r));
    return EXIT_OK;
  });
}

export async function stateMv(io: Io, dir: string, from: string, to: string, opts: { color: boolean; dryRun: boolean }): Promise<number> {
  return withState(io, dir, opts.color, false, (s) => locked(io, s, opts.color, 'state mv', () => {
    if (opts.dryRun) { io.out(`Would move "${from}" to "${to}"\n`); return EXIT_OK; }
    const moved = s.moveResource(from, to);
    s.appendHistory({ user: defaultLockWho(), operation: 'state-mv', summary: `${from} -> ${to}`, serialBefore: s.head().serial - 1, serialAfter: s.head().serial });
    for (const m of moved) io.out(`Move "${m.from}" to "${m.to}"\n`);
    io.out(`Successfully moved ${moved.length} object(s).\n`);
    return EXIT_OK;
  }));
}

export async function stateRm(io: Io, dir: string, addrs: readonly string[], opts: { color: boolean; dryRun: boolean }): Promise<number> {
  return withState(io, dir, opts.color, false, (s) => locked(io, s, opts.color, 'state rm', () => {
    let total = 0;
    for (const a of addrs) {
      if (opts.dryRun) { for (const r of s.snapshot().resources.filter((x) => selectorMatches(a, x))) io.out(`Would remove ${r.address}\n`); continue; }
      const removed = s.forgetResources(a);
      if (!removed.length) {
        printDiagnostics(io, [errorDiag('state-rm-no-match', 'Invalid target address', { detail: `No matching objects found. To view the available instances, use "streamform state list". Please modify the address to reference a specific instance (${a} matched nothing).` })], { color: opts.color });
        return EXIT_ERROR;
      }
      for (const r of removed) io.out(`Removed ${r}\n`);
      total += removed.length;
    }
    if (!opts.dryRun) {
      s.appendHistory({ user: defaultLockWho(), operation: 'state-rm', summary: addrs.join(', '), serialBefore: s.head().serial - 1, serialAfter: s.head().serial });
      io.out(`Successfully removed ${total} resource instance(s).\n`);
    }
    return EXIT_OK;
  }));
}

export async function statePull(io: Io, dir: string, opts: { color: boolean }): Promise<number> {
  return withState(io, dir, opts.color, false, (s) => { io.out(s.exportJSON() + '\n'); return EXIT_OK; });
}

export async function statePush(io: Io, dir: string, file: string, opts: { color: boolean; force: boolean }): Promise<number> {
  let text: string;
  try { text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(dir, file), 'utf8'); } catch {
    printDiagnostics(io, [errorDiag('state-push-read', 'Cannot read the state to push', { detail: `No file at ${file}.` })], { color: opts.color });
    return EXIT_ERROR;
  }
  const parsed = importStateJSON(text);
  if (!parsed.value) { printDiagnostics(io, parsed.diagnostics, { color: opts.color }); return EXIT_ERROR; }
  return withState(io, dir, opts.color, true, (s) => locked(io, s, opts.color, 'state push', () => {
    const before = s.head().serial;
    const serial = s.replaceAll(parsed.value!, { force: opts.force });
    s.appendHistory({ user: defaultLockWho(), operation: 'push', summary: `pushed ${file}`, serialBefore: before, serialAfter: serial });
    return EXIT_OK;
  }));
}

export async function taint(io: Io, dir: string, addr: string, tainted: boolean, opts: { color: boolean }): Promise<number> {
  return withState(io, dir, opts.color, false, (s) => locked(io, s, opts.color, tainted ? 'taint' : 'untaint', () => {
    if (!s.getResource(addr)) { printDiagnostics(io, [errorDiag('state-resource-not-found', 'No such resource instance', { detail: `There is no resource instance in the state with the address ${addr}. If the resource configuration has just been added, you must run "streamform apply" once to create the corresponding instance(s) before they can be tainted.` })], { color: opts.color }); return EXIT_ERROR; }
    const before = s.head().serial;
    s.markTainted(addr, tainted);
    s.appendHistory({ user: defaultLockWho(), operation: tainted ? 'taint' : 'untaint', summary: addr, serialBefore: before, serialAfter: s.head().serial });
    io.out(tainted ? `Resource instance ${addr} has been marked as tainted.\n` : `Resource instance ${addr} has been successfully untainted.\n`);
    return EXIT_OK;
  }));
}

export async function forceUnlock(io: Io, dir: string, id: string, opts: { color: boolean; force: boolean }): Promise<number> {
  return withState(io, dir, opts.color, false, async (s) => {
    if (!opts.force && io.stdinTTY) {
      const a = await io.prompt(`Do you really want to force-unlock?\n  streamform will remove the lock on the remote state.\n  This will allow local streamform commands to modify this state, even though it\n  may still be in use. Only 'yes' will be accepted to confirm.\n\n  Enter a value: `);
      if (a.trim() !== 'yes') { io.out('force-unlock cancelled.\n'); return EXIT_ERROR; }
    }
    s.forceUnlock(id);
    io.out('streamform state has been successfully unlocked!\n\nThe state has been unlocked, and streamform commands should now be able to\nobtain a new lock on the remote state.\n');
    return EXIT_OK;
  });
}

export async function showState(io: Io, dir: string, opts: { color: boolean; json: boolean }): Promise<number> {
  return withState(io, dir, opts.color, false, (s) => {
    const snap = s.snapshot();
    if (opts.json) {
      const resources = snap.resources.filter((r) => r.deposed === undefined).map((r) => ({
        address: r.address, mode: r.mode, type: r.type, name: r.name, ...(r.indexKey !== undefined ? { index: r.indexKey } : {}),
        provider_name: r.provider.replace(/^provider\["(.*)"\].*$/, '$1'), schema_version: r.schemaVersion,
        values: maskPaths(r.attributes, r.sensitivePaths), sensitive_values: Object.fromEntries(r.sensitivePaths.map((p) => [p, true])),
        ...(r.dependencies.length ? { depends_on: r.dependencies } : {}), ...(r.status === 'tainted' ? { tainted: true } : {}),
      }));
      const outputs = Object.fromEntries(Object.entries(snap.outputs).map(([k, o]) => [k, { sensitive: o.sensitive, value: o.sensitive ? null : o.value }]));
      io.out(JSON.stringify({ format_version: '1.0', streamform_version: snap.streamformVersion, values: { outputs, root_module: { resources } } }) + '\n');
      return EXIT_OK;
    }
    if (!snap.resources.length && !Object.keys(snap.outputs).length) { io.out('The state file is empty. No resources are represented.\n'); return EXIT_OK; }
    for (const r of snap.resources) io.out(renderInstance(r) + '\n');
    const outs = Object.entries(snap.outputs);
    if (outs.length) {
      io.out('\nOutputs:\n\n');
      for (const [k, o] of outs) io.out(`${k} = ${o.sensitive ? '(sensitive value)' : formatValue(o.value)}\n`);
    }
    return EXIT_OK;
  });
}

function maskPaths(attrs: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const out = { ...attrs };
  for (const p of paths) if (!p.includes('.') && !p.includes('[')) out[p] = null;
  return out;
}

export async function outputCommand(io: Io, dir: string, name: string | undefined, opts: { color: boolean; format: OutputFormat }): Promise<number> {
  return withState(io, dir, opts.color, false, (s) => {
    const outs = Object.entries(s.snapshot().outputs).map(([n, o]) => ({ name: n, value: o.value, sensitive: o.sensitive }));
    const r = renderOutputCommand(outs, name === undefined ? { format: opts.format } : { format: opts.format, name });
    if (r.value === undefined) { printDiagnostics(io, r.diagnostics as Diagnostic[], { color: opts.color }); return EXIT_ERROR; }
    io.out(r.value);
    return EXIT_OK;
  });
}
