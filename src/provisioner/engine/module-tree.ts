/**
 * The static module tree: every module *config* path (`module.a.module.b`) with its config and
 * the call that created it. Instances of each path (from count/for_each) are found during the walk.
 */
import type { ModuleCall, ModuleConfig } from '../config/index.js';

export interface ModuleNode {
  /** Config path: '' for root, `module.a.module.b` otherwise. */
  readonly path: string;
  readonly config: ModuleConfig;
  readonly parent?: ModuleNode;
  readonly call?: ModuleCall;
}

/** Flattens the module tree, parents before children. */
export function flattenModules(root: ModuleConfig): ModuleNode[] {
  const out: ModuleNode[] = [];
  const visit = (node: ModuleNode): void => {
    out.push(node);
    for (const call of [...node.config.moduleCalls.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      visit({ path: node.path ? `${node.path}.module.${call.name}` : `module.${call.name}`, config: call.module, parent: node, call });
    }
  };
  visit({ path: '', config: root });
  return out;
}

/** Node id helpers: `<module config path>|<object>`. */
export const nodeId = {
  variable: (mod: string, name: string): string => `${mod}|var.${name}`,
  local: (mod: string, name: string): string => `${mod}|local.${name}`,
  output: (mod: string, name: string): string => `${mod}|output.${name}`,
  resource: (mod: string, mode: 'managed' | 'data', type: string, name: string): string => `${mod}|${mode === 'data' ? 'data.' : ''}${type}.${name}`,
  moduleValue: (mod: string, name: string): string => `${mod}|module.${name}`,
  moduleExpand: (mod: string, name: string): string => `${mod}|module.${name}#expand`,
  provider: (mod: string, name: string, alias?: string): string => `${mod}|provider.${name}${alias ? '.' + alias : ''}`,
  orphan: (resourceAddr: string): string => `orphan|${resourceAddr}`,
};

/** A human name for a node id (for cycle messages and `streamform graph`). */
export function nodeLabel(id: string): string {
  const [mod, obj] = id.split('|');
  if (mod === 'orphan') return `${obj} (orphan)`;
  const o = (obj ?? '').replace(/#expand$/, ' (expand)');
  return mod ? `${mod}.${o}` : o;
}
