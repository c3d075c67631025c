/**
 * The schema-driven plan for Confluent resources, including nested blocks: config for
 * arguments, prior values for computed attributes on update (UNKNOWN on create), and the
 * declared change behaviour — replace, replace-if, reject (at plan, never at apply) and
 * state-only — applied at every level.
 */
import { errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import { UNKNOWN, isObjectValue, isUnknown, valuesEqual } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import type { BlockSchema, ChangeBehaviour, NestedBlockSchema } from '../../provider/index.js';
import type { Draft } from './types.js';

/** The generic part of a plan. */
export interface SchemaPlan {
  readonly draft: Draft;
  readonly requiresReplace: { path: string; reason?: string }[];
  readonly diagnostics: Diagnostic[];
}

/** Plans attributes and blocks from the schema; `prior` null means create. */
export function planFromSchema(schema: BlockSchema, config: ObjectValue, prior: ObjectValue | null, address?: string): SchemaPlan {
  const requiresReplace: { path: string; reason?: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  let draft = planBlock(schema, config, prior, prior !== null);
  if (prior !== null) {
    collectChanges(schema, prior, draft, '', (path, change) => {
      switch (change.kind) {
        case 'replace': requiresReplace.push({ path }); break;
        case 'replace-if': requiresReplace.push({ path, reason: change.reason }); break;
        case 'reject':
          diagnostics.push(errorDiag('confluent-change-rejected', `Cannot change ${path} in place`, opts(change.reason, address)));
          break;
        case 'update': case 'state-only': break;
      }
    });
    if (requiresReplace.length > 0) draft = planBlock(schema, config, prior, false);
  }
  return { draft, requiresReplace, diagnostics };
}

function opts(detail: string, address: string | undefined): { detail: string; address?: string } {
  return address === undefined ? { detail } : { detail, address };
}

/** Plans one block's attributes; keepPrior keeps computed values (an in-place update). */
export function planBlock(schema: BlockSchema, config: ObjectValue, prior: ObjectValue | null, keepPrior: boolean): Draft {
  const draft: Draft = {};
  for (const [name, attr] of Object.entries(schema.attributes)) {
    const configured = config[name] ?? null;
    const isArgument = attr.required === true || attr.optional === true;
    if (isArgument && configured !== null) draft[name] = configured;
    else if (isArgument && attr.computed !== true) draft[name] = attr.default ?? null;
    else if (keepPrior && prior !== null && prior[name] !== undefined) draft[name] = prior[name] ?? null;
    else draft[name] = attr.default ?? (attr.computed === true ? UNKNOWN : null);
  }
  for (const [name, nested] of Object.entries(schema.blocks ?? {})) {
    draft[name] = planNested(nested, config[name] ?? null, prior === null ? undefined : prior[name] ?? null, keepPrior);
  }
  return draft;
}

/** `prior` is undefined when there is no prior object at all (create). */
function planNested(nested: NestedBlockSchema, configured: Value, prior: Value | undefined, keepPrior: boolean): Value {
  if (isUnknown(configured)) return UNKNOWN;
  if (nested.nesting === 'single') {
    const c = Array.isArray(configured) ? configured[0] ?? null : configured;
    const p = Array.isArray(prior) ? prior[0] ?? null : prior;
    if (isObjectValue(c)) return planBlock(nested.block, c, isObjectValue(p) ? p : null, keepPrior);
    if (nested.computed === true) return keepPrior && p !== undefined ? p : UNKNOWN;
    return null;
  }
  if (Array.isArray(configured) && configured.length > 0) {
    const priorList = Array.isArray(prior) ? prior : [];
    return configured.map((c, i) => {
      const p = priorList[i];
      return isObjectValue(c) ? planBlock(nested.block, c, isObjectValue(p) ? p : null, keepPrior) : c;
    });
  }
  if (nested.computed === true) return keepPrior && Array.isArray(prior) ? prior : UNKNOWN;
  return [];
}

/** Calls `onChange` for each changed attribute/block whose behaviour is not a plain update. */
function collectChanges(schema: BlockSchema, prior: ObjectValue, planned: Draft, prefix: string, onChange: (path: string, c: ChangeBehaviour) => void): void {
  for (const [name, attr] of Object.entries(schema.attributes)) {
    const change = attr.onChange;
    if (change === undefined || (attr.computed === true && attr.required !== true && attr.optional !== true)) continue;
    const before = prior[name] ?? null, after = planned[name] ?? null;
    if (valuesEqual(before, after)) continue;
    if (change.kind === 'replace-if' && (isUnknown(after) || !change.when(before, after))) continue;
    onChange(prefix + name, change);
  }
  for (const [name, nested] of Object.entries(schema.blocks ?? {})) {
    const before = normalizeSingle(nested, prior[name] ?? null), after = normalizeSingle(nested, planned[name] ?? null);
    if (valuesEqual(before, after)) continue;
    if (nested.computed === true && isUnknown(after)) continue;
    const change = nested.onChange;
    if (change !== undefined && change.kind === 'replace-if' && (isUnknown(after) || !change.when(before, after))) continue;
    if (change !== undefined && change.kind !== 'update' && change.kind !== 'state-only') {
      onChange(prefix + name, change);
    } else if (nested.nesting === 'single' && isObjectValue(before) && isObjectValue(after)) {
      collectChanges(nested.block, before, { ...after }, `${prefix}${name}.`, onChange);
    }
  }
}

function normalizeSingle(nested: NestedBlockSchema, v: Value): Value {
  if (nested.nesting !== 'single') return v;
  return Array.isArray(v) ? v[0] ?? null : v;
}
