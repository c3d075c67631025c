/**
 * Everything a provisioning command needs about the working directory: the loaded configuration,
 * the state file, the provider resolver, and rendering of diagnostics with source snippets.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Diagnostic } from '../shared/index.js';
import { hasErrors, systemClock, systemIds } from '../shared/index.js';
import type { LoadedConfig } from '../provisioner/config/index.js';
import { loadConfig } from '../provisioner/config/index.js';
import type { EngineEnv, EngineHooks, ProviderResolver } from '../provisioner/engine/index.js';
import { builtinProviderFor, BUILTIN_PROVIDER_SOURCES, confluentProvider } from '../provisioner/providers/index.js';
import type { StateSnapshot } from '../provisioner/state/index.js';
import { DEFAULT_STATE_FILE, resolveStatePath, StateStore, StateError } from '../provisioner/state/index.js';
import { diagnosticToJSON, renderDiagnostics } from '../views/index.js';
import type { Io } from './terminal.js';
import { STREAMFORM_VERSION } from './version.js';

export const CONFLUENT_SOURCE = 'confluentinc/confluent';

/** The provider resolver: built-in providers plus `confluent`; extra defaults come from the caller. */
export function providerResolver(defaults?: (source: string) => import('../provisioner/lang/index.js').ObjectValue | undefined): ProviderResolver {
  return {
    factory: (source) => {
      const s = source.toLowerCase().replace(/^registry\.terraform\.io\//, '');
      if (s === CONFLUENT_SOURCE) return () => confluentProvider();
      return builtinProviderFor(s, { ids: systemIds });
    },
    defaultSource: (local) => (local === 'confluent' ? CONFLUENT_SOURCE : BUILTIN_PROVIDER_SOURCES[local] ?? `hashicorp/${local}`),
    ...(defaults ? { defaults } : {}),
  };
}

/** Renders diagnostics to stderr (errors) the human way, or returns them as JSON objects. */
export function printDiagnostics(io: Io, diags: readonly Diagnostic[], opts: { color: boolean; sources?: ReadonlyMap<string, string> | undefined }): void {
  if (!diags.length) return;
  const text = renderDiagnostics(diags, { color: opts.color, sources: (f) => opts.sources?.get(f) });
  (hasErrors(diags) ? io.err : io.out)('\n' + text + '\n');
}

export function diagnosticsJSON(diags: readonly Diagnostic[], sources?: ReadonlyMap<string, string>): unknown[] {
  return diags.map((d) => diagnosticToJSON(d, { sources: (f) => sources?.get(f) }));
}

export async function loadWorkspaceConfig(dir: string): Promise<{ config?: LoadedConfig; diagnostics: readonly Diagnostic[] }> {
  const cacheDir = join(dir, '.streamform', 'cache', 'hcl');
  const r = await loadConfig(dir, { cacheDir });
  return r.value ? { config: r.value, diagnostics: r.diagnostics } : { diagnostics: r.diagnostics };
}

export function statePathFor(dir: string, config: LoadedConfig | undefined): string {
  return resolveStatePath(dir, config?.root.terraform.backend?.path);
}

/** Opens the state file; `create` for commands that write. */
export function openState(path: string, create: boolean): { store?: StateStore; diagnostics: Diagnostic[] } {
  try {
    if (create) mkdirSync(join(path, '..'), { recursive: true });
    return { store: StateStore.open(path, { clock: systemClock, ids: systemIds, create, version: STREAMFORM_VERSION }), diagnostics: [] };
  } catch (e) {
    if (e instanceof StateError) return { diagnostics: [e.diagnostic] };
    throw e;
  }
}

/** An empty snapshot for commands that run without a state file yet. */
export function emptySnapshot(): StateSnapshot {
  return { lineage: '', serial: 0, terraformVersion: '1.9.0', streamformVersion: STREAMFORM_VERSION, resources: [], outputs: {} };
}

export function engineEnv(config: LoadedConfig, state: StateSnapshot, providers: ProviderResolver, hooks: EngineHooks, signal: AbortSignal, cwd: string): EngineEnv {
  return { config, state, providers, hooks, clock: systemClock, uuid: randomUUID, signal, cwd };
}

export { DEFAULT_STATE_FILE };
