/**
 * The engine's apply and refresh hooks turned into progress lines (human or `-json`): the CLI
 * passes `reporter.hooks` to the engine and prints what `emit` receives. Stateful because the
 * engine's progress and failure hooks do not repeat the action or the start time.
 */
import { renderApplyEventJSON } from './apply-json-lines-view.js';
import { renderApplyEvent } from './apply-progress-view.js';
import type { ChangeAction, Clock, EngineHooks } from './plan-model.js';
import type { ApplyAction, ApplyEvent } from './types.js';
import { resourceJSON, uiMessage } from './ui-message.js';

/** Options for `ApplyProgressReporter`. */
export interface ApplyProgressReporterOptions {
  readonly color: boolean;
  /** Emit Terraform's machine-readable UI lines instead of text. */
  readonly json?: boolean;
  /** For elapsed times of failures and for JSON timestamps. */
  readonly clock: Clock;
  /** Receives each finished line (without newline). */
  readonly emit: (line: string) => void;
}

interface Running { readonly action: ApplyAction; readonly label: string; readonly started: number; readonly id?: string }

/** Adapts EngineHooks to progress lines. */
export class ApplyProgressReporter {
  readonly #opts: ApplyProgressReporterOptions;
  readonly #running = new Map<string, Running>();
  /** The hooks to hand to the engine. */
  readonly hooks: EngineHooks;

  constructor(opts: ApplyProgressReporterOptions) {
    this.#opts = opts;
    this.hooks = {
      refreshDone: (address, id) => this.#refreshed(address, id),
      applyStart: (address, action, id) => this.#start(address, action, id),
      applyProgress: (address, message, elapsedMs) => this.#progress(address, message, elapsedMs),
      applyDone: (address, action, elapsedMs, id) => this.#done(address, action, elapsedMs, id),
      applyFailed: (address) => this.#failed(address),
    };
  }

  #start(address: string, engineAction: ChangeAction | 'delete-deposed', id: string | undefined): void {
    const action = applyActionOf(engineAction);
    const label = engineAction === 'delete-deposed' ? `${address} (deposed object)` : address;
    this.#running.set(address, id === undefined ? { action, label, started: this.#opts.clock.now() } : { action, label, started: this.#opts.clock.now(), id });
    this.#event(withId({ kind: 'start', address: label, action }, id));
  }

  #progress(address: string, message: string, elapsedMs: number): void {
    const r = this.#running.get(address);
    if (r === undefined) return;
    if (message === 'still') {
      this.#event(withId({ kind: 'progress', address: r.label, action: r.action, elapsedSeconds: elapsedMs / 1000 }, r.id));
      return;
    }
    // A provider's own progress message (e.g. a statement's phase) is shown as it is.
    if (this.#opts.json === true) {
      this.#opts.emit(uiMessage('info', `${r.label}: ${message}`, 'apply_progress', { hook: { resource: resourceJSON(address), action: r.action, message, elapsed_seconds: Math.floor(elapsedMs / 1000) } }, this.#opts.clock));
    } else this.#opts.emit(`${r.label}: ${message}`);
  }

  #done(address: string, engineAction: ChangeAction | 'delete-deposed', elapsedMs: number, id: string | undefined): void {
    const r = this.#running.get(address);
    this.#running.delete(address);
    const label = r?.label ?? address;
    const shownId = id ?? r?.id;
    this.#event(withId({ kind: 'complete', address: label, action: r?.action ?? applyActionOf(engineAction), elapsedSeconds: elapsedMs / 1000 }, shownId));
  }

  #failed(address: string): void {
    const r = this.#running.get(address);
    if (r === undefined) return;
    this.#running.delete(address);
    this.#event({ kind: 'errored', address: r.label, action: r.action, elapsedSeconds: (this.#opts.clock.now() - r.started) / 1000 });
  }

  #refreshed(address: string, id: string | undefined): void {
    const suffix = id === undefined ? '' : ` [id=${id}]`;
    if (this.#opts.json === true) {
      const hook: Record<string, unknown> = { resource: resourceJSON(address) };
      if (id !== undefined) { hook['id_key'] = 'id'; hook['id_value'] = id; }
      this.#opts.emit(uiMessage('info', `${address}: Refresh complete${suffix}`, 'refresh_complete', { hook }, this.#opts.clock));
    } else this.#opts.emit(`${address}: Refreshing state...${suffix}`);
  }

  #event(e: ApplyEvent): void {
    this.#opts.emit(this.#opts.json === true ? renderApplyEventJSON(e, { clock: this.#opts.clock }) : renderApplyEvent(e, { color: this.#opts.color }));
  }
}

function withId(e: ApplyEvent, id: string | undefined): ApplyEvent {
  return id === undefined ? e : { ...e, idValue: id };
}

/** The verbs to use for an engine action; a replacement is reported as its create and delete halves. */
function applyActionOf(a: ChangeAction | 'delete-deposed'): ApplyAction {
  switch (a) {
    case 'create': case 'replace': return 'create';
    case 'update': case 'no-op': return 'update';
    case 'delete': case 'delete-deposed': return 'delete';
    case 'read': return 'read';
    case 'forget': return 'forget';
  }
}
