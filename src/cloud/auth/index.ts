/**
 * cloud/auth: API-key authentication and role-binding authorization for the local cloud
 * (roles, CRN pattern matching, secret hashing). Reads keys and bindings through the AuthSource
 * interface; must not depend on control-plane/ or any other cloud folder (they depend on it).
 */
export type { Operation, Binding, StoredKey, KeyResource, AuthSource, Decision } from './types.js';
export { parseCrn, patternCovers, isAncestorOf, resourceTypeOf } from './crn-pattern.js';
export type { CrnSegment } from './crn-pattern.js';
export { KNOWN_ROLES, roleAllows, rolesAllowing } from './roles.js';
export { hashSecret, verifySecret } from './secret-hash.js';
export { Authorizer } from './authorizer.js';
export type { Caller } from './authorizer.js';
export { createAuthGate, createAccessCheck } from './request-gate.js';
