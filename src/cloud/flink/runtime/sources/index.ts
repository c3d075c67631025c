/**
 * cloud/flink/runtime/sources: generated (connector-less) sources of the local cloud's Flink
 * runtime — the examples catalog's faker tables (`examples.marketplace.clicks/orders/customers/
 * products`, 50 rows/s each, confluent-flink.md §4) and the `nexmark` benchmark connector
 * (nexmark.md §1). Both implement the runtime's `Source` contract with JSON checkpoint positions
 * and take the table's watermark strategy as a WatermarkGeneratorFactory.
 *
 * Depends on shared/, the runtime core (`../*.js`), flink/catalog (option value parsers) and
 * @faker-js/faker. Must not depend on the planner, statements, the server or topic logs.
 */
export { FakerSource, EXAMPLES_ROWS_PER_SECOND, DEFAULT_MAX_CATCH_UP_MS } from './faker-source.js';
export { EXAMPLE_COLUMNS, isUpsertTable } from './faker-rows.js';
export { NexmarkSource } from './nexmark-source.js';
export { parseNexmarkOptions, DEFAULT_NEXMARK_CONFIG, NEXMARK_OPTION_KEYS } from './nexmark-options.js';
export {
  FIRST_PERSON_ID, FIRST_AUCTION_ID, FIRST_CATEGORY_ID, NUM_CATEGORIES, PERSON, AUCTION, BID,
} from './nexmark-model.js';
export { SeededRandom, type RandomState } from './seeded-random.js';
export { exampleTableName } from './example-table-name.js';
export type {
  ExampleTableName, FakerSourceOptions, FakerSourcePosition, NexmarkConfig, NexmarkSourceOptions,
  NexmarkSourcePosition, RateShape,
} from './types.js';
