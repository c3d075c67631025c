import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AlterTable, CreateTable, Statement } from './ast.js';
import { withoutRanges } from './ast-compare.js';
import { parseOk } from './parser-test-support.js';
import { printDataType, printStatement } from './printer.js';

function createTable(sql: string): CreateTable {
  const s = parseOk(sql);
  assert.equal(s.kind, 'CreateTable');
  return s as CreateTable;
}

function alter(sql: string): AlterTable {
  const s = parseOk(sql);
  assert.equal(s.kind, 'AlterTable');
  return s as AlterTable;
}

describe('CREATE TABLE', () => {
  it('parses physical columns, types, NOT NULL and comments', () => {
    const t = createTable(`CREATE TABLE IF NOT EXISTS shoes (
      id STRING NOT NULL COMMENT 'the id',
      brand VARCHAR(100),
      price DECIMAL(10, 2) NULL,
      sale_price DOUBLE PRECISION,
      n INTEGER, b BOOLEAN, small SMALLINT, tiny TINYINT, big BIGINT, f FLOAT, r REAL,
      d DATE, t TIME(3), ts TIMESTAMP(3), ts2 TIMESTAMP(6) WITHOUT TIME ZONE,
      ltz TIMESTAMP(3) WITH LOCAL TIME ZONE, ltz2 TIMESTAMP_LTZ(3),
      bin BINARY(16), vb VARBINARY(100), bs BYTES, ch CHAR(1), num NUMERIC(5), dec DEC(3, 1),
      iv INTERVAL DAY(2) TO SECOND(3), ym INTERVAL YEAR TO MONTH,
      tags ARRAY<STRING NOT NULL> NOT NULL, legacy INT ARRAY, ms MULTISET<INT>,
      attrs MAP<STRING, INT>, addr ROW<street STRING, zip INT NOT NULL COMMENT 'zip'>, r2 ROW(a INT, b STRING)
    ) COMMENT 'shoe table'`);
    assert.equal(t.ifNotExists, true);
    assert.deepEqual(t.name, ['shoes']);
    assert.equal(t.columns.length, 31);
    assert.equal(t.comment, 'shoe table');
    const id = t.columns[0];
    assert.equal(id?.kind, 'PhysicalColumn');
    if (id?.kind === 'PhysicalColumn') {
      assert.equal(id.type.nullable, false);
      assert.equal(id.comment, 'the id');
    }
    const types = t.columns.map((c) => (c.kind === 'PhysicalColumn' ? printDataType(c.type) : ''));
    assert.deepEqual(types.slice(0, 16), ['STRING NOT NULL', 'VARCHAR(100)', 'DECIMAL(10, 2)', 'DOUBLE', 'INT', 'BOOLEAN', 'SMALLINT',
      'TINYINT', 'BIGINT', 'FLOAT', 'FLOAT', 'DATE', 'TIME(3)', 'TIMESTAMP(3)', 'TIMESTAMP(6)', 'TIMESTAMP_LTZ(3)']);
    assert.deepEqual(types.slice(25), ['ARRAY<STRING NOT NULL> NOT NULL', 'ARRAY<INT>', 'MULTISET<INT>', 'MAP<STRING, INT>',
      "ROW<street STRING, zip INT NOT NULL 'zip'>", 'ROW<a INT, b STRING>']);
  });

  it('parses computed and metadata columns, watermark and primary key', () => {
    const t = createTable(`CREATE TABLE cat.db.orders (
      order_id STRING,
      price DOUBLE,
      ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
      part INT METADATA FROM 'partition' VIRTUAL,
      headers MAP<BYTES, BYTES> METADATA,
      total AS price * 1.2 COMMENT 'with tax',
      WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
      PRIMARY KEY (order_id) NOT ENFORCED
    )`);
    assert.deepEqual(t.name, ['cat', 'db', 'orders']);
    assert.deepEqual(t.columns.map((c) => c.kind), ['PhysicalColumn', 'PhysicalColumn', 'MetadataColumn', 'MetadataColumn', 'MetadataColumn', 'ComputedColumn']);
    const part = t.columns[3];
    assert.ok(part?.kind === 'MetadataColumn' && part.virtual && part.key === 'partition');
    const headers = t.columns[4];
    assert.ok(headers?.kind === 'MetadataColumn' && !headers.virtual && headers.key === undefined);
    assert.deepEqual(t.watermarks.map((w) => w.column), [['ts']]);
    assert.deepEqual(t.primaryKey?.columns, ['order_id']);
    assert.equal(t.primaryKey?.notEnforced, true);
  });

  it('parses CONSTRAINT names and inline primary keys', () => {
    const a = createTable('CREATE TABLE t (id INT, CONSTRAINT `PRIMARY` PRIMARY KEY (id) NOT ENFORCED)');
    assert.equal(a.primaryKey?.constraintName, 'PRIMARY');
    const b = createTable('CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, v STRING)');
    assert.deepEqual(b.primaryKey?.columns, ['id']);
    const c = createTable('CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b))');
    assert.equal(c.primaryKey?.notEnforced, false);
  });

  it('parses DISTRIBUTED BY / INTO n BUCKETS and WITH options', () => {
    const a = createTable(`CREATE TABLE shoe_customers (id STRING, PRIMARY KEY (id) NOT ENFORCED)
      DISTRIBUTED INTO 1 BUCKETS WITH ('changelog.mode' = 'retract', 'kafka.retention.time' = '0')`);
    assert.deepEqual(withoutRanges(a.distribution), { hash: false, buckets: 1 });
    assert.deepEqual(withoutRanges(a.options), [{ key: 'changelog.mode', value: 'retract' }, { key: 'kafka.retention.time', value: '0' }]);
    assert.deepEqual(a.options[1]?.range.start, { line: 2, column: 70, offset: 140 });
    const b = createTable('CREATE TABLE t (k STRING, v INT) DISTRIBUTED BY HASH(k) INTO 4 BUCKETS');
    assert.deepEqual(withoutRanges(b.distribution), { hash: true, columns: ['k'], buckets: 4 });
    const c = createTable("CREATE TABLE t (k STRING, v INT) DISTRIBUTED BY (k) WITH ('key.format' = 'raw')");
    assert.deepEqual(withoutRanges(c.distribution), { hash: false, columns: ['k'] });
    const d = createTable('CREATE TABLE t (k STRING, v INT) PARTITIONED BY (k)');
    assert.deepEqual(d.partitionedBy, ['k']);
  });

  it('parses LIKE with merge options', () => {
    const t = createTable(`CREATE TABLE t2 (extra INT) WITH ('scan.startup.mode' = 'latest-offset')
      LIKE t1 (EXCLUDING ALL INCLUDING GENERATED OVERWRITING OPTIONS INCLUDING METADATA EXCLUDING WATERMARKS)`);
    assert.deepEqual(t.like?.source, ['t1']);
    assert.deepEqual(t.like?.options.map((o) => `${o.action} ${o.feature}`),
      ['EXCLUDING ALL', 'INCLUDING GENERATED', 'OVERWRITING OPTIONS', 'INCLUDING METADATA', 'EXCLUDING WATERMARKS']);
    assert.equal(createTable('CREATE TABLE t2 LIKE t1').like?.options.length, 0);
  });

  it('parses CTAS and RTAS', () => {
    const t = createTable(`CREATE TABLE totals (PRIMARY KEY (k) NOT ENFORCED) DISTRIBUTED BY (k) INTO 2 BUCKETS
      WITH ('changelog.mode' = 'upsert') AS SELECT k, SUM(v) AS total FROM src GROUP BY k`);
    assert.equal(t.asQuery?.body.kind, 'Select');
    assert.equal(t.columns.length, 0);
    const r = createTable('CREATE OR REPLACE TABLE t AS SELECT * FROM s');
    assert.equal(r.orReplace, true);
  });

  it('prints SHOW CREATE TABLE style with every identifier quoted', () => {
    const t = createTable("CREATE TABLE env.lkc.flights (flight_id STRING, `$x` INT) WITH ('connector' = 'confluent')");
    assert.equal(printStatement(t, { quoteAll: true }),
      "CREATE TABLE `env`.`lkc`.`flights` (\n  `flight_id` STRING,\n  `$x` INT\n)\nWITH (\n  'connector' = 'confluent'\n)");
  });
});

describe('ALTER TABLE', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['ALTER TABLE t ADD c INT', 'AddSchema'],
    ["ALTER TABLE t ADD (c1 INT COMMENT 'x', c2 STRING AFTER c1, c0 BIGINT FIRST)", 'AddSchema'],
    ["ALTER TABLE t ADD headers MAP<STRING, STRING> METADATA", 'AddSchema'],
    ['ALTER TABLE t ADD total AS price * 2', 'AddSchema'],
    ["ALTER TABLE t ADD WATERMARK FOR ts AS ts - INTERVAL '1' SECOND", 'AddSchema'],
    ['ALTER TABLE t ADD PRIMARY KEY (id) NOT ENFORCED', 'AddSchema'],
    ['ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id) NOT ENFORCED', 'AddSchema'],
    ['ALTER TABLE t MODIFY key STRING', 'ModifySchema'],
    ["ALTER TABLE t MODIFY WATERMARK FOR `$rowtime` AS `$rowtime` - INTERVAL '10' SECOND", 'ModifySchema'],
    ['ALTER TABLE t MODIFY (a BIGINT, b STRING NOT NULL)', 'ModifySchema'],
    ['ALTER TABLE t DROP c', 'DropColumns'],
    ['ALTER TABLE t DROP (c1, c2)', 'DropColumns'],
    ['ALTER TABLE t DROP WATERMARK', 'DropWatermark'],
    ['ALTER TABLE t DROP PRIMARY KEY', 'DropPrimaryKey'],
    ['ALTER TABLE t DROP CONSTRAINT pk', 'DropConstraint'],
    ["ALTER TABLE t SET ('value.avro-registry.subject-names' = 'com.example.A;com.example.B', 'changelog.mode' = 'append')", 'SetOptions'],
    ["ALTER TABLE t RESET ('changelog.mode', 'kafka.retention.time')", 'ResetOptions'],
    ['ALTER TABLE t RENAME TO t2', 'RenameTable'],
    ['ALTER TABLE t RENAME a TO b', 'RenameColumn'],
    ['ALTER TABLE IF EXISTS cat.db.t DROP WATERMARK', 'DropWatermark'],
  ];
  for (const [sql, kind] of cases) {
    it(`parses ${sql}`, () => {
      assert.equal(alter(sql).action.kind, kind);
    });
  }

  it('keeps ADD WATERMARK as a schema item for the binder to reject', () => {
    const a = alter("ALTER TABLE t ADD WATERMARK FOR ts AS ts");
    assert.equal(a.action.kind === 'AddSchema' ? a.action.items[0]?.kind : '', 'Watermark');
  });

  it('records column positions', () => {
    const a = alter('ALTER TABLE t ADD (c2 STRING AFTER c1, c0 BIGINT FIRST)');
    const items = a.action.kind === 'AddSchema' ? a.action.items : [];
    assert.deepEqual(items.map((i) => (i.kind === 'PhysicalColumn' ? i.position : undefined)), [{ kind: 'AFTER', column: 'c1' }, { kind: 'FIRST' }]);
  });
});

describe('views and drops', () => {
  const cases: readonly (readonly [string, Statement['kind']])[] = [
    ['CREATE VIEW v AS SELECT a FROM t', 'CreateView'],
    ['CREATE VIEW IF NOT EXISTS cat.db.v (x, y) COMMENT \'c\' AS SELECT a, b FROM t', 'CreateView'],
    ['CREATE OR REPLACE VIEW v AS SELECT 1', 'CreateView'],
    ['DROP VIEW v', 'DropView'],
    ['DROP VIEW IF EXISTS cat.db.v', 'DropView'],
    ['DROP TABLE t', 'DropTable'],
    ['DROP TABLE IF EXISTS `my-env`.`my-cluster`.`my-topic`', 'DropTable'],
  ];
  for (const [sql, kind] of cases) {
    it(`parses ${sql}`, () => {
      assert.equal(parseOk(sql).kind, kind);
    });
  }
});
