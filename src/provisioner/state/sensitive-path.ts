/**
 * Sensitive attribute paths: our compact text form (`a.b[0]["k"]`) and Terraform v4 state's
 * step lists (`[{"type":"get_attr","value":"a"},{"type":"index","value":{"value":0,"type":"number"}}]`).
 */

/** One step of a Terraform v4 sensitive attribute path. */
export type TerraformPathStep =
  | { readonly type: 'get_attr'; readonly value: string }
  | { readonly type: 'index'; readonly value: { readonly value: number | string; readonly type: 'number' | 'string' } };

/** Splits `a.b[0]["k"]` into steps; undefined when malformed. */
export function pathToSteps(path: string): TerraformPathStep[] | undefined {
  const out: TerraformPathStep[] = [];
  let i = 0;
  const ident = /^[A-Za-z_][A-Za-z0-9_-]*/;
  while (i < path.length) {
    if (path[i] === '[') {
      const rest = path.slice(i + 1);
      const num = /^(\d+)\]/.exec(rest);
      if (num !== null && num[1] !== undefined) {
        out.push({ type: 'index', value: { value: Number(num[1]), type: 'number' } });
        i += num[0].length + 1;
        continue;
      }
      const str = /^("(?:[^"\\]|\\.)*")\]/.exec(rest);
      if (str === null || str[1] === undefined) return undefined;
      out.push({ type: 'index', value: { value: JSON.parse(str[1]) as string, type: 'string' } });
      i += str[0].length + 1;
      continue;
    }
    if (out.length > 0) {
      if (path[i] !== '.') return undefined;
      i += 1;
    }
    const m = ident.exec(path.slice(i));
    if (m === null) return undefined;
    out.push({ type: 'get_attr', value: m[0] });
    i += m[0].length;
  }
  return out.length === 0 ? undefined : out;
}

/** Joins Terraform path steps into `a.b[0]["k"]`; undefined when a step is malformed. */
export function stepsToPath(steps: unknown): string | undefined {
  if (!Array.isArray(steps) || steps.length === 0) return undefined;
  let out = '';
  for (const s of steps as unknown[]) {
    if (typeof s !== 'object' || s === null) return undefined;
    const step = s as { type?: unknown; value?: unknown };
    if (step.type === 'get_attr' && typeof step.value === 'string') {
      out += out === '' ? step.value : `.${step.value}`;
    } else if (step.type === 'index' && typeof step.value === 'object' && step.value !== null) {
      const v = (step.value as { value?: unknown }).value;
      if (typeof v === 'number') out += `[${v}]`;
      else if (typeof v === 'string') out += `[${JSON.stringify(v)}]`;
      else return undefined;
    } else {
      return undefined;
    }
  }
  return out;
}
