/**
 * Types of the views' own inputs: the apply progress events the engine reports through its
 * hooks, output values for the `Outputs:` section, and the source lookup for diagnostic snippets.
 */
import type { Value } from './plan-model.js';

/** Source text of a file by name, for diagnostic snippets; undefined when not available. */
export type SourceLookup = (file: string) => string | undefined;

/** The action an apply hook reports for one resource instance. */
export type ApplyAction = 'create' | 'update' | 'delete' | 'read' | 'import' | 'forget';

/** One progress event during apply, as reported by the engine's hooks. */
export interface ApplyEvent {
  readonly kind: 'start' | 'progress' | 'complete' | 'errored';
  readonly address: string;
  readonly action: ApplyAction;
  /** Seconds since the action started (progress, complete, errored). */
  readonly elapsedSeconds?: number;
  /** The object's identifying attribute, shown as `[id=...]`. */
  readonly idKey?: string;
  readonly idValue?: string;
}

/** Counts for the final `Apply complete!` line. */
export interface ApplySummary {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly import?: number;
  readonly forget?: number;
}

/** A root module output value after apply. */
export interface OutputValue {
  readonly name: string;
  readonly value: Value;
  readonly sensitive: boolean;
  /** Terraform type expression as JSON (`"string"`, `["list","string"]`); inferred when absent. */
  readonly type?: unknown;
}
