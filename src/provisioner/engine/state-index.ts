/**
 * Indexes prior state by resource (module instance + type + name) and applies `moved` blocks, so
 * the walk can find each instance's prior object by address.
 */
import type { Diagnostic } from '../../shared/index.js';
import { errorDiag } from '../../shared/index.js';
import { formatInstanceAddr, formatModulePath, parseAddress, type InstanceKey } from '../addr/index.js';
import type { MovedBlock } from '../config/index.js';
import type { ResourceInstanceState, StateSnapshot } from '../state/index.js';

export function resourceKey(module: string, mode: 'managed' | 'data', type: string, name: string): string {
  return `${module}|${mode === 'data' ? 'data.' : ''}${type}.${name}`;
}

export class StateIndex {
  /** Current objects by full instance address. */
  readonly byAddress = new Map<string, ResourceInstanceState>();
  /** Instances by resource key. */
  readonly byResource = new Map<string, ResourceInstanceState[]>();
  /** New address → previous address, for instances moved by `moved` blocks. */
  readonly movedFrom = new Map<string, string>();
  readonly deposed: ResourceInstanceState[] = [];
  readonly diagnostics: Diagnostic[] = [];

  constructor(state: StateSnapshot, moved: readonly { block: MovedBlock; modulePrefix: string }[]) {
    const current = state.resources.filter((r) => r.deposed === undefined);
    this.deposed.push(...state.resources.filter((r) => r.deposed !== undefined));
    let list = current.map((r) => ({ ...r }));
    for (const { block, modulePrefix } of moved) {
      const from = parseAddress(modulePrefix + block.from), to = parseAddress(modulePrefix + block.to);
      if (!from.value || !to.value) {
        this.diagnostics.push(errorDiag('moved-invalid', 'Invalid moved block', { detail: [...from.diagnostics, ...to.diagnostics].map((d) => d.detail).join(' '), range: block.range }));
        continue;
      }
      if (from.value.kind === 'module' || to.value.kind === 'module') {
        if (from.value.kind !== 'module' || to.value.kind !== 'module') {
          this.diagnostics.push(errorDiag('moved-invalid', 'Invalid moved block', { detail: 'A module can only be moved to a module address (moved { from = module.a, to = module.b }).', range: block.range }));
          continue;
        }
        const fp = formatModulePath(from.value.module), tp = formatModulePath(to.value.module);
        for (const r of list) {
          if (r.module !== fp && !r.module.startsWith(fp + '.') && !r.module.startsWith(fp + '[')) continue;
          // `module.a` moves `module.a` and `module.a.module.b`, and `module.a["k"]` when unkeyed.
          const restModule = r.module.slice(fp.length);
          if (restModule.startsWith('[') && from.value.module[from.value.module.length - 1]?.key !== undefined) continue;
          const newModule = tp + restModule;
          const newAddress = newModule + r.address.slice(r.module.length);
          if (list.some((x) => x.address === newAddress)) {
            this.diagnostics.push(errorDiag('moved-target-exists', `Cannot move ${r.address} to ${newAddress}`, { detail: `${newAddress} already exists in state.`, range: block.range }));
            continue;
          }
          this.movedFrom.set(newAddress, this.movedFrom.get(r.address) ?? r.address);
          Object.assign(r, { address: newAddress, module: newModule });
        }
        continue;
      }
      const f = from.value, t = to.value;
      const fromAddr = formatInstanceAddr(f.kind === 'instance' ? f.addr : f.addr);
      const matches = list.filter((r) => f.kind === 'instance' ? r.address === fromAddr : r.address === fromAddr || r.address.startsWith(fromAddr + '['));
      const toBase = formatInstanceAddr(t.kind === 'instance' ? t.addr : { ...t.addr });
      for (const r of matches) {
        const suffix = f.kind === 'resource' ? r.address.slice(fromAddr.length) : '';
        const target = t.kind === 'instance' ? toBase : toBase + suffix;
        if (list.some((x) => x.address === target)) {
          this.diagnostics.push(errorDiag('moved-target-exists', `Cannot move ${r.address} to ${target}`, { detail: `${target} already exists in state. Remove the moved block, or remove the existing object first.`, range: block.range }));
          continue;
        }
        const parsed = parseAddress(target).value;
        if (!parsed || parsed.kind === 'module') continue;
        const a = parsed.addr;
        const key = parsed.kind === 'instance' ? (parsed.addr as { key?: InstanceKey }).key : undefined;
        this.movedFrom.set(target, this.movedFrom.get(r.address) ?? r.address);
        Object.assign(r, { address: target, module: a.module.map((s) => `module.${s.name}${s.key === undefined ? '' : typeof s.key === 'number' ? `[${s.key}]` : `[${JSON.stringify(s.key)}]`}`).join('.'), type: a.type, name: a.name });
        if (key === undefined) delete (r as { indexKey?: InstanceKey }).indexKey; else Object.assign(r, { indexKey: key });
      }
    }
    list = list.sort((a, b) => (a.address < b.address ? -1 : 1));
    for (const r of list) {
      this.byAddress.set(r.address, r);
      const k = resourceKey(r.module, r.mode, r.type, r.name);
      const arr = this.byResource.get(k) ?? [];
      arr.push(r);
      this.byResource.set(k, arr);
    }
  }
}
