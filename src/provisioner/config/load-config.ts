/**
 * Loads a module directory: every `*.tf` (through `@cdktf/hcl2json`, which reports syntax errors
 * with file:line:col) and `*.tf.json` file, in name order, into a ModuleConfig; local child modules
 * are loaded recursively. User mistakes come back as diagnostics; nothing here evaluates.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic, Outcome, SourcePos, SourceRange } from '../../shared/index.js';
import { errorDiag, warningDiag, hasErrors, suggestion } from '../../shared/index.js';
import { convertToType, parseTypeExpression } from '../lang/index.js';
import type { Value } from '../lang/index.js';
import { blockInstances, decodeBody, isJsonObject, type DecodeContext } from './body-decoder.js';
import { scanHcl, type ScannedBlock } from './source-scanner.js';
import type { Attribute, Body, Condition, ImportBlock, LoadedConfig, Lifecycle, ModuleCall, ModuleConfig, MovedBlock, OutputDecl, ProviderConfig, RequiredProvider, ResourceConfig, TerraformSettings, TraversalRef, VariableDecl } from './types.js';

type JsonObject = { readonly [k: string]: unknown };

interface FileUnit {
  readonly path: string;
  readonly display: string;
  readonly json: JsonObject;
  readonly scanned: readonly ScannedBlock[] | undefined;
}

const SYNTAX_RE = /([^\s[\],]+?):(\d+),(\d+)-(?:(\d+),)?(\d+): ([^;\]]+)(?:;\s*([^\]]*))?/g;

/** Converts hcl2json's error text into located diagnostics. */
export function syntaxDiagnostics(message: string, fallbackFile: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of message.matchAll(SYNTAX_RE)) {
    const start = { line: Number(m[2]), column: Number(m[3]) };
    const end = m[4] ? { line: Number(m[4]), column: Number(m[5]) } : { line: start.line, column: Number(m[5]) };
    out.push(errorDiag('config-syntax', m[6]!.trim(), { detail: m[7]?.trim() || undefined, range: { file: m[1]!, start, end } }));
  }
  if (!out.length) out.push(errorDiag('config-syntax', 'Invalid HCL syntax', { detail: message.replace(/^Error:\s*/, ''), range: { file: fallbackFile, start: { line: 1, column: 1 } } }));
  return out;
}

/**
 * hcl2json (Go compiled to WebAssembly) needs about 120 µs per resource; a 10,000-resource
 * configuration would spend over a second in it on every plan. Its output depends only on the
 * file's text, so it is cached on disk under `.streamform/cache/hcl/`, keyed by a hash of name
 * and content. A corrupt or missing entry just means parsing again.
 */
async function parseHclCached(display: string, text: string, cacheDir: string | undefined): Promise<JsonObject> {
  const key = createHash('sha256').update(display).update('\0').update(text).digest('hex');
  const file = cacheDir ? join(cacheDir, `${key}.json`) : undefined;
  if (file) {
    try { return JSON.parse(readFileSync(file, 'utf8')) as JsonObject; } catch { /* not cached yet */ }
  }
  const json = await (await hcl2json()).parse(display, text) as JsonObject;
  if (file && cacheDir) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(json));
      renameSync(tmp, file);
    } catch { /* a read-only directory only costs speed */ }
  }
  return json;
}

/**
 * hcl2json unpacks and instantiates its WebAssembly module when imported (150–250 ms, ~80 MB):
 * load it only when a file is not in the parse cache.
 */
let hcl2jsonModule: Promise<typeof import('@cdktf/hcl2json')> | undefined;
export function hcl2json(): Promise<typeof import('@cdktf/hcl2json')> {
  return (hcl2jsonModule ??= import('@cdktf/hcl2json'));
}

async function readUnits(dir: string, rootDir: string, sources: Map<string, string>, diags: Diagnostic[], cacheDir?: string): Promise<FileUnit[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => (n.endsWith('.tf') || n.endsWith('.tf.json')) && !n.startsWith('.')).sort();
  } catch {
    diags.push(errorDiag('config-dir-missing', `Cannot read configuration directory ${dir}`, { detail: 'Check the path, or pass -chdir=DIR.' }));
    return [];
  }
  const units = await Promise.all(names.map(async (name): Promise<FileUnit | undefined> => {
    const path = join(dir, name);
    const display = relative(rootDir, path) || name;
    const text = readFileSync(path, 'utf8');
    sources.set(display, text);
    if (name.endsWith('.tf.json')) {
      try {
        const json = JSON.parse(text) as unknown;
        if (!isJsonObject(json)) throw new Error('the top level must be a JSON object');
        return { path, display, json, scanned: undefined };
      } catch (e) {
        diags.push(errorDiag('config-syntax', 'Invalid JSON configuration', { detail: String((e as Error).message), range: { file: display, start: { line: 1, column: 1 } } }));
        return undefined;
      }
    }
    try {
      const json = await parseHclCached(display, text, cacheDir);
      return { path, display, json, scanned: scanHcl(text) };
    } catch (e) {
      diags.push(...syntaxDiagnostics(String((e as Error).message ?? e), display));
      return undefined;
    }
  }));
  return units.filter((u): u is FileUnit => u !== undefined);
}

/** Strips `${ }` around a bare traversal given as hcl2json text. */
export function traversalText(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^\$\{\s*([\s\S]*?)\s*\}$/.exec(v);
  return (m ? m[1]! : v).trim();
}

function traversalList(v: unknown, range: SourceRange): TraversalRef[] {
  const arr = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return arr.map((x) => traversalText(x)).filter((t): t is string => !!t).map((text) => ({ text, range }));
}

function providerRef(v: unknown): { name: string; alias?: string } | undefined {
  const t = traversalText(v);
  if (!t) return undefined;
  const [name, alias] = t.split('.');
  return alias ? { name: name!, alias } : { name: name! };
}

function literal(v: unknown): Value {
  if (v === undefined) return null;
  return v as Value;
}

class ModuleLoader {
  readonly diagnostics: Diagnostic[] = [];
  readonly sources = new Map<string, string>();
  readonly hash = createHash('sha256');
  #rootDir: string;
  #stack: string[] = [];
  #cacheDir: string | undefined;
  constructor(rootDir: string, cacheDir: string | undefined) { this.#rootDir = rootDir; this.#cacheDir = cacheDir; }

  async load(dir: string): Promise<ModuleConfig> {
    this.#stack.push(dir);
    const units = await readUnits(dir, this.#rootDir, this.sources, this.diagnostics, this.#cacheDir);
    for (const u of units) this.hash.update(u.display).update('\0').update(this.sources.get(u.display) ?? '').update('\0');
    const mod = await this.#build(dir, units);
    this.#stack.pop();
    return mod;
  }

  async #build(dir: string, units: readonly FileUnit[]): Promise<ModuleConfig> {
    const requiredProviders = new Map<string, RequiredProvider>();
    let backend: TerraformSettings['backend'];
    let requiredVersion: string | undefined;
    const providers: ProviderConfig[] = [];
    const variables = new Map<string, VariableDecl>();
    const locals = new Map<string, Attribute>();
    const resources: ResourceConfig[] = [];
    const outputs = new Map<string, OutputDecl>();
    const moduleCalls = new Map<string, ModuleCall>();
    const moved: MovedBlock[] = [];
    const imports: ImportBlock[] = [];
    const seen = new Map<string, SourceRange>();
    const dup = (key: string, what: string, range: SourceRange): boolean => {
      const prev = seen.get(key);
      if (prev) {
        this.diagnostics.push(errorDiag('config-duplicate', `Duplicate ${what}`, { detail: `A ${what} named ${key.split(' ').slice(1).join('.')} was already declared at ${prev.file}:${prev.start.line}. Names must be unique within a module.`, range }));
        return true;
      }
      seen.set(key, range);
      return false;
    };

    for (const unit of units) {
      const text = unit.scanned ? this.sources.get(unit.display) : undefined;
      const ctx: DecodeContext = text !== undefined ? { file: unit.display, diagnostics: this.diagnostics, text } : { file: unit.display, diagnostics: this.diagnostics };
      const top = unit.scanned;
      // Index the scanned top-level blocks by type and labels once: configurations have thousands.
      const byKey = new Map<string, ScannedBlock[]>();
      for (const b of top ?? []) {
        const k = [b.type, ...b.labels].join('\0');
        const list = byKey.get(k);
        if (list) list.push(b); else byKey.set(k, [b]);
      }
      const scannedOf = (type: string, labels: readonly string[], occurrence: number): ScannedBlock | undefined =>
        byKey.get([type, ...labels].join('\0'))?.[occurrence];
      const at = (pos: SourcePos | undefined): SourceRange => ({ file: unit.display, start: pos ?? { line: 1, column: 1 } });
      const labelCounts: Record<string, number> = { terraform: 0, provider: 1, variable: 1, locals: 0, resource: 2, data: 2, output: 1, module: 1, moved: 0, import: 0, check: 1, removed: 0 };
      for (const [type, value] of Object.entries(unit.json)) {
        const lc = labelCounts[type];
        if (lc === undefined) {
          this.diagnostics.push(errorDiag('config-unknown-block', `Unsupported block type "${type}"`, { detail: `Blocks of this type are not expected here.${suggestion(type, Object.keys(labelCounts))} Top-level blocks are terraform, provider, variable, locals, resource, data, output, module, moved and import.`, range: at(top?.find((b) => b.type === type)?.pos) }));
          continue;
        }
        const occ = new Map<string, number>();
        for (const inst of blockInstances(value, lc)) {
          const k = inst.labels.join('\0');
          const n = occ.get(k) ?? 0;
          occ.set(k, n + 1);
          const sb = scannedOf(type, inst.labels, n);
          const range = at(sb?.pos);
          const body = (): Body => decodeBody(inst.body, sb, ctx, sb?.pos);
          switch (type) {
            case 'terraform': {
              const b = inst.body;
              if (typeof b.required_version === 'string') requiredVersion = b.required_version;
              for (const rp of blockInstances(b.required_providers, 0)) {
                for (const [local, spec] of Object.entries(rp.body)) {
                  const source = isJsonObject(spec) && typeof spec.source === 'string' ? spec.source : typeof spec === 'string' ? `hashicorp/${local}` : `hashicorp/${local}`;
                  const version = isJsonObject(spec) && typeof spec.version === 'string' ? spec.version : typeof spec === 'string' ? spec : undefined;
                  requiredProviders.set(local, version === undefined ? { localName: local, source } : { localName: local, source, version });
                }
              }
              for (const be of blockInstances(b.backend, 1)) {
                const bsb = sb?.blocks.find((x) => x.type === 'backend');
                const path = typeof be.body.path === 'string' ? be.body.path : undefined;
                backend = path === undefined ? { type: be.labels[0]!, range: at(bsb?.pos) } : { type: be.labels[0]!, path, range: at(bsb?.pos) };
                if (be.labels[0] !== 'local') this.diagnostics.push(errorDiag('config-backend', `Unsupported backend "${be.labels[0]}"`, { detail: 'streamform keeps state in a local SQLite file: use backend "local" { path = "..." } or leave the backend out.', range: at(bsb?.pos) }));
              }
              break;
            }
            case 'provider': {
              const alias = typeof inst.body.alias === 'string' ? inst.body.alias : undefined;
              const key = `provider ${inst.labels[0]}${alias ? '.' + alias : ''}`;
              if (dup(key, 'provider configuration', range)) break;
              const { alias: _a, ...rest } = inst.body;
              const b = decodeBody(rest, sb, ctx, sb?.pos);
              providers.push(alias === undefined ? { name: inst.labels[0]!, body: b, range } : { name: inst.labels[0]!, alias, body: b, range });
              break;
            }
            case 'variable': variables.set(inst.labels[0]!, this.#variable(inst.labels[0]!, inst.body, sb, ctx, range)); if (dup(`variable ${inst.labels[0]}`, 'variable', range)) variables.delete('\0'); break;
            case 'locals': {
              const b = body();
              for (const [name, a] of b.attributes) {
                if (dup(`local ${name}`, 'local value', a.range)) continue;
                locals.set(name, a);
              }
              break;
            }
            case 'resource': case 'data': {
              const mode = type === 'resource' ? 'managed' : 'data';
              if (dup(`${type} ${inst.labels.join(' ')}`, mode === 'managed' ? 'resource' : 'data source', range)) break;
              resources.push(this.#resource(mode, inst.labels[0]!, inst.labels[1]!, inst.body, sb, ctx, range));
              break;
            }
            case 'output': {
              if (dup(`output ${inst.labels[0]}`, 'output', range)) break;
              outputs.set(inst.labels[0]!, this.#output(inst.labels[0]!, inst.body, sb, ctx, range));
              break;
            }
            case 'module': {
              if (dup(`module ${inst.labels[0]}`, 'module call', range)) break;
              const call = await this.#moduleCall(dir, inst.labels[0]!, inst.body, sb, ctx, range);
              if (call) moduleCalls.set(call.name, call);
              break;
            }
            case 'moved': {
              const from = traversalText(inst.body.from), to = traversalText(inst.body.to);
              if (!from || !to) { this.diagnostics.push(errorDiag('config-moved', 'Invalid moved block', { detail: 'A moved block needs both "from" and "to" addresses.', range })); break; }
              moved.push({ from, to, range });
              break;
            }
            case 'import': {
              const b = body();
              const to = traversalText(inst.body.to);
              const id = b.attributes.get('id');
              if (!to || !id) { this.diagnostics.push(errorDiag('config-import', 'Invalid import block', { detail: 'An import block needs "to" (a resource address) and "id".', range })); break; }
              const fe = b.attributes.get('for_each');
              const prov = providerRef(inst.body.provider);
              imports.push({ to, id, range, ...(fe ? { forEach: fe } : {}), ...(prov ? { provider: prov } : {}) });
              break;
            }
            default:
              this.diagnostics.push(warningDiag('config-ignored-block', `The "${type}" block is not supported yet and was ignored`, { range }));
          }
        }
      }
    }
    const terraform: TerraformSettings = { requiredProviders, ...(backend ? { backend } : {}), ...(requiredVersion ? { requiredVersion } : {}) };
    return { dir, files: units.map((u) => u.path), terraform, providers, variables, locals, resources, outputs, moduleCalls, moved, imports };
  }

  #conditions(body: Body, type: string): Condition[] {
    return body.blocks.filter((b) => b.type === type).flatMap((b) => {
      const c = b.body.attributes.get('condition'), m = b.body.attributes.get('error_message');
      if (!c || !m) {
        this.diagnostics.push(errorDiag('config-condition', `Invalid ${type} block`, { detail: 'It needs both "condition" and "error_message".', range: b.range }));
        return [];
      }
      return [{ condition: c.expr, errorMessage: m.expr, range: b.range }];
    });
  }

  #variable(name: string, json: JsonObject, sb: ScannedBlock | undefined, ctx: DecodeContext, range: SourceRange): VariableDecl {
    const body = decodeBody({ validation: json.validation ?? [] }, sb, ctx, sb?.pos);
    let type: VariableDecl['type'];
    if (json.type !== undefined) {
      const t = parseTypeExpression(json.type, { file: ctx.file, start: sb?.attributes.get('type')?.valuePos ?? range.start });
      this.diagnostics.push(...t.diagnostics);
      type = t.value;
    }
    const known = new Set(['type', 'default', 'description', 'sensitive', 'nullable', 'validation', 'ephemeral']);
    for (const k of Object.keys(json)) if (!known.has(k)) this.diagnostics.push(errorDiag('config-unknown-attribute', `Unsupported argument "${k}" in variable "${name}"`, { detail: 'A variable block accepts type, default, description, sensitive, nullable and validation.', range: { file: ctx.file, start: sb?.attributes.get(k)?.pos ?? range.start } }));
    if (type && json.default !== undefined && json.default !== null) {
      const conv = convertToType(literal(json.default), type);
      if (conv.value === undefined) this.diagnostics.push(errorDiag('config-variable-default', 'Invalid default value for variable', { detail: `This default value is not compatible with the variable's type constraint: ${conv.diagnostics.map((d) => d.detail ?? d.summary).join('; ')}.`, range: { file: ctx.file, start: sb?.attributes.get('default')?.pos ?? range.start } }));
    }
    return {
      name,
      ...(type ? { type } : {}),
      ...(json.default !== undefined ? { default: literal(json.default) } : {}),
      hasDefault: Object.prototype.hasOwnProperty.call(json, 'default'),
      ...(typeof json.description === 'string' ? { description: json.description } : {}),
      sensitive: json.sensitive === true,
      nullable: json.nullable !== false,
      validations: this.#conditions(body, 'validation'),
      range,
    };
  }

  #lifecycle(json: unknown, sb: ScannedBlock | undefined, ctx: DecodeContext, range: SourceRange): Lifecycle {
    const inst = blockInstances(json, 0)[0];
    const lsb = sb?.blocks.find((b) => b.type === 'lifecycle');
    const l = inst?.body ?? {};
    const body = inst ? decodeBody(inst.body, lsb, ctx, lsb?.pos) : undefined;
    const lrange: SourceRange = { file: ctx.file, start: lsb?.pos ?? range.start };
    const ic = l.ignore_changes;
    const ignoreChanges = traversalText(ic) === 'all' ? 'all' as const : traversalList(ic, lrange);
    const rtb = body?.attributes.get('replace_triggered_by');
    const replaceTriggeredBy: Attribute[] = [];
    if (rtb && rtb.expr.kind === 'tuple') rtb.expr.items.forEach((e, i) => replaceTriggeredBy.push({ name: `replace_triggered_by[${i}]`, expr: e, range: rtb.range }));
    return {
      createBeforeDestroy: l.create_before_destroy === true,
      preventDestroy: l.prevent_destroy === true,
      ignoreChanges,
      replaceTriggeredBy,
      preconditions: body ? this.#conditions(body, 'precondition') : [],
      postconditions: body ? this.#conditions(body, 'postcondition') : [],
    };
  }

  #resource(mode: 'managed' | 'data', type: string, name: string, json: JsonObject, sb: ScannedBlock | undefined, ctx: DecodeContext, range: SourceRange): ResourceConfig {
    const { count, for_each, provider, depends_on, lifecycle, provisioner, connection, ...rest } = json;
    if (provisioner !== undefined || connection !== undefined) this.diagnostics.push(warningDiag('config-provisioner', 'Provisioners are not supported and were ignored', { detail: 'Use a terraform_data or local_file resource instead.', range }));
    const meta = decodeBody({ ...(count !== undefined ? { count } : {}), ...(for_each !== undefined ? { for_each } : {}) }, sb, ctx, sb?.pos);
    if (count !== undefined && for_each !== undefined) this.diagnostics.push(errorDiag('config-count-and-for-each', 'Invalid combination of "count" and "for_each"', { detail: 'The "count" and "for_each" meta-arguments are mutually-exclusive: only one may be used.', range }));
    const prov = providerRef(provider);
    const c = meta.attributes.get('count'), fe = meta.attributes.get('for_each');
    return {
      mode, type, name,
      ...(prov ? { provider: prov } : {}),
      ...(c ? { count: c } : {}),
      ...(fe ? { forEach: fe } : {}),
      dependsOn: traversalList(depends_on, range),
      lifecycle: this.#lifecycle(lifecycle, sb, ctx, range),
      body: decodeBody(rest, sb, ctx, sb?.pos),
      range,
      ...(sb !== undefined && sb.annotations.size > 0 ? { annotations: Object.fromEntries(sb.annotations) } : {}),
    };
  }

  #output(name: string, json: JsonObject, sb: ScannedBlock | undefined, ctx: DecodeContext, range: SourceRange): OutputDecl {
    const { depends_on, ...rest } = json;
    const body = decodeBody(rest, sb, ctx, sb?.pos);
    const value = body.attributes.get('value');
    if (!value) this.diagnostics.push(errorDiag('config-output-value', `Missing required argument "value" in output "${name}"`, { detail: 'An output block needs a value = <expression>.', range }));
    return {
      name,
      value: value ?? { name: 'value', expr: { kind: 'literal', value: null, range: { start: range.start, end: range.start } }, range },
      sensitive: json.sensitive === true,
      ...(typeof json.description === 'string' ? { description: json.description } : {}),
      dependsOn: traversalList(depends_on, range),
      preconditions: this.#conditions(body, 'precondition'),
      range,
    };
  }

  async #moduleCall(dir: string, name: string, json: JsonObject, sb: ScannedBlock | undefined, ctx: DecodeContext, range: SourceRange): Promise<ModuleCall | undefined> {
    const { source, version: _v, count, for_each, depends_on, providers, ...inputs } = json;
    if (typeof source !== 'string') {
      this.diagnostics.push(errorDiag('config-module-source', `Missing required argument "source" in module "${name}"`, { detail: 'A module block needs source = "./path/to/module".', range }));
      return undefined;
    }
    if (!source.startsWith('./') && !source.startsWith('../')) {
      this.diagnostics.push(errorDiag('config-module-source', `Unsupported module source "${source}"`, { detail: 'streamform loads modules from local paths only (source = "./modules/name"). Vendor registry or git modules into the repository.', range }));
      return undefined;
    }
    const childDir = resolve(dir, source);
    if (this.#stack.includes(childDir)) {
      this.diagnostics.push(errorDiag('config-module-cycle', `Module "${name}" includes itself`, { detail: `${source} is already being loaded: ${this.#stack.join(' → ')}`, range }));
      return undefined;
    }
    try { if (!statSync(childDir).isDirectory()) throw new Error('not a directory'); } catch {
      this.diagnostics.push(errorDiag('config-module-source', `Module directory not found: ${source}`, { detail: `Expected a directory at ${childDir}.`, range }));
      return undefined;
    }
    const meta = decodeBody({ ...(count !== undefined ? { count } : {}), ...(for_each !== undefined ? { for_each } : {}) }, sb, ctx, sb?.pos);
    const provMap = new Map<string, { name: string; alias?: string }>();
    for (const inst of blockInstances(providers, 0)) for (const [k, v] of Object.entries(inst.body)) { const r = providerRef(v); if (r) provMap.set(k, r); }
    if (isJsonObject(providers)) for (const [k, v] of Object.entries(providers)) { const r = providerRef(v); if (r) provMap.set(k, r); }
    const module = await this.load(childDir);
    const c = meta.attributes.get('count'), fe = meta.attributes.get('for_each');
    return {
      name, source,
      ...(c ? { count: c } : {}),
      ...(fe ? { forEach: fe } : {}),
      dependsOn: traversalList(depends_on, range),
      providers: provMap,
      inputs: decodeBody(inputs, sb, ctx, sb?.pos).attributes,
      range,
      module,
    };
  }
}

/** Loads the configuration rooted at `dir`. */
export async function loadConfig(dir: string, opts: { cacheDir?: string } = {}): Promise<Outcome<LoadedConfig>> {
  const abs = resolve(dir);
  const loader = new ModuleLoader(abs, opts.cacheDir);
  const root = await loader.load(abs);
  const diagnostics = loader.diagnostics;
  if (root.files.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push(errorDiag('config-empty', 'No configuration files', { detail: `The directory ${abs} contains no .tf or .tf.json files. Run streamform in a directory with configuration, or pass -chdir=DIR.` }));
  }
  const value: LoadedConfig = { root, sources: loader.sources, hash: loader.hash.digest('hex') };
  return { value, diagnostics };
}
