/**
 * Recovers the block structure and the positions of blocks and attributes from HCL native syntax.
 *
 * `@cdktf/hcl2json` gives us the parsed content as JSON and file:line:col for syntax errors, but no
 * positions for valid content, and its JSON cannot tell an attribute holding a list of objects
 * from repeated nested blocks. This scanner runs after hcl2json accepted the file, so it can be
 * small: it tokenises just enough (strings with interpolation, heredocs, comments, brackets) to
 * find `name = ...` attributes and `type "label" {` block headers at each nesting level.
 */
import type { SourcePos } from '../../shared/index.js';

export interface ScannedAttribute {
  readonly name: string;
  readonly pos: SourcePos;
  /** Position where the value expression starts. */
  readonly valuePos: SourcePos;
  /** Offsets of the value expression's source text: [start, end). */
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface ScannedBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly pos: SourcePos;
  readonly attributes: ReadonlyMap<string, ScannedAttribute>;
  readonly blocks: readonly ScannedBlock[];
  /** `# streamform: key = "value"` comment annotations directly in this block's body. */
  readonly annotations: ReadonlyMap<string, string>;
}

interface MutableBlock {
  type: string; labels: string[]; pos: SourcePos;
  attributes: Map<string, ScannedAttribute>; blocks: MutableBlock[]; annotations: Map<string, string>;
}

/** A comment annotation: `# streamform: evolution = "cut-over"` (also after `//`). */
const ANNOTATION = /^(?:#|\/\/)\s*streamform:\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"([^"]*)"\s*$/;

/** Scans a whole file; returns the top-level blocks (attributes at top level are ignored). */
export function scanHcl(text: string): ScannedBlock[] {
  const s = new Scanner(text);
  const root: MutableBlock = { type: '', labels: [], pos: { line: 1, column: 1 }, attributes: new Map(), blocks: [], annotations: new Map() };
  s.body(root, true);
  return root.blocks;
}

class Scanner {
  #t: string;
  #i = 0;
  #line = 1;
  #col = 1;
  /** The block whose body is being scanned: comment annotations land there. */
  #current: MutableBlock | undefined;
  constructor(text: string) { this.#t = text; }

  get #pos(): SourcePos { return { line: this.#line, column: this.#col }; }
  #peek(o = 0): string { return this.#t[this.#i + o] ?? ''; }
  #adv(n = 1): void {
    for (let k = 0; k < n && this.#i < this.#t.length; k++) {
      if (this.#t[this.#i] === '\n') { this.#line++; this.#col = 1; } else { this.#col++; }
      this.#i++;
    }
  }
  #eof(): boolean { return this.#i >= this.#t.length; }

  /** Skips spaces, tabs, carriage returns and comments; newlines too when `nl`. */
  #skipWs(nl: boolean): void {
    for (;;) {
      const c = this.#peek();
      if (c === ' ' || c === '\t' || c === '\r' || (nl && c === '\n')) { this.#adv(); continue; }
      if (c === '#' || (c === '/' && this.#peek(1) === '/')) {
        const start = this.#i;
        while (!this.#eof() && this.#peek() !== '\n') this.#adv();
        const m = ANNOTATION.exec(this.#t.slice(start, this.#i).trimEnd());
        if (m !== null && this.#current !== undefined && !this.#current.annotations.has(m[1]!)) this.#current.annotations.set(m[1]!, m[2]!);
        continue;
      }
      if (c === '/' && this.#peek(1) === '*') { this.#adv(2); while (!this.#eof() && !(this.#peek() === '*' && this.#peek(1) === '/')) this.#adv(); this.#adv(2); continue; }
      return;
    }
  }

  #ident(): string | undefined {
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.#t.slice(this.#i, this.#i + 256));
    if (!m) return undefined;
    this.#adv(m[0].length);
    return m[0];
  }

  /** Reads a quoted string literal (label), returning its decoded text (interpolations kept raw). */
  #quoted(): string {
    this.#adv(); // opening quote
    let out = '';
    while (!this.#eof()) {
      const c = this.#peek();
      if (c === '\\') { out += this.#peek(1); this.#adv(2); continue; }
      if (c === '"') { this.#adv(); break; }
      if ((c === '$' || c === '%') && this.#peek(1) === '{') { const st = this.#i; this.#adv(2); this.#skipBalanced('}'); out += this.#t.slice(st, this.#i); continue; }
      out += c; this.#adv();
    }
    return out;
  }

  /** Skips until the matching closer, honouring nested brackets, strings and heredocs. */
  #skipBalanced(closer: string): void {
    const stack = [closer];
    while (!this.#eof() && stack.length) {
      this.#skipWs(true);
      const c = this.#peek();
      if (c === '"') { this.#quoted(); continue; }
      if (c === '<' && this.#peek(1) === '<') { this.#heredoc(); continue; }
      if (c === '{') { stack.push('}'); this.#adv(); continue; }
      if (c === '[') { stack.push(']'); this.#adv(); continue; }
      if (c === '(') { stack.push(')'); this.#adv(); continue; }
      if (c === stack[stack.length - 1]) { stack.pop(); this.#adv(); continue; }
      this.#adv();
    }
  }

  #heredoc(): void {
    const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(this.#t.slice(this.#i, this.#i + 300));
    if (!m) { this.#adv(2); return; }
    const marker = m[2]!;
    this.#adv(m[0].length);
    while (!this.#eof()) {
      const lineEnd = this.#t.indexOf('\n', this.#i);
      const line = this.#t.slice(this.#i, lineEnd < 0 ? this.#t.length : lineEnd);
      if (line.trim() === marker) { this.#adv(line.length); return; }
      this.#adv(line.length + 1);
    }
  }

  /** Skips an attribute's value expression: to the end of the line outside brackets. Returns its end offset. */
  #skipExpression(): number {
    let end = this.#i;
    for (;;) {
      this.#skipWs(false);
      if (this.#eof()) return end;
      const c = this.#peek();
      if (c === '\n' || c === '}') return end;
      if (c === '"') { this.#quoted(); }
      else if (c === '<' && this.#peek(1) === '<' && /^<<-?[A-Za-z_]/.test(this.#t.slice(this.#i, this.#i + 4))) { this.#heredoc(); }
      else if (c === '{') { this.#adv(); this.#skipBalanced('}'); }
      else if (c === '[') { this.#adv(); this.#skipBalanced(']'); }
      else if (c === '(') { this.#adv(); this.#skipBalanced(')'); }
      else this.#adv();
      end = this.#i;
    }
  }

  body(block: MutableBlock, top: boolean): void {
    const outer = this.#current;
    this.#current = block;
    try { this.#body(block, top); } finally { this.#current = outer; }
  }

  #body(block: MutableBlock, top: boolean): void {
    for (;;) {
      this.#skipWs(true);
      if (this.#eof()) return;
      if (this.#peek() === '}') { if (!top) this.#adv(); return; }
      const pos = this.#pos;
      const name = this.#peek() === '"' ? this.#quoted() : this.#ident();
      if (name === undefined) { this.#adv(); continue; }
      this.#skipWs(false);
      if (this.#peek() === '=' && this.#peek(1) !== '=') {
        this.#adv();
        this.#skipWs(false);
        const valuePos = this.#pos;
        const valueStart = this.#i;
        const valueEnd = this.#skipExpression();
        if (!block.attributes.has(name)) block.attributes.set(name, { name, pos, valuePos, valueStart, valueEnd });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.#skipWs(false);
        const c = this.#peek();
        if (c === '"') { labels.push(this.#quoted()); continue; }
        if (c === '{') break;
        const id = this.#ident();
        if (id === undefined) break;
        labels.push(id);
      }
      if (this.#peek() !== '{') { this.#skipExpression(); continue; }
      this.#adv();
      const child: MutableBlock = { type: name, labels, pos, attributes: new Map(), blocks: [], annotations: new Map() };
      block.blocks.push(child);
      this.body(child, false);
    }
  }
}
