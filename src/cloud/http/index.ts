/**
 * cloud/http: the HTTP contract shared by every API family of the local cloud (routes, errors,
 * body validation, paging, the node:http dispatcher). Depends only on node built-ins; must not
 * depend on any other cloud folder.
 */
export * from './types.js';
export { Router, RoutingError, envelopeForPath } from './router.js';
export type { RouteMatch } from './router.js';
export { renderError } from './render-error.js';
export type { RenderErrorOptions } from './render-error.js';
export * from './body-validation.js';
export { paginate, pageUrl } from './paging.js';
export type { Page } from './paging.js';
export { createDispatcher } from './dispatcher.js';
export type { DispatcherOptions, Gate } from './dispatcher.js';
