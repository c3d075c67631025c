/**
 * Plan files (`plan -out FILE`): the plan plus what apply needs, bound to the state lineage and
 * serial it was made against and to a hash of the configuration, so apply refuses a stale plan.
 * JSON with UNKNOWN encoded as {"$unknown": true}; the format is versioned.
 */
import { UNKNOWN, isUnknown } from '../lang/index.js';

export const PLAN_FILE_FORMAT = 'streamform-plan/1';

/** Serialises any structure containing UNKNOWN markers. */
export function encodePlanData(v: unknown): string {
  // UnknownValue has a toJSON() that runs before a replacer sees the value: look at the raw one.
  return JSON.stringify({ format: PLAN_FILE_FORMAT, data: v }, function (this: Record<string, unknown>, k: string, x: unknown) {
    const raw = this[k];
    if (isUnknown(raw)) return { $unknown: true };
    return raw instanceof Map ? { $map: [...raw.entries()] } : x;
  });
}

/** Reads back `encodePlanData` output; returns undefined when the text is not a plan file. */
export function decodePlanData(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_k, x: unknown) => {
      if (x && typeof x === 'object' && !Array.isArray(x)) {
        const o = x as Record<string, unknown>;
        if (o.$unknown === true && Object.keys(o).length === 1) return UNKNOWN;
        if (Array.isArray(o.$map) && Object.keys(o).length === 1) return new Map(o.$map as [unknown, unknown][]);
      }
      return x;
    });
  } catch { return undefined; }
  if (!parsed || typeof parsed !== 'object' || (parsed as { format?: unknown }).format !== PLAN_FILE_FORMAT) return undefined;
  return (parsed as { data: unknown }).data;
}
