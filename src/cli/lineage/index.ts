/**
 * cli/lineage: `streamform lineage` — the topic-level graph of which Flink statements and
 * connectors read and write which topics, from the configuration (plan time) or from the running
 * cloud, printed as text, JSON, Mermaid, Graphviz DOT or a self-drawn SVG picture.
 * Depends on cli/ (workspace, terminal, inside), provisioner/ (config model, lang evaluation),
 * the Flink SQL parser of cloud/ and views/ (diagnostics); nothing depends on it but main.ts.
 */
import type { Command } from 'commander';
import type { Io } from '../terminal.js';
import { registerLineage } from './lineage-command.js';

/** Registers `streamform lineage` on `program`. */
export function registerLineageCommand(program: Command, io: Io, dir: string, set: (code: number) => void): void {
  registerLineage(program, io, dir, set);
}

export { buildLineageGraph, qualify } from './graph-builder.js';
export { configFacts } from './config-facts.js';
export { cloudFacts } from './cloud-facts.js';
export { statementTables } from './statement-tables.js';
export { renderLineageText } from './text-view.js';
export { renderLineageMermaid } from './mermaid-view.js';
export { renderLineageDot } from './dot-view.js';
export { renderLineageSvg } from './svg-view.js';
export { lineageToJSON } from './lineage-json.js';
export { layeredLayout } from './layered-layout.js';
export type { Layout, LayoutBox, PlacedBox, RoutedEdge } from './layered-layout.js';
export type * from './types.js';
