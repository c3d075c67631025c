/**
 * EXPLAIN text in Confluent's layout: a `== Physical Plan ==` tree with node numbers, then
 * `== Physical Details ==` per node with its table, changelog mode and options. Deterministic:
 * nodes print in plan order; shared sources print once.
 */
import { quotedPath } from '../catalog/index.js';
import type { PhysicalNode, PhysicalPlan, PhysicalSink } from './types.js';
import { isInsertOnly, modeName, printKinds } from './changelog-mode.js';
import { inputsOf } from './plan-query.js';

const TITLES = {
  scan: 'StreamTableSourceScan', values: 'StreamValues', calc: 'StreamCalc', union: 'StreamUnion', limit: 'StreamLimit',
  'group-aggregate': 'StreamGroupAggregate', 'window-aggregate': 'StreamWindowAggregate', rank: 'StreamRank',
  deduplicate: 'StreamDeduplicate', over: 'StreamOverAggregate', normalize: 'StreamChangelogNormalize',
  'window-tvf': 'StreamWindowTableFunction', 'window-rank': 'StreamWindowRank', 'window-deduplicate': 'StreamWindowDeduplicate',
  join: 'StreamJoin', unnest: 'StreamCorrelate', 'match-recognize': 'StreamMatch',
} as const;

/** Flink's operator name of a node, with a short description (`StreamCalc(select=[a, b])`). */
export function nodeTitle(n: PhysicalNode): string {
  switch (n.kind) {
    case 'scan': return `${TITLES.scan}(table=[[${[n.table.catalog.name, n.table.database.name, n.table.name].join(', ')}]], fields=[${n.fields.filter((f) => f.hidden !== true).map((f) => f.name).join(', ')}])`;
    case 'calc': return `${TITLES.calc}(select=[${n.projection.join(', ')}]${n.where === undefined ? '' : `, where=[${n.where}]`})`;
    case 'values': return `${TITLES.values}(tuples=${n.rows.length})`;
    case 'union': return `${TITLES.union}(all=[true])`;
    case 'limit': return `${TITLES.limit}(offset=[${n.offset}], fetch=[${n.limit}])`;
    case 'window-tvf': return `WindowTableFunction(window=[${windowText(n.window)}])`;
    case 'window-rank': return `WindowRank(rankType=[${n.fn}], rankRange=[rankStart=${n.rankStart}, rankEnd=${n.rankEnd}], partitionBy=[${n.partitionText.join(', ')}], orderBy=[${n.orderText.join(', ')}])`;
    case 'window-deduplicate': return `WindowDeduplicate(keep=[${n.keep === 'first' ? 'FirstRow' : 'LastRow'}], partitionBy=[${n.partitionText.join(', ')}])`;
    case 'normalize': return `ChangelogNormalize(key=[${n.keyText.join(', ')}])`;
    case 'group-aggregate': return `GroupAggregate(${n.groupText.length === 0 ? '' : `groupBy=[${n.groupText.join(', ')}], `}select=[${[...n.groupText, ...n.aggText].join(', ')}])`;
    case 'window-aggregate': return `WindowAggregate(${n.groupText.length === 0 ? '' : `groupBy=[${n.groupText.join(', ')}], `}window=[${windowText(n.window)}${n.proctime === true ? ', PROCTIME' : ''}], select=[${[...n.groupText, ...n.aggText, 'window_start', 'window_end', 'window_time'].join(', ')}])`;
    case 'rank': return `Rank(strategy=[${n.insertOnly ? 'AppendFastStrategy' : 'RetractStrategy'}], rankType=[${n.fn}], rankRange=[rankStart=${n.rankStart}, rankEnd=${n.rankEnd}], partitionBy=[${n.partitionText.join(', ')}], orderBy=[${n.orderText.join(', ')}], select=[${n.fields.map((f) => f.name).join(', ')}])`;
    case 'deduplicate': return `Deduplicate(keep=[${n.keep === 'first' ? 'FirstRow' : 'LastRow'}], key=[${n.partitionText.join(', ')}], order=[${n.order === 'rowtime' ? 'ROWTIME' : 'PROCTIME'}])`;
    case 'join': return joinTitle(n);
    case 'match-recognize': return `Match(${n.text.join(', ')})`;
    case 'unnest': return `Correlate(invocation=[UNNEST(${n.collectionText})${n.withOrdinality ? ' WITH ORDINALITY' : ''}], joinType=[${n.outer ? 'LEFT' : 'INNER'}])`;
    case 'over': if (n.sortText !== undefined) return `TemporalSort(orderBy=[${n.sortText.join(', ')}])`;
      return `OverAggregate(partitionBy=[${n.partitionText.join(', ')}], window=[${n.frame.kind.toUpperCase()} ${n.frame.preceding === Number.POSITIVE_INFINITY ? 'UNBOUNDED' : n.frame.preceding} PRECEDING${n.proctime === true ? ', PROCTIME' : ''}], select=[${n.aggText.join(', ')}])`;
  }
}

/** The tree's name of a node; joins name their strategy (StreamIntervalJoin, StreamTemporalJoin). */
function streamTitle(n: PhysicalNode): string {
  if (n.kind === 'over' && n.sortText !== undefined) return 'StreamTemporalSort';
  if (n.kind !== 'join') return TITLES[n.kind];
  return { regular: 'StreamJoin', interval: 'StreamIntervalJoin', temporal: 'StreamTemporalJoin', window: 'StreamWindowJoin' }[n.strategy.kind];
}

/** `Join(joinType=[LeftOuterJoin], where=[…], select=[…])`; interval and temporal joins say so. */
function joinTitle(n: Extract<PhysicalNode, { kind: 'join' }>): string {
  const type = { INNER: 'InnerJoin', LEFT: 'LeftOuterJoin', RIGHT: 'RightOuterJoin', FULL: 'FullOuterJoin', SEMI: 'LeftSemiJoin', ANTI: 'LeftAntiJoin' }[n.joinType];
  const name = { regular: 'Join', interval: 'IntervalJoin', temporal: 'TemporalJoin', window: 'WindowJoin' }[n.strategy.kind];
  const bounds = n.strategy.kind === 'interval' ? `, windowBounds=[isRowTime=${n.strategy.proctime !== true}, leftLowerBound=${n.strategy.lower}, leftUpperBound=${n.strategy.upper}]`
    : n.strategy.kind === 'temporal' && n.strategy.proctime === true ? ', PROCTIME' : '';
  return `${name}(joinType=[${type}]${bounds}, where=[${n.conditionText}], select=[${n.fields.filter((f) => f.hidden !== true).map((f) => f.name).join(', ')}])`;
}

function windowText(w: Extract<PhysicalNode, { kind: 'window-aggregate' }>['window']): string {
  switch (w.kind) {
    case 'tumble': return `TUMBLE(size=[${w.size} ms])`;
    case 'hop': return `HOP(slide=[${w.slide} ms], size=[${w.size} ms])`;
    case 'cumulate': return `CUMULATE(max_size=[${w.maxSize} ms], step=[${w.step} ms])`;
    case 'session': return `SESSION(gap=[${w.gap} ms])`;
  }
}

/** The EXPLAIN text of a plan. */
export function explainPlan(plan: PhysicalPlan): string {
  const numbers = new Map<string, number>();
  const order: (PhysicalNode | PhysicalSink)[] = [];
  const visit = (n: PhysicalNode): void => {
    if (numbers.has(n.id)) return;
    inputsOf(n).forEach(visit);
    numbers.set(n.id, numbers.size + 1);
    order.push(n);
  };
  for (const s of plan.sinks) {
    visit(s.input);
    numbers.set(s.id, numbers.size + 1);
    order.push(s);
  }
  const tree: string[] = [];
  const draw = (n: PhysicalNode | PhysicalSink, depth: number): void => {
    const title = isSink(n) ? 'StreamSink' : streamTitle(n);
    tree.push(`${depth === 0 ? '' : `${'  '.repeat(depth)}+- `}${title} [${numbers.get(n.id) ?? 0}]`);
    if (isSink(n)) draw(n.input, depth + 1);
    else for (const i of inputsOf(n)) draw(i, depth + 1);
  };
  for (const s of plan.sinks) draw(s, 0);
  const details = order.map((n) => detail(n, numbers.get(n.id) ?? 0));
  return ['== Physical Plan ==', '', ...tree, '', '== Physical Details ==', '', details.join('\n\n'), ''].join('\n');
}

function isSink(n: PhysicalNode | PhysicalSink): n is PhysicalSink {
  return n.kind === 'topic-sink' || n.kind === 'results-sink' || n.kind === 'blackhole-sink';
}

function detail(n: PhysicalNode | PhysicalSink, k: number): string {
  if (isSink(n)) {
    const lines = [`[${k}] StreamSink`];
    if (n.kind === 'topic-sink') lines.push(`Table: ${quotedPath([n.table.catalog.name, n.table.database.name, n.table.name])}`);
    if (n.kind === 'results-sink') lines.push('Table: Foreground');
    if (n.kind === 'blackhole-sink') lines.push('Table: CREATE TABLE AS target');
    lines.push(`Changelog mode: ${n.kind === 'topic-sink' ? n.table.changelogMode : modeName(n.input.changelog)}`);
    // Flink's `upsertMaterialize=[true]`: a SinkUpsertMaterializer keyed by the sink's primary key runs before the sink.
    const m = n.kind === 'topic-sink' ? n.materialize : undefined;
    if (m !== undefined) lines.push(`Upsert materialize: SinkUpsertMaterializer(key=[${m.keyText.join(', ')}])`);
    lines.push(`State size: ${m === undefined ? 'low' : 'medium'}`);
    return lines.join('\n');
  }
  const lines = [`[${k}] ${streamTitle(n)}`];
  if (n.kind === 'scan') lines.push(`Table: ${quotedPath([n.table.catalog.name, n.table.database.name, n.table.name])}`);
  lines.push(`Changelog mode: ${modeName(n.changelog)} ${printKinds(n.changelog)}`);
  if (n.kind === 'scan') {
    lines.push(`Startup mode: ${n.startup.kind}`, `Bounded mode: ${n.bounded.kind}`);
  }
  if (n.kind === 'calc') lines.push(`Select: ${n.projection.join(', ')}`, ...(n.where === undefined ? [] : [`Where: ${n.where}`]));
  if (n.kind === 'scan' && n.watermark !== undefined && (n.watermark.rowtime !== undefined || n.watermark.strategy.kind !== 'source')) lines.push(`Watermark: ${n.watermark.text}`);
  if (n.upsertKey !== undefined && !isInsertOnly(n.changelog)) lines.push(`Upsert key: ${n.upsertKey.map((i) => n.fields[i]?.name ?? `$${i}`).join(', ')}`);
  if (n.kind === 'limit') lines.push(`Offset: ${n.offset}`, `Fetch: ${n.limit}`);
  if (n.kind !== 'scan' && n.kind !== 'values' && n.kind !== 'calc' && n.kind !== 'union' && n.kind !== 'limit') lines.push(`Operator: ${nodeTitle(n)}`);
  lines.push(`State size: ${n.kind === 'scan' || n.kind === 'values' || n.kind === 'calc' || n.kind === 'union' || (n.kind === 'limit' && isInsertOnly(n.input.changelog)) || (n.kind === 'window-tvf' && n.window.kind !== 'session') ? 'low' : 'medium'}`);
  return lines.join('\n');
}
