/**
 * `streamform lineage`: reads the facts from the configuration (default when the directory has
 * *.tf files) or from the running cloud, builds the graph and prints it in the chosen format.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { hasErrors } from '../../shared/index.js';
import { diagnosticToJSON, renderDiagnostic } from '../../views/index.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { CloudClient, InsideError, listEnvironments, resolveConnection, resolveEnvironment, withConnection } from '../inside/index.js';
import { useColor, type Io } from '../terminal.js';
import { loadWorkspaceConfig, printDiagnostics } from '../workspace.js';
import { cloudFacts } from './cloud-facts.js';
import { configFacts } from './config-facts.js';
import { renderLineageDot } from './dot-view.js';
import { buildLineageGraph } from './graph-builder.js';
import { lineageToJSON } from './lineage-json.js';
import { renderLineageMermaid } from './mermaid-view.js';
import { renderLineageSvg } from './svg-view.js';
import { renderLineageText } from './text-view.js';
import type { LineageFacts, LineageGraph } from './types.js';

const FORMATS = ['text', 'mermaid', 'dot', 'svg'] as const;
type Format = (typeof FORMATS)[number];

/** Registers `lineage` on `program`. */
export function registerLineage(program: Command, io: Io, dir: string, set: (code: number) => void): void {
  withConnection(program.command('lineage'))
    .description('Show which statements and connectors read and write which topics (text, mermaid, dot or svg)')
    .option('--format <format>', 'text, mermaid, dot or svg', 'text')
    .option('--source <source>', 'config (the *.tf files; default when there are some) or cloud (what runs)')
    .option('--environment <env>', 'cloud mode: environment id or name (default: every environment)')
    .option('--out <file>', 'write the output to a file instead of stdout')
    .option('--no-color', 'no ANSI colours')
    .action(async (o: Record<string, unknown>) => {
      set(await runLineage(io, dir, o));
    });
}

async function runLineage(io: Io, dir: string, o: Record<string, unknown>): Promise<number> {
  const json = o['json'] === true;
  const format = String(o['format'] ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format)) return fail(io, json, new InsideError('invalid-flag', `--format must be one of ${FORMATS.join(', ')}, got "${format}".`));
  const source = o['source'] === undefined ? (hasConfigFiles(dir) ? 'config' : 'cloud') : String(o['source']);
  if (source !== 'config' && source !== 'cloud') return fail(io, json, new InsideError('invalid-flag', `--source must be config or cloud, got "${source}".`));
  let facts: LineageFacts;
  if (source === 'config') {
    const loaded = await loadWorkspaceConfig(dir);
    if (loaded.config === undefined || hasErrors(loaded.diagnostics)) {
      printDiagnostics(io, loaded.diagnostics, { color: useColor(io, o['color'] === false) });
      return EXIT_ERROR;
    }
    facts = configFacts(loaded.config);
  } else {
    try {
      facts = await readCloud(io, dir, o);
    } catch (e) {
      if (e instanceof InsideError) return fail(io, json, e);
      throw e;
    }
  }
  const graph = buildLineageGraph(facts);
  const text = json ? JSON.stringify(lineageToJSON(graph), null, 2) + '\n' : render(graph, format as Format);
  if (typeof o['out'] === 'string') {
    writeFileSync(resolve(dir, o['out']), text);
    io.err(`Wrote ${format === 'text' && json ? 'JSON' : format} lineage (${graph.nodes.length} nodes, ${graph.edges.length} edges) to ${o['out']}\n`);
  } else io.out(text);
  return EXIT_OK;
}

async function readCloud(io: Io, dir: string, o: Record<string, unknown>): Promise<LineageFacts> {
  const conn = await resolveConnection(io, dir, {
    ...(typeof o['url'] === 'string' ? { url: o['url'] } : {}),
    ...(typeof o['apiKey'] === 'string' ? { apiKey: o['apiKey'] } : {}),
    ...(typeof o['dataDir'] === 'string' ? { dataDir: o['dataDir'] } : {}),
  });
  const client = new CloudClient(conn);
  const envs = typeof o['environment'] === 'string' ? [await resolveEnvironment(client, o['environment'])] : await listEnvironments(client);
  return cloudFacts(client, envs);
}

function render(graph: LineageGraph, format: Format): string {
  switch (format) {
    case 'text': return renderLineageText(graph);
    case 'mermaid': return renderLineageMermaid(graph);
    case 'dot': return renderLineageDot(graph);
    case 'svg': return renderLineageSvg(graph);
  }
}

function hasConfigFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some((f) => f.endsWith('.tf') || f.endsWith('.tf.json'));
  } catch {
    // An unreadable directory has no configuration to read; cloud mode then says what is wrong.
    return false;
  }
}

function fail(io: Io, json: boolean, e: InsideError): number {
  io.err(json ? JSON.stringify({ error: diagnosticToJSON(e.diagnostic) }) + '\n' : renderDiagnostic(e.diagnostic, { color: useColor(io, false) }));
  return EXIT_ERROR;
}


