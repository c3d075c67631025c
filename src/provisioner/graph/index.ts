/**
 * graph: the dependency DAG and its bounded-parallel walker (forward for plan/apply, reverse for
 * destroy). Generic over node data; depends only on shared/.
 */
export { Dag, walkDag } from './dag.js';
export type { DagNode } from './dag.js';
