/**
 * The Nexmark benchmark through the whole SQL path (nexmark.md): an in-process local cloud (temp
 * dir, port 0), one environment and cluster, the wide `nexmark` source table
 * (`'connector' = 'nexmark'`, computed `dateTime`, `WATERMARK FOR dateTime AS dateTime - 4 s`),
 * `blackhole` sinks, and the stateless queries q0, q1, q2, q21, q22 and the stateful queries q3, q4,
 * q5, q7, q8, q9, q11–q13 and q15–q20 submitted over the sql/v1 REST API as
 * `INSERT INTO sink SELECT …`, each waited on until COMPLETED. A query that fails (e.g. "not
 * supported yet") is reported as such in the table and does not stop the others.
 *
 * Measured per query: wall time from submission to COMPLETED and process CPU time
 * (`process.cpuUsage`, user + system, every thread); events/s per core = events / CPU-seconds,
 * the same quantity as Nexmark's `Throughput/Cores`. Compared with Flink 1.13's published per-core
 * figures (nexmark.md §4 a). The queries read Nexmark's standard `bid`, `person` and `auction`
 * views, created with CREATE VIEW over one source table per event count (`bid_<n>` …).
 *
 * Usage: `node dist/bench/nexmark.js [events] [q0 q1 …] [--no-warmup] [--stateful-events=N] [--check]`.
 * Default: all queries, 10 000 000 events for the stateless ones and each stateful query's own
 * smaller count (`events` in QUERIES; `--stateful-events=N` overrides it; a positional `events`
 * sets every query's count), and a warm-up run of each query first (min(1 M, events) events for the
 * stateless queries, a tenth of the measured count for the stateful ones).
 * `--check` runs each query into a Kafka-backed (topic) sink instead of a blackhole and prints the
 * number of records written and a sha256 of the sink changelog, with the generator's `base-time`
 * fixed, so that two builds' outputs can be compared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchCloud } from './bench-cloud.js';

/** Flink 1.13, V1 suite: events/s per core (nexmark.md §4 a). */
const FLINK_PER_CORE: Readonly<Record<string, number>> = {
  q0: 155_000, q1: 158_000, q2: 175_000, q3: 152_000, q4: 34_300, q5: 22_100, q7: 12_300, q8: 146_000, q9: 14_200,
  q11: 39_700, q12: 75_700, q13: 131_000, q15: 72_400, q16: 18_700, q17: 117_000, q18: 53_700, q19: 44_000, q20: 19_000,
  q21: 98_500, q22: 130_000,
};

/** Nexmark's `bid`, `person` and `auction` views over a source table. */
function views(suffix: string, source: string): string[] {
  return [
    `CREATE VIEW bid_${suffix} AS SELECT bid.auction AS auction, bid.bidder AS bidder, bid.price AS price,
  bid.channel AS channel, bid.url AS url, dateTime, bid.extra AS extra FROM ${source} WHERE event_type = 2`,
    `CREATE VIEW person_${suffix} AS SELECT person.id AS id, person.name AS name, person.emailAddress AS emailAddress,
  person.creditCard AS creditCard, person.city AS city, person.state AS state, dateTime, person.extra AS extra
  FROM ${source} WHERE event_type = 0`,
    `CREATE VIEW auction_${suffix} AS SELECT auction.id AS id, auction.itemName AS itemName, auction.description AS description,
  auction.initialBid AS initialBid, auction.reserve AS reserve, dateTime, auction.expires AS expires, auction.seller AS seller,
  auction.category AS category, auction.extra AS extra FROM ${source} WHERE event_type = 1`,
  ];
}

/**
 * A query: `select` reads the views as `{bid}`, `{person}`, `{auction}` and any per-query view of
 * `setup` as `{name}`; `events` is the default event count (stateful queries use fewer).
 */
interface Query {
  readonly name: string;
  readonly sink: string;
  readonly select: string;
  readonly events?: number;
  /** Extra statements run once per source before the query (CREATE VIEW / CREATE TABLE), with the same placeholders. */
  readonly setup?: readonly string[];
}

const STATELESS_EVENTS = 10_000_000;

/** q13's side input as VALUES rows: 10 000 rows `(key, value)`, key 0 … 9 999. */
function sideInputRows(): string {
  const rows: string[] = [];
  for (let k = 0; k < 10_000; k++) rows.push(`(CAST(${k} AS BIGINT), '${(k * 31) % 997}')`);
  return rows.join(', ');
}

/** Bucketed COUNT / COUNT DISTINCT columns shared by q15 and q16 (nexmark.md: price < 10 000, < 1 000 000, ≥ 1 000 000). */
const PRICE_BUCKETS = `COUNT(*) AS total_bids,
      COUNT(*) FILTER (WHERE price < 10000) AS rank1_bids,
      COUNT(*) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_bids,
      COUNT(*) FILTER (WHERE price >= 1000000) AS rank3_bids,
      COUNT(DISTINCT bidder) AS total_bidders,
      COUNT(DISTINCT bidder) FILTER (WHERE price < 10000) AS rank1_bidders,
      COUNT(DISTINCT bidder) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_bidders,
      COUNT(DISTINCT bidder) FILTER (WHERE price >= 1000000) AS rank3_bidders,
      COUNT(DISTINCT auction) AS total_auctions,
      COUNT(DISTINCT auction) FILTER (WHERE price < 10000) AS rank1_auctions,
      COUNT(DISTINCT auction) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_auctions,
      COUNT(DISTINCT auction) FILTER (WHERE price >= 1000000) AS rank3_auctions`;
const PRICE_BUCKET_SINK = `total_bids BIGINT, rank1_bids BIGINT, rank2_bids BIGINT, rank3_bids BIGINT,
  total_bidders BIGINT, rank1_bidders BIGINT, rank2_bidders BIGINT, rank3_bidders BIGINT,
  total_auctions BIGINT, rank1_auctions BIGINT, rank2_auctions BIGINT, rank3_auctions BIGINT`;
const BID_SINK = 'auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING';

const QUERIES: readonly Query[] = [
  {
    name: 'q0',
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, dateTime TIMESTAMP(3), extra STRING',
    select: `SELECT auction, bidder, price, dateTime, extra FROM {bid}`,
  },
  {
    name: 'q1',
    sink: 'auction BIGINT, bidder BIGINT, price DECIMAL(23, 3), dateTime TIMESTAMP(3), extra STRING',
    select: `SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM {bid}`,
  },
  {
    name: 'q2',
    sink: 'auction BIGINT, price BIGINT',
    select: `SELECT auction, price FROM {bid} WHERE MOD(auction, 123) = 0`,
  },
  {
    name: 'q21',
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, channel_id STRING',
    select: `SELECT auction, bidder, price, channel,
      CASE LOWER(channel)
        WHEN 'apple' THEN '0' WHEN 'google' THEN '1' WHEN 'facebook' THEN '2' WHEN 'baidu' THEN '3'
        ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2)
      END AS channel_id
      FROM {bid}
      WHERE LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu') OR REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL`,
  },
  {
    name: 'q22',
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, dir1 STRING, dir2 STRING, dir3 STRING',
    select: `SELECT auction, bidder, price, channel,
      SPLIT_INDEX(url, '/', 3) AS dir1, SPLIT_INDEX(url, '/', 4) AS dir2, SPLIT_INDEX(url, '/', 5) AS dir3
      FROM {bid}`,
  },
  // Issue 6: joins.
  {
    name: 'q3', events: 2_000_000,
    sink: 'name STRING, city STRING, state STRING, id BIGINT',
    select: `SELECT P.name, P.city, P.state, A.id
      FROM {auction} AS A INNER JOIN {person} AS P ON A.seller = P.id
      WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA')`,
  },
  {
    name: 'q4', events: 300_000,
    sink: 'id BIGINT, final BIGINT',
    select: `SELECT W.category AS id, AVG(W.final) AS final
      FROM (
        SELECT A.id AS id, A.category AS category, MAX(B.price) AS final
        FROM {auction} AS A INNER JOIN {bid} AS B ON A.id = B.auction
        WHERE B.dateTime BETWEEN A.dateTime AND A.expires
        GROUP BY A.id, A.category
      ) AS W
      GROUP BY W.category`,
  },
  // Issue 5: windows, aggregates, Top-N.
  {
    name: 'q5', events: 500_000,
    sink: 'auction BIGINT, num BIGINT',
    select: `SELECT AB.auction, AB.num
      FROM (
        SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime
        FROM TABLE(HOP(TABLE {bid}, DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
        GROUP BY auction, window_start, window_end
      ) AS AB
      JOIN (
        SELECT MAX(C.num) AS maxn, C.starttime, C.endtime
        FROM (
          SELECT COUNT(*) AS num, window_start AS starttime, window_end AS endtime
          FROM TABLE(HOP(TABLE {bid}, DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
          GROUP BY auction, window_start, window_end
        ) AS C
        GROUP BY C.starttime, C.endtime
      ) AS MB
      ON AB.starttime = MB.starttime AND AB.endtime = MB.endtime AND AB.num >= MB.maxn`,
  },
  {
    name: 'q7', events: 500_000,
    sink: 'auction BIGINT, price BIGINT, bidder BIGINT, dateTime TIMESTAMP(3), extra STRING',
    select: `SELECT B.auction, B.price, B.bidder, B.dateTime, B.extra
      FROM {bid} AS B
      JOIN (
        SELECT MAX(price) AS maxprice, window_end AS dateTime
        FROM TABLE(TUMBLE(TABLE {bid}, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
        GROUP BY window_start, window_end
      ) AS B1 ON B.price = B1.maxprice
      WHERE B.dateTime BETWEEN B1.dateTime - INTERVAL '10' SECOND AND B1.dateTime`,
  },
  {
    name: 'q8', events: 2_000_000,
    sink: 'id BIGINT, name STRING, stime TIMESTAMP(3)',
    select: `SELECT P.id, P.name, P.starttime
      FROM (
        SELECT id, name, window_start AS starttime, window_end AS endtime
        FROM TABLE(TUMBLE(TABLE {person}, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
        GROUP BY id, name, window_start, window_end
      ) AS P
      JOIN (
        SELECT seller, window_start AS starttime, window_end AS endtime
        FROM TABLE(TUMBLE(TABLE {auction}, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
        GROUP BY seller, window_start, window_end
      ) AS A
      ON P.id = A.seller AND P.starttime = A.starttime AND P.endtime = A.endtime`,
  },
  {
    name: 'q9', events: 300_000,
    sink: `id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT, dateTime TIMESTAMP(3),
      expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING, auction BIGINT, bidder BIGINT, price BIGINT,
      bid_dateTime TIMESTAMP(3), bid_extra STRING`,
    select: `SELECT id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra,
        auction, bidder, price, bid_dateTime, bid_extra
      FROM (
        SELECT A.id, A.itemName, A.description, A.initialBid, A.reserve, A.dateTime, A.expires, A.seller, A.category, A.extra,
          B.auction, B.bidder, B.price, B.dateTime AS bid_dateTime, B.extra AS bid_extra,
          ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY B.price DESC, B.dateTime ASC) AS rownum
        FROM {auction} AS A, {bid} AS B
        WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
      )
      WHERE rownum <= 1`,
  },
  {
    name: 'q11', events: 1_000_000,
    sink: 'bidder BIGINT, bid_count BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3)',
    // Nexmark's original query: the legacy group window with its auxiliary functions.
    select: `SELECT B.bidder, COUNT(*) AS bid_count,
        SESSION_START(B.dateTime, INTERVAL '10' SECOND) AS starttime, SESSION_END(B.dateTime, INTERVAL '10' SECOND) AS endtime
      FROM {bid} B
      GROUP BY B.bidder, SESSION(B.dateTime, INTERVAL '10' SECOND)`,
  },
  {
    // Processing-time windows fire when the job's clock passes their end; windows still open when the
    // bounded source ends are dropped (as in Flink), so a run shorter than 10 s writes no rows
    // (`--check` shows 0): the measured work is reading, assigning and aggregating every bid.
    name: 'q12', events: 1_000_000,
    sink: 'bidder BIGINT, bid_count BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3)',
    setup: [`CREATE VIEW {q12_bid} AS SELECT auction, bidder, price, channel, url, dateTime, extra, PROCTIME() AS p_time FROM {bid}`],
    select: `SELECT bidder, COUNT(*) AS bid_count, window_start AS starttime, window_end AS endtime
      FROM TABLE(TUMBLE(TABLE {q12_bid}, DESCRIPTOR(p_time), INTERVAL '10' SECOND))
      GROUP BY bidder, window_start, window_end`,
  },
  {
    // Nexmark's q13 joins bids with a bounded side input from a CSV file (filesystem connector);
    // Confluent Cloud only has Kafka-backed tables, so the side input here is an upsert table with
    // the same 10 000 rows (`key` = auction id mod 10 000), filled by INSERT … VALUES during setup.
    // The processing-time temporal join reads the table to its current end before the bids
    // (a lookup of each bid's key in the table's current rows) and ends when the bids end.
    name: 'q13', events: 1_000_000,
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, dateTime TIMESTAMP(3), `value` STRING',
    setup: [
      `CREATE TABLE {side_input} (\`key\` BIGINT, \`value\` STRING, PRIMARY KEY (\`key\`) NOT ENFORCED)`,
      `INSERT INTO {side_input} VALUES ${sideInputRows()}`,
      `CREATE VIEW {q13_bid} AS SELECT auction, bidder, price, channel, url, dateTime, extra, PROCTIME() AS p_time FROM {bid}`,
    ],
    select: `SELECT B.auction, B.bidder, B.price, B.dateTime, S.\`value\`
      FROM {q13_bid} AS B
      JOIN {side_input} FOR SYSTEM_TIME AS OF B.p_time AS S ON MOD(B.auction, 10000) = S.\`key\``,
  },
  {
    name: 'q15', events: 1_000_000,
    sink: `\`day\` STRING, ${PRICE_BUCKET_SINK}`,
    select: `SELECT DATE_FORMAT(dateTime, 'yyyy-MM-dd') AS \`day\`, ${PRICE_BUCKETS}
      FROM {bid}
      GROUP BY DATE_FORMAT(dateTime, 'yyyy-MM-dd')`,
  },
  {
    name: 'q16', events: 500_000,
    sink: `channel STRING, \`day\` STRING, \`minute\` STRING, ${PRICE_BUCKET_SINK}`,
    select: `SELECT channel, DATE_FORMAT(dateTime, 'yyyy-MM-dd') AS \`day\`, MAX(DATE_FORMAT(dateTime, 'HH:mm')) AS \`minute\`, ${PRICE_BUCKETS}
      FROM {bid}
      GROUP BY channel, DATE_FORMAT(dateTime, 'yyyy-MM-dd')`,
  },
  {
    name: 'q17', events: 500_000,
    sink: `auction BIGINT, \`day\` STRING, total_bids BIGINT, rank1_bids BIGINT, rank2_bids BIGINT, rank3_bids BIGINT,
      min_price BIGINT, max_price BIGINT, avg_price BIGINT, sum_price BIGINT`,
    select: `SELECT auction, DATE_FORMAT(dateTime, 'yyyy-MM-dd') AS \`day\`,
        COUNT(*) AS total_bids,
        COUNT(*) FILTER (WHERE price < 10000) AS rank1_bids,
        COUNT(*) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_bids,
        COUNT(*) FILTER (WHERE price >= 1000000) AS rank3_bids,
        MIN(price) AS min_price, MAX(price) AS max_price, AVG(price) AS avg_price, SUM(price) AS sum_price
      FROM {bid}
      GROUP BY auction, DATE_FORMAT(dateTime, 'yyyy-MM-dd')`,
  },
  {
    name: 'q18', events: 500_000,
    sink: BID_SINK,
    select: `SELECT auction, bidder, price, channel, url, dateTime, extra
      FROM (
        SELECT auction, bidder, price, channel, url, dateTime, extra,
          ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY dateTime DESC) AS rank_number
        FROM {bid}
      )
      WHERE rank_number <= 1`,
  },
  {
    name: 'q19', events: 300_000,
    sink: `${BID_SINK}, rank_number BIGINT`,
    select: `SELECT auction, bidder, price, channel, url, dateTime, extra, rank_number
      FROM (
        SELECT auction, bidder, price, channel, url, dateTime, extra,
          ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rank_number
        FROM {bid}
      )
      WHERE rank_number <= 10`,
  },
  {
    name: 'q20', events: 300_000,
    sink: `auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, bid_dateTime TIMESTAMP(3), bid_extra STRING,
      itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT, auction_dateTime TIMESTAMP(3), expires TIMESTAMP(3),
      seller BIGINT, category BIGINT, auction_extra STRING`,
    select: `SELECT B.auction, B.bidder, B.price, B.channel, B.url, B.dateTime AS bid_dateTime, B.extra AS bid_extra,
        A.itemName, A.description, A.initialBid, A.reserve, A.dateTime AS auction_dateTime, A.expires, A.seller, A.category,
        A.extra AS auction_extra
      FROM {bid} AS B INNER JOIN {auction} AS A ON B.auction = A.id
      WHERE A.category = 10`,
  },
];

/** `--check` fixes the generator's base time so that sink changelogs can be compared across runs and builds. */
const CHECK_BASE_TIME = '1700000000000';

function nexmarkDdl(table: string, events: number, baseTime?: string): string {
  return `CREATE TABLE ${table} (
    event_type INT,
    person ROW<id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING, state STRING, dateTime TIMESTAMP(3), extra STRING>,
    auction ROW<id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT, dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING>,
    bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING>,
    dateTime AS CASE WHEN event_type = 0 THEN person.dateTime WHEN event_type = 1 THEN auction.dateTime ELSE bid.dateTime END,
    WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
  ) WITH (
    'connector' = 'nexmark',
    'events.num' = '${events}',
    'first-event.rate' = '10000000',
    'next-event.rate' = '10000000'${baseTime === undefined ? '' : `,
    'base-time' = '${baseTime}'`}
  )`;
}

interface Measured {
  readonly query: string;
  readonly events: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  /** Set when the query failed: the statement's detail (or the thrown error). */
  readonly error?: string;
  /** `--check` only: records written to the sink topic. */
  readonly records?: number;
  /** `--check` only: sha256 of the sink changelog (bench-cloud.ts topicDigest). */
  readonly digest?: string;
}

/** Sources, views and per-query setup, created once per event count. */
class Sources {
  readonly #cloud: BenchCloud;
  readonly #made = new Set<string>();
  readonly #baseTime: string | undefined;

  constructor(cloud: BenchCloud, baseTime?: string) {
    this.#cloud = cloud;
    this.#baseTime = baseTime;
  }

  /** `text` with `{view}` placeholders replaced by the names for `events`. */
  subst(text: string, events: number): string {
    return text.replace(/\{(\w+)\}/g, (_m, name: string) => `${name}_${events}`);
  }

  async source(events: number): Promise<void> {
    if (this.#made.has(`source ${events}`)) return;
    await this.#cloud.must(nexmarkDdl(`nexmark_${events}`, events, this.#baseTime));
    for (const v of views(String(events), `nexmark_${events}`)) await this.#cloud.must(v);
    this.#made.add(`source ${events}`);
  }

  /** Runs the query's setup for `events`; resolves with an error message if a statement failed. */
  async setup(q: Query, events: number): Promise<string | undefined> {
    await this.source(events);
    const key = `${q.name} ${events}`;
    if (this.#made.has(key)) return undefined;
    this.#made.add(key);
    for (const stmt of q.setup ?? []) {
      const r = await this.#cloud.run(this.subst(stmt, events));
      if (r.phase !== 'COMPLETED') return `${r.phase}: ${r.detail}`;
    }
    return undefined;
  }
}

async function measure(cloud: BenchCloud, sources: Sources, q: Query, sink: string, events: number): Promise<Measured> {
  try {
    const failed = await sources.setup(q, events);
    if (failed !== undefined) return { query: q.name, events, seconds: 0, cpuSeconds: 0, error: failed };
    const sql = `INSERT INTO ${sink} ${sources.subst(q.select, events)}`;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await cloud.run(sql);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const m = { query: q.name, events, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    return r.phase === 'COMPLETED' ? m : { ...m, error: `${r.phase}: ${r.detail}` };
  } catch (e) {
    return { query: q.name, events, seconds: 0, cpuSeconds: 0, error: e instanceof Error ? e.message : String(e) };
  }
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const eventsArg = args.find((a) => /^\d+$/.test(a));
  const statefulArg = args.find((a) => a.startsWith('--stateful-events='))?.slice('--stateful-events='.length);
  const warmup = !args.includes('--no-warmup');
  const check = args.includes('--check');
  const wanted = args.filter((a) => /^q\d+$/.test(a));
  const queries = QUERIES.filter((q) => wanted.length === 0 || wanted.includes(q.name));
  const eventsOf = (q: Query): number =>
    eventsArg !== undefined ? Number(eventsArg)
      : q.events === undefined ? STATELESS_EVENTS
        : statefulArg !== undefined ? Number(statefulArg) : q.events;
  const dir = mkdtempSync(join(tmpdir(), 'streamform-nexmark-'));
  const cloud = await BenchCloud.start(dir);
  const sources = new Sources(cloud, check ? CHECK_BASE_TIME : undefined);
  const rows: Measured[] = [];
  try {
    for (const q of queries) {
      const sink = `sink_${q.name}`;
      const made = await cloud.run(`CREATE TABLE ${sink} (${q.sink})${check ? ` WITH ('changelog.mode' = 'retract')` : ` WITH ('connector' = 'blackhole')`}`);
      const events = eventsOf(q);
      if (made.phase !== 'COMPLETED') {
        rows.push({ query: q.name, events, seconds: 0, cpuSeconds: 0, error: `${made.phase}: ${made.detail}` });
        continue;
      }
      // Stateless: min(1 M, events); stateful (own smaller default): a tenth of the measured run.
      const warmEvents = Math.min(1_000_000, q.events === undefined ? events : Math.max(1, Math.floor(events / 10)));
      if (warmup && !check) {
        const w = await measure(cloud, sources, q, sink, warmEvents);
        if (w.error !== undefined) {
          rows.push({ ...w, events });
          console.log(`${q.name}: failed: ${w.error}`);
          continue;
        }
      }
      const m0 = await measure(cloud, sources, q, sink, events);
      const m = check && m0.error === undefined ? { ...m0, records: cloud.topicRecords(sink), digest: cloud.topicDigest(sink) } : m0;
      rows.push(m);
      if (m.error !== undefined) console.log(`${q.name}: failed: ${m.error}`);
      else console.log(`${q.name}: ${fmt(m.events)} events in ${m.seconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU${m.records === undefined ? '' : `, ${fmt(m.records)} records out, sink sha256 ${m.digest ?? ''}`}`);
    }
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['query', 'events', 'seconds', 'events/s', 'events/s/core', 'Flink 1.13 /core', 'ratio', ...(check ? ['records out'] : [])];
  const table = rows.map((m) => {
    const flink = FLINK_PER_CORE[m.query] ?? Number.NaN;
    if (m.error !== undefined) return [m.query, fmt(m.events), '', '', '', fmt(flink), `not supported: ${m.error.replace(/\s+/g, ' ')}`];
    const perCore = m.events / m.cpuSeconds;
    return [m.query, fmt(m.events), m.seconds.toFixed(2), fmt(m.events / m.seconds), fmt(perCore), fmt(flink), `${(perCore / flink).toFixed(2)}×`,
      ...(m.records === undefined ? [] : [fmt(m.records)])];
  });
  // Failure messages (last cell of a failed row) overflow their column rather than widen it.
  const widths = header.map((h, i) => Math.max(h.length, ...table.filter((r) => !(r[6] ?? '').startsWith('not supported')).map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.length > (widths[i] ?? 0) ? c : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\nNexmark through SQL (events/s per core = events / process CPU seconds; goal ≥ 1.2 M on q0–q2)`);
  console.log(line(header));
  for (const r of table) console.log(line(r));
}

await main();
