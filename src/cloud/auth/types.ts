/** Types of the local cloud's authentication and RBAC model. */

/** What a request does to the resource named by a CRN. */
export type Operation = 'Describe' | 'Read' | 'Write' | 'Manage' | 'Use' | 'Assign' | 'Grant';

/** A role binding as the authorizer sees it. */
export interface Binding {
  readonly principal: string;
  readonly roleName: string;
  readonly crnPattern: string;
}

/** A stored API key as the authenticator sees it. */
export interface StoredKey {
  readonly id: string;
  readonly ownerId: string;
  readonly secretHash: string;
  /** What a resource-scoped key may reach; absent for a Cloud key. */
  readonly resource?: KeyResource;
}

/** The resource an API key is scoped to. */
export interface KeyResource {
  readonly family: 'kafka' | 'schema-registry' | 'flink';
  /** `lkc-…`, `lsrc-…` or the Flink region id. */
  readonly id: string;
  readonly environmentId?: string;
}

/** Where the authorizer reads keys and bindings from (the control-plane store implements it). */
export interface AuthSource {
  findApiKey(id: string): StoredKey | undefined;
  bindingsOf(principal: string): readonly Binding[];
}

/** The decision for one request. */
export type Decision =
  | { readonly kind: 'allow' }
  | { readonly kind: 'deny'; readonly message: string };
