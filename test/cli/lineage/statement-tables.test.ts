/** Which tables a Flink SQL statement reads and writes, across the query shapes the lineage must see through. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildLineageGraph, statementTables } from '../../../src/cli/lineage/index.js';

function names(sql: string): { sources: string[]; sinks: string[]; creates: string[]; kind: string; warning?: string } {
  const t = statementTables(sql);
  return {
    sources: t.sources.map((n) => n.join('.')).sort(), sinks: t.sinks.map((n) => n.join('.')), creates: t.creates.map((n) => n.join('.')), kind: t.sqlKind,
    ...(t.warning === undefined ? {} : { warning: t.warning }),
  };
}

describe('statementTables', () => {
  it('sees through CTEs without counting CTE names, and into subqueries in WHERE and SELECT', () => {
    const r = names(`INSERT INTO big_spenders
      WITH totals AS (SELECT customer_id, SUM(price) AS total FROM orders GROUP BY customer_id),
           vip AS (SELECT * FROM totals WHERE total > 100)
      SELECT v.customer_id, (SELECT MAX(tier) FROM tiers) AS top FROM vip v
      WHERE v.customer_id IN (SELECT id FROM customers WHERE EXISTS (SELECT 1 FROM blocked b WHERE b.id = customers.id))`);
    assert.deepEqual(r, { sources: ['blocked', 'customers', 'orders', 'tiers'], sinks: ['big_spenders'], creates: [], kind: 'INSERT' });
  });

  it('reads window-TVF table arguments, temporal joins, LATERAL subqueries and both sides of UNION', () => {
    const r = names(`INSERT INTO cat1.db1.out
      SELECT * FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE)) w
      JOIN rates FOR SYSTEM_TIME AS OF w.window_time AS r ON w.cur = r.cur
      CROSS JOIN LATERAL (SELECT * FROM db2.lookups l WHERE l.k = w.k)
      UNION ALL SELECT * FROM \`examples\`.\`marketplace\`.\`orders\``);
    assert.deepEqual(r.sources, ['clicks', 'db2.lookups', 'examples.marketplace.orders', 'rates']);
    assert.deepEqual(r.sinks, ['cat1.db1.out']);
  });

  it('writes every member of a statement set; CTAS writes its table; CREATE TABLE only creates one', () => {
    assert.deepEqual(names('EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM x; INSERT INTO b SELECT * FROM y; END'), {
      sources: ['x', 'y'], sinks: ['a', 'b'], creates: [], kind: 'STATEMENT SET',
    });
    assert.deepEqual(names('CREATE TABLE summary AS SELECT k, COUNT(*) AS n FROM events GROUP BY k'), { sources: ['events'], sinks: ['summary'], creates: [], kind: 'CTAS' });
    assert.deepEqual(names('CREATE TABLE t (id INT)'), { sources: [], sinks: [], creates: ['t'], kind: 'CREATE TABLE' });
    assert.deepEqual(names('SELECT * FROM s'), { sources: ['s'], sinks: [], creates: [], kind: 'SELECT' });
  });

  it('returns a warning, not an exception, for SQL that does not parse', () => {
    const r = names('INSERT INTO x SELEC 1');
    assert.equal(r.kind, 'UNKNOWN');
    assert.match(r.warning ?? '', /^SQL does not parse: .*SELEC/);
  });
});

describe('buildLineageGraph', () => {
  it('resolves 1-, 2- and 3-part names against the statement catalog and database; examples are external', () => {
    const g = buildLineageGraph({
      source: 'cloud', warnings: [], topics: [], connectors: [],
      statements: [{ name: 's1', catalog: 'env', database: 'kc', phase: 'RUNNING', sql: 'INSERT INTO other.t2 SELECT * FROM t1 JOIN e2.kc2.t3 ON true JOIN examples.marketplace.clicks ON true' }],
    });
    assert.deepEqual(g.edges, [
      { from: 'statement:s1', to: 'topic:env.other.t2' },
      { from: 'topic:e2.kc2.t3', to: 'statement:s1' },
      { from: 'topic:env.kc.t1', to: 'statement:s1' },
      { from: 'topic:examples.marketplace.clicks', to: 'statement:s1' },
    ]);
    assert.equal(g.nodes.find((n) => n.id === 'topic:examples.marketplace.clicks')?.external, true);
    assert.equal(g.nodes.find((n) => n.id === 'statement:s1')?.phase, 'RUNNING');
  });
});
