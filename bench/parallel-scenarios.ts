/**
 * The statements bench/parallel.ts measures at several parallelisms. Each scenario fills its
 * source topics from a bounded nexmark generator with a fixed `base-time` (not measured), then runs
 * one statement bounded at the latest offset (measured: COMPLETED means the sink committed
 * everything), and summarises the sink so that runs can be compared:
 * - stateless: topic → filter/project → topic; the sink's record count must equal the source's.
 * - keyed: GROUP BY bidder (COUNT, SUM) into an upsert table; the summary is the final table (the
 *   last value per key), which must not depend on the parallelism.
 * - join: bids ⋈ auctions on the auction id, append-only; the summary is the multiset of output
 *   records (sorted), which must not depend on the parallelism either.
 * The keyed and join sources are keyed by another column than the statement's key, so that their
 * records spread over the 6 partitions (keyless records all go to one: the sink's sticky
 * partition; the stateless scenario keeps that, so its p=2 has one busy reader) and rows must cross
 * the exchange. Avro payloads carry a schema id (bytes 1–4); it is left out of the summaries.
 */
import { createHash } from 'node:crypto';
import type { BenchCloud } from './bench-cloud.js';

/** What a scenario's sink holds after a run. */
export interface SinkSummary {
  /** Records in the sink topic. */
  readonly records: number;
  /** Rows of the result: records (append) or keys (upsert). */
  readonly rows: number;
  /** sha256 of the result, independent of partitioning and record order. */
  readonly digest: string;
}

export interface Scenario {
  readonly title: string;
  /** Creates and fills the source topics; returns the number of input records. */
  readonly setup: (cloud: BenchCloud, records: number) => Promise<number>;
  /** The measured statement. */
  readonly statement: string;
  readonly summarise: (cloud: BenchCloud) => SinkSummary;
}

const BOUNDED = "/*+ OPTIONS('scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset') */";

/** A nexmark generator table `gen` with enough events for `bids` bids (46 of every 50 events). */
async function generator(cloud: BenchCloud, bids: number): Promise<void> {
  const events = Math.ceil((bids * 50) / 46) + 50;
  await cloud.must(`CREATE TABLE gen (
    event_type INT,
    auction ROW<id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT, dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING>,
    bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING>
  ) WITH ('connector' = 'nexmark', 'events.num' = '${events}', 'first-event.rate' = '10000000', 'next-event.rate' = '10000000', 'base-time' = '1700000000000')`);
}

/** An Avro-registry payload without its schema id, as base64 ('-' for null). */
function payload(b: Buffer | null): string {
  if (b === null) return '-';
  return (b.length >= 5 && b[0] === 0 ? b.subarray(5) : b).toString('base64');
}

function sortedDigest(lines: string[]): string {
  lines.sort();
  const h = createHash('sha256');
  for (const l of lines) h.update(`${l}\n`);
  return h.digest('hex');
}

/** Append output: the multiset of (key, value) records. */
function summariseAppend(cloud: BenchCloud, topic: string): SinkSummary {
  const lines: string[] = [];
  cloud.forEachRecord(topic, (k, v) => lines.push(`${payload(k)} ${payload(v)}`));
  return { records: lines.length, rows: lines.length, digest: sortedDigest(lines) };
}

/** Upsert output: the last value per key (a tombstone deletes it). */
function summariseUpsert(cloud: BenchCloud, topic: string): SinkSummary {
  const table = new Map<string, string>();
  let records = 0;
  cloud.forEachRecord(topic, (k, v) => {
    records++;
    const key = payload(k);
    if (v === null) table.delete(key);
    else table.set(key, payload(v));
  });
  return { records, rows: table.size, digest: sortedDigest([...table].map(([k, v]) => `${k} ${v}`)) };
}

export const STATELESS: Scenario = {
  title: 'Topic → filter/project → topic (6 partitions, Avro)',
  async setup(cloud, records) {
    await generator(cloud, records);
    await cloud.must('CREATE TABLE src (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING) DISTRIBUTED INTO 6 BUCKETS');
    await cloud.must('CREATE TABLE dst (auction BIGINT, bidder BIGINT, euros DECIMAL(23, 3), channel STRING) DISTRIBUTED INTO 6 BUCKETS');
    await cloud.must('INSERT INTO src SELECT bid.auction, bid.bidder, bid.price, bid.channel FROM gen WHERE event_type = 2');
    return cloud.topicRecords('src');
  },
  statement: `INSERT INTO dst SELECT auction, bidder, 0.908 * price AS euros, UPPER(channel) FROM src ${BOUNDED} WHERE price >= 0`,
  summarise: (cloud) => ({ records: cloud.topicRecords('dst'), rows: cloud.topicRecords('dst'), digest: '' }),
};

export const KEYED: Scenario = {
  title: 'Topic → GROUP BY bidder (COUNT, SUM) → upsert table (6 partitions, Avro)',
  async setup(cloud, records) {
    await generator(cloud, records);
    // Keyed by auction: the records spread over the partitions (keyless ones would all go to one), not by the GROUP BY key.
    await cloud.must('CREATE TABLE src (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING) DISTRIBUTED BY HASH(auction) INTO 6 BUCKETS');
    await cloud.must('CREATE TABLE totals (bidder BIGINT, bids BIGINT, volume BIGINT, PRIMARY KEY (bidder) NOT ENFORCED) DISTRIBUTED BY HASH(bidder) INTO 6 BUCKETS');
    await cloud.must('INSERT INTO src SELECT bid.auction, bid.bidder, bid.price, bid.channel FROM gen WHERE event_type = 2');
    return cloud.topicRecords('src');
  },
  statement: `INSERT INTO totals SELECT bidder, COUNT(*) AS bids, SUM(price) AS volume FROM src ${BOUNDED} GROUP BY bidder`,
  summarise: (cloud) => summariseUpsert(cloud, 'totals'),
};

export const JOIN: Scenario = {
  title: 'Two topics → regular join on the auction id → topic (6 partitions each, Avro, append)',
  async setup(cloud, records) {
    await generator(cloud, records);
    // Keyed by other columns than the join key: spread over the partitions, and the join needs the exchange.
    await cloud.must('CREATE TABLE bids (auction BIGINT, bidder BIGINT, price BIGINT) DISTRIBUTED BY HASH(price) INTO 6 BUCKETS');
    await cloud.must('CREATE TABLE auctions (id BIGINT, seller BIGINT, category BIGINT) DISTRIBUTED BY HASH(seller) INTO 6 BUCKETS');
    await cloud.must('CREATE TABLE sales (auction BIGINT, bidder BIGINT, price BIGINT, seller BIGINT, category BIGINT) DISTRIBUTED INTO 6 BUCKETS');
    await cloud.must(`EXECUTE STATEMENT SET BEGIN
      INSERT INTO bids SELECT bid.auction, bid.bidder, bid.price FROM gen WHERE event_type = 2;
      INSERT INTO auctions SELECT auction.id, auction.seller, auction.category FROM gen WHERE event_type = 1;
    END`);
    return cloud.topicRecords('bids') + cloud.topicRecords('auctions');
  },
  statement: `INSERT INTO sales SELECT b.auction, b.bidder, b.price, a.seller, a.category
    FROM bids ${BOUNDED} AS b JOIN auctions ${BOUNDED} AS a ON b.auction = a.id`,
  summarise: (cloud) => summariseAppend(cloud, 'sales'),
};
