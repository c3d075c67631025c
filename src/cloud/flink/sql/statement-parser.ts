/**
 * Statement dispatch: queries, INSERT, EXECUTE STATEMENT SET, DDL, SET/RESET, USE, SHOW, DESCRIBE,
 * EXPLAIN, and recognised-but-unsupported statements (parsed up to the next `;` into an
 * `Unsupported` node so later layers report them at their position).
 */
import type { ExplainDetail, Insert, Pos, Show, ShowWhat, Statement } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseAlterTable, parseCreateTable, parseCreateView } from './ddl-parser.js';
import { parseHints } from './hint-parser.js';
import { atQueryStart, parenthesizedNames, parseQuery } from './query-parser.js';
import { sqlKind } from './statement-kind.js';

/** The message Confluent Cloud gives for statements it does not support at all. */
export const NOT_SUPPORTED_MESSAGE = 'The requested operation is not supported.';

/** Parses one statement at the cursor (not its trailing `;`). `text` is the whole source. */
export function parseStatementAt(c: Cursor, text: string): Statement {
  const start = c.here();
  if (atQueryStart(c)) {
    const query = parseQuery(c);
    return { kind: 'QueryStatement', range: c.rangeFrom(start), query };
  }
  const t = c.peek();
  const w = t.kind === 'word' ? t.upper : '';
  switch (w) {
    case 'INSERT': return parseInsert(c);
    case 'EXECUTE': return statementSet(c);
    case 'CREATE': return create(c, text);
    case 'ALTER': {
      if (c.isKw('TABLE', 1)) { c.advance(); c.advance(); return parseAlterTable(c, start); }
      return unsupported(c, { text, what: `ALTER ${c.peek(1).upper}`, support: 'not-supported-yet' });
    }
    case 'DROP': return drop(c, text);
    case 'SET': {
      c.advance();
      if (c.peek().kind === 'eof' || c.isOp(';')) return { kind: 'Set', range: c.rangeFrom(start) };
      const key = propertyWord(c);
      c.expectOp('=');
      const value = propertyWord(c);
      return { kind: 'Set', range: c.rangeFrom(start), key, value };
    }
    case 'RESET': {
      c.advance();
      if (c.peek().kind === 'eof' || c.isOp(';')) return { kind: 'Reset', range: c.rangeFrom(start) };
      return { kind: 'Reset', range: c.rangeFrom(start), key: propertyWord(c) };
    }
    case 'USE': {
      c.advance();
      if (c.isKw('CATALOG') && (c.atIdentifier(1))) { c.advance(); return { kind: 'UseCatalog', range: c.rangeFrom(start), catalog: c.identifier() }; }
      if (c.isKw('MODULES')) return unsupported(c, { text, what: 'USE MODULES', support: 'not-supported', from: start });
      return { kind: 'Use', range: c.rangeFrom(start), name: c.compoundName() };
    }
    case 'SHOW': return show(c);
    case 'DESCRIBE':
    case 'DESC': {
      c.advance();
      const extended = c.acceptKw('EXTENDED');
      return { kind: 'Describe', range: c.rangeFrom(start), extended, name: c.compoundName() };
    }
    case 'EXPLAIN': return explain(c, text);
    case 'ANALYZE': case 'DELETE': case 'UPDATE': case 'TRUNCATE': case 'CALL': case 'LOAD': case 'UNLOAD':
      return unsupported(c, { text, what: w, support: 'not-supported' });
    default:
      for (const k of ['SELECT', 'INSERT', 'CREATE', 'ALTER', 'DROP', 'SET', 'SHOW', 'DESCRIBE', 'EXPLAIN', 'USE', 'EXECUTE']) c.expect(`"${k}"`);
      return c.fail();
  }
}

function propertyWord(c: Cursor): string {
  const t = c.peek();
  if (t.kind === 'string' || t.kind === 'quoted' || t.kind === 'word' || t.kind === 'number') return c.advance().value;
  c.expect('<QUOTED_STRING>');
  return c.fail();
}

/** `INSERT INTO|OVERWRITE target [hints] [(cols)] query`. */
export function parseInsert(c: Cursor): Insert {
  const start = c.advance().start;
  let mode: 'INTO' | 'OVERWRITE' = 'INTO';
  if (c.acceptKw('OVERWRITE')) mode = 'OVERWRITE'; else c.expectKw('INTO');
  const target = c.compoundName();
  const targetHints = parseHints(c);
  const columns = c.isOp('(') && !atQueryStart(c) ? parenthesizedNames(c) : undefined;
  const query = parseQuery(c);
  return { kind: 'Insert', range: c.rangeFrom(start), mode, target, targetHints, query, ...(columns ? { columns } : {}) };
}

function statementSet(c: Cursor): Statement {
  const start = c.advance().start;
  c.expectKw('STATEMENT', 'SET', 'BEGIN');
  const inserts: Insert[] = [];
  for (;;) {
    if (c.acceptKw('END')) break;
    if (!c.isKw('INSERT')) { c.expect('"INSERT"'); c.fail(); }
    inserts.push(parseInsert(c));
    c.expectOp(';');
  }
  if (inserts.length === 0) c.fail('A STATEMENT SET must contain at least one INSERT INTO statement');
  return { kind: 'StatementSet', range: c.rangeFrom(start), inserts };
}

function create(c: Cursor, text: string): Statement {
  const start = c.advance().start;
  const orReplace = c.acceptKws('OR', 'REPLACE');
  if (c.acceptKw('TABLE')) return parseCreateTable(c, { start, orReplace });
  if (c.acceptKw('VIEW')) return parseCreateView(c, { start, orReplace });
  const t = c.peek();
  if (t.kind === 'word' && ['FUNCTION', 'MODEL', 'CONNECTION', 'AGENT', 'TOOL'].includes(t.upper)) return unsupported(c, { text, what: `CREATE ${t.upper}`, support: 'not-supported-yet', from: start });
  if (t.kind === 'word' && ['TEMPORARY', 'CATALOG', 'DATABASE'].includes(t.upper)) return unsupported(c, { text, what: `CREATE ${t.upper}`, support: 'not-supported', from: start });
  c.expect('"TABLE"'); c.expect('"VIEW"'); c.expect('"FUNCTION"'); c.expect('"MODEL"');
  return c.fail();
}

function drop(c: Cursor, text: string): Statement {
  const start = c.advance().start;
  if (c.acceptKw('TABLE')) {
    const ifExists = c.acceptKws('IF', 'EXISTS');
    return { kind: 'DropTable', range: c.rangeFrom(start), ifExists, name: c.compoundName() };
  }
  if (c.acceptKw('VIEW')) {
    const ifExists = c.acceptKws('IF', 'EXISTS');
    return { kind: 'DropView', range: c.rangeFrom(start), ifExists, name: c.compoundName() };
  }
  const t = c.peek();
  if (t.kind === 'word' && ['FUNCTION', 'MODEL', 'CONNECTION', 'AGENT', 'TOOL'].includes(t.upper)) return unsupported(c, { text, what: `DROP ${t.upper}`, support: 'not-supported-yet', from: start });
  if (t.kind === 'word' && ['TEMPORARY', 'CATALOG', 'DATABASE'].includes(t.upper)) return unsupported(c, { text, what: `DROP ${t.upper}`, support: 'not-supported', from: start });
  c.expect('"TABLE"'); c.expect('"VIEW"');
  return c.fail();
}

const SHOW_SIMPLE: readonly ShowWhat[] = ['CATALOGS', 'DATABASES', 'TABLES', 'VIEWS', 'FUNCTIONS', 'COLUMNS', 'JOBS', 'MODELS', 'CONNECTIONS'];

function show(c: Cursor): Statement {
  const start = c.advance().start;
  if (c.acceptKw('CREATE')) {
    const t = c.peek();
    const object = t.upper === 'TABLE' || t.upper === 'VIEW' || t.upper === 'MODEL' ? t.upper : undefined;
    if (t.kind !== 'word' || !object) { c.expect('"TABLE"'); c.expect('"VIEW"'); c.expect('"MODEL"'); return c.fail(); }
    c.advance();
    return { kind: 'ShowCreate', range: c.rangeFrom(start), object, name: c.compoundName() };
  }
  let what: ShowWhat | undefined;
  if (c.acceptKw('CURRENT')) {
    if (c.acceptKw('CATALOG')) what = 'CURRENT CATALOG';
    else { c.expectKw('DATABASE'); what = 'CURRENT DATABASE'; }
    return { kind: 'Show', range: c.rangeFrom(start), what };
  }
  if (c.acceptKws('USER', 'FUNCTIONS')) what = 'USER FUNCTIONS';
  else {
    what = SHOW_SIMPLE.find((s) => c.isKw(s));
    if (!what) { for (const s of SHOW_SIMPLE) c.expect(`"${s}"`); c.expect('"CURRENT"'); c.expect('"CREATE"'); return c.fail(); }
    c.advance();
  }
  let result: Show = { kind: 'Show', range: c.rangeFrom(start), what };
  if (c.isKw('FROM') || c.isKw('IN')) {
    const preposition = c.advance().upper === 'FROM' ? 'FROM' : 'IN';
    result = { ...result, from: { preposition, name: c.compoundName() } };
  } else if (what === 'COLUMNS') { c.expect('"FROM"'); c.expect('"IN"'); c.fail(); }
  const negated = c.isKw('NOT') && c.isKw('LIKE', 1) ? (c.advance(), true) : false;
  if (c.acceptKw('LIKE')) result = { ...result, like: { negated, pattern: c.string() } };
  return { ...result, range: c.rangeFrom(start) };
}

const EXPLAIN_DETAILS: readonly ExplainDetail[] = ['CHANGELOG_MODE', 'ESTIMATED_COST', 'JSON_EXECUTION_PLAN', 'PLAN_ADVICE'];

function explain(c: Cursor, text: string): Statement {
  const start = c.advance().start;
  const planFor = c.acceptKws('PLAN', 'FOR');
  const details: ExplainDetail[] = [];
  for (;;) {
    const d = EXPLAIN_DETAILS.find((x) => c.isKw(x));
    if (!d) break;
    c.advance();
    details.push(d);
    if (!c.acceptOp(',')) break;
  }
  const inner = parseStatementAt(c, text);
  if (inner.kind !== 'QueryStatement' && inner.kind !== 'Insert' && inner.kind !== 'StatementSet' && inner.kind !== 'CreateTable') {
    return { kind: 'Unsupported', range: c.rangeFrom(start), what: `EXPLAIN ${sqlKind(inner).replace(/_/g, ' ')}`, support: 'not-supported', message: NOT_SUPPORTED_MESSAGE, text: text.slice(start.offset, c.prev().end.offset) };
  }
  return { kind: 'Explain', range: c.rangeFrom(start), planFor, details, statement: inner };
}

/** Skips to the end of the statement (next top-level `;` or end of text) and records it as unsupported. */
function unsupported(c: Cursor, o: { text: string; what: string; support: 'not-supported-yet' | 'not-supported'; from?: Pos }): Statement {
  const { text, what, support } = o;
  const start = o.from ?? c.here();
  let depth = 0;
  for (;;) {
    const t = c.peek();
    if (t.kind === 'eof' || (depth === 0 && t.kind === 'op' && t.value === ';')) break;
    if (t.kind === 'op' && t.value === '(') depth++;
    if (t.kind === 'op' && t.value === ')') depth--;
    c.advance();
  }
  const message = support === 'not-supported' ? NOT_SUPPORTED_MESSAGE : `${what} is not supported yet by the streamform local cloud.`;
  return { kind: 'Unsupported', range: c.rangeFrom(start), what, support, message, text: text.slice(start.offset, c.prev().end.offset) };
}
