/** Runs `streamform lineage` in-process (commander + a capturing Io) and copies fixtures to temp dirs. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerLineageCommand } from '../../../src/cli/lineage/index.js';
import type { Io } from '../../../src/cli/terminal.js';
import { REPO_ROOT } from '../../support/golden.js';

/** What one run printed and its exit code. */
export interface RunResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `streamform lineage <args…>` in `dir`. */
export async function runLineage(dir: string, args: readonly string[]): Promise<RunResult> {
  let out = '';
  let err = '';
  let code = 0;
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false, stdinTTY: false, prompt: () => Promise.resolve('') };
  const program = new Command('streamform').exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerLineageCommand(program, io, dir, (c) => { code = c; });
  try {
    await program.parseAsync(['node', 'streamform', 'lineage', ...args]);
  } catch (e) {
    if (!(e instanceof Error && 'code' in e && String(e.code).startsWith('commander.'))) throw e;
    code = 1;
  }
  return { code, out, err };
}

/** A temp copy of test/cli/lineage/<name> (loading config writes a cache under the directory); `cleanup` removes it. */
export function fixtureCopy(name: string): { readonly dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-lineage-'));
  cpSync(join(REPO_ROOT, 'test/cli/lineage', name), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Checks that `xml` is well-formed (tags balanced and properly nested, attributes quoted, only
 * known entities) and returns the start tags with their attributes, in document order.
 */
export function parseXmlTags(xml: string): { readonly name: string; readonly attrs: ReadonlyMap<string, string> }[] {
  const tags: { name: string; attrs: Map<string, string> }[] = [];
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+);)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[0] === '<' || m[0].startsWith('&')) throw new Error(`malformed markup at offset ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    if (m[2] === undefined) continue;
    const name = m[2];
    if (m[1] === '/') {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}> at offset ${m.index}`);
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of (m[3] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (attrs.has(a[1] ?? '')) throw new Error(`duplicate attribute ${a[1] ?? ''} on <${name}>`);
      attrs.set(a[1] ?? '', a[2] ?? '');
    }
    tags.push({ name, attrs });
    if (m[4] !== '/') stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed elements: ${stack.join(', ')}`);
  return tags;
}
