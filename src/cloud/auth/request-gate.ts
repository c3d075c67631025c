/**
 * The server's gate when auth is on: HTTP Basic API key → principal (401 when missing, invalid or
 * used outside its resource scope), then the route's Authorization checked against the
 * principal's role bindings (403 naming the roles that would allow it and the scope CRN).
 */
import type { Gate, HttpRequest, Principal, Route } from '../http/index.js';
import { ApiError } from '../http/index.js';
import type { Authorizer, Caller } from './authorizer.js';
import type { Operation } from './types.js';

const OPERATIONS: readonly Operation[] = ['Describe', 'Read', 'Write', 'Manage', 'Use', 'Assign', 'Grant'];

function codeFor(route: Route, status: 401 | 403): string | number {
  if (route.envelope === 'confluent') return status === 401 ? 'unauthorized' : 'forbidden';
  return status === 401 ? 40101 : 40301;
}

/** True when a resource-scoped key may be used for this request path. */
function keyFitsPath(caller: Caller, path: string): boolean {
  const r = caller.resource;
  if (r === undefined) return true;
  switch (r.family) {
    case 'kafka': return path === `/kafka/v3/clusters/${r.id}` || path.startsWith(`/kafka/v3/clusters/${r.id}/`);
    case 'schema-registry': return path === `/sr/${r.id}` || path.startsWith(`/sr/${r.id}/`);
    case 'flink': return new RegExp(`^/sql/v1/organizations/[^/]+/environments/${r.environmentId ?? ''}(/|$)`).test(path);
  }
}

/** Builds the Gate enforcing API keys and role bindings. */
export function createAuthGate(authorizer: Authorizer): Gate {
  return (req: HttpRequest, route: Route): Principal | undefined => {
    if (route.public === true) return undefined;
    const caller = authorizer.authenticate(req.headers['authorization']);
    if (caller === undefined) {
      throw new ApiError(401, codeFor(route, 401), 'Unauthorized: a valid API key and secret are required (HTTP Basic auth).');
    }
    if (!keyFitsPath(caller, req.path)) {
      throw new ApiError(401, codeFor(route, 401), `Unauthorized: API key '${caller.apiKey}' is scoped to ${caller.resource?.id ?? ''} and cannot be used for ${req.path}.`);
    }
    const principal: Principal = { id: caller.principalId, apiKey: caller.apiKey };
    const authz = route.authz;
    if (authz === undefined) throw new ApiError(403, codeFor(route, 403), `Forbidden: ${route.method} ${route.pattern} has no authorization rule.`);
    const op = OPERATIONS.find((o) => o === authz.operation);
    if (op === undefined) throw new ApiError(403, codeFor(route, 403), `Forbidden: unknown operation '${authz.operation}'.`);
    const withPrincipal: HttpRequest = { ...req, principal };
    const decision = authorizer.decide(principal.id, authz.crn(withPrincipal), op);
    if (decision.kind === 'deny') throw new ApiError(403, codeFor(route, 403), `Forbidden: ${decision.message}`);
    return principal;
  };
}

/** An access check for handlers (Assigner, pool Use) with the same 403 wording; no-op without a principal. */
export function createAccessCheck(authorizer: Authorizer): (req: HttpRequest, crn: string, operation: string) => void {
  return (req, crn, operation) => {
    if (req.principal === undefined) return;
    const op = OPERATIONS.find((o) => o === operation);
    if (op === undefined) throw new ApiError(403, 'forbidden', `Forbidden: unknown operation '${operation}'.`);
    const decision = authorizer.decide(req.principal.id, crn, op);
    if (decision.kind === 'deny') throw new ApiError(403, 'forbidden', `Forbidden: ${decision.message}`);
  };
}
