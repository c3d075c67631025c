/**
 * Authentication (HTTP Basic API key) and authorization (role bindings over CRN patterns).
 * Returns decisions as data; the gate in the server turns them into 401/403 ApiErrors.
 */
import type { AuthSource, Decision, KeyResource, Operation, StoredKey } from './types.js';
import { isAncestorOf, patternCovers, resourceTypeOf } from './crn-pattern.js';
import { roleAllows, rolesAllowing } from './roles.js';
import { verifySecret } from './secret-hash.js';

/** The caller identified by a valid API key. */
export interface Caller {
  readonly principalId: string;
  readonly apiKey: string;
  readonly resource?: KeyResource;
}

/** Authenticates and authorizes against an AuthSource. */
export class Authorizer {
  readonly #source: AuthSource;
  readonly #verified = new Map<string, string>();

  constructor(source: AuthSource) {
    this.#source = source;
  }

  /** The caller for an `Authorization: Basic …` header, or undefined when missing or invalid. */
  authenticate(header: string | undefined): Caller | undefined {
    if (header === undefined) return undefined;
    const m = /^Basic\s+(.+)$/i.exec(header.trim());
    if (m === null) return undefined;
    const decoded = Buffer.from(m[1] ?? '', 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return undefined;
    const id = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const key = this.#source.findApiKey(id);
    if (key === undefined || !this.#check(key, secret)) return undefined;
    return key.resource === undefined
      ? { principalId: key.ownerId, apiKey: key.id }
      : { principalId: key.ownerId, apiKey: key.id, resource: key.resource };
  }

  /** Whether `principal` may perform `op` on `crn`. */
  decide(principal: string, crn: string, op: Operation): Decision {
    const type = resourceTypeOf(crn) ?? 'organization';
    const bindings = this.#source.bindingsOf(principal);
    for (const b of bindings) {
      if (patternCovers(b.crnPattern, crn) && roleAllows(b.roleName, type, op)) return { kind: 'allow' };
    }
    // Visibility: anyone holding a role somewhere inside a container may describe the container.
    if (op === 'Describe' && bindings.some((b) => isAncestorOf(crn, b.crnPattern))) return { kind: 'allow' };
    const roles = rolesAllowing(type, op);
    return {
      kind: 'deny',
      message: `Principal '${principal}' is not authorized to ${op} on '${crn}': requires one of the roles [${roles.join(', ')}] on a CRN pattern covering it.`,
    };
  }

  #check(key: StoredKey, secret: string): boolean {
    // Verified secrets are cached in memory so the scrypt cost is paid once per key per process.
    if (this.#verified.get(key.id) === `${key.secretHash}\n${secret}`) return true;
    if (!verifySecret(secret, key.secretHash)) return false;
    this.#verified.set(key.id, `${key.secretHash}\n${secret}`);
    return true;
  }
}
