/** Matches a request's method and path against route patterns with `:param` segments. */
import type { HttpMethod, Route } from './types.js';
import { ApiError } from './types.js';

/** A matched route with its decoded path parameters. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: { readonly [name: string]: string };
}

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly string[];
}

/** Compiled route table: exact segment matching, literal segments win over parameters. */
export class Router {
  readonly #routes: CompiledRoute[] = [];

  constructor(routes: readonly Route[]) {
    for (const r of routes) this.add(r);
  }

  /** Adds one route. */
  add(route: Route): void {
    this.#routes.push({ route, segments: splitPath(route.pattern) });
  }

  /** Every route, in registration order. */
  routes(): readonly Route[] {
    return this.#routes.map((c) => c.route);
  }

  /**
   * The route for `method path`. Throws ApiError 404 when no pattern matches the path and 405
   * when a pattern matches but not for this method; `envelope` on the error says which family
   * the path belongs to so it is rendered in that family's shape.
   */
  match(method: HttpMethod, path: string): RouteMatch {
    const parts = splitPath(path);
    let best: { c: CompiledRoute; params: Record<string, string>; literals: number } | undefined;
    let pathMatched: CompiledRoute | undefined;
    for (const c of this.#routes) {
      const m = matchSegments(c.segments, parts);
      if (m === undefined) continue;
      pathMatched ??= c;
      if (c.route.method !== method) continue;
      if (best === undefined || m.literals > best.literals) best = { c, params: m.params, literals: m.literals };
    }
    if (best !== undefined) return { route: best.c.route, params: best.params };
    if (pathMatched !== undefined) {
      const allowed = this.#routes.filter((c) => matchSegments(c.segments, parts) !== undefined).map((c) => c.route.method);
      throw new RoutingError(405, `Method ${method} is not allowed on ${path}; allowed: ${[...new Set(allowed)].sort().join(', ')}`, pathMatched.route.envelope);
    }
    throw new RoutingError(404, `No resource at ${path}`, envelopeForPath(path));
  }
}

/** A 404/405 from routing, carrying the envelope of the family the path belongs to. */
export class RoutingError extends ApiError {
  readonly envelope: Route['envelope'];
  constructor(status: number, message: string, envelope: Route['envelope']) {
    super(status, envelope === 'confluent' ? (status === 404 ? 'not_found' : 'method_not_allowed') : status, message);
    this.envelope = envelope;
  }
}

/** Which error envelope an unmatched path should get, judged by its prefix. */
export function envelopeForPath(path: string): Route['envelope'] {
  if (path.startsWith('/kafka/')) return 'kafka-rest';
  if (path.startsWith('/sr/')) return 'schema-registry';
  return 'confluent';
}

function splitPath(p: string): string[] {
  return p.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): { params: Record<string, string>; literals: number } | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  let literals = 0;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? '';
    const v = parts[i] ?? '';
    if (p.startsWith(':')) {
      let decoded: string;
      try { decoded = decodeURIComponent(v); } catch { return undefined; }
      params[p.slice(1)] = decoded;
    } else if (p === v) {
      literals++;
    } else {
      return undefined;
    }
  }
  return { params, literals };
}
