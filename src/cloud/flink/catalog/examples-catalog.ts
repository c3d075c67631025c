/**
 * The built-in `examples`.`marketplace` database present in every environment: four read-only
 * tables backed by a faker generator at 50 rows per second (reference §4). Only the schemas live
 * here; the data generator reads the `fields.<col>.expression` options.
 */
import type { Diagnostic } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { LogicalType } from '../types/index.js';
import { doubleType, intType, quoteIdentifier, stringType } from '../types/index.js';
import type { CatalogRef, CatalogTable, ChangelogMode, DatabaseRef } from './types.js';
import { defaultWatermark, rowtimeColumn } from './system-columns.js';
import { sortedRecord } from './table-options.js';

/** The `examples` catalog. Its id is not documented; `examples` is our choice. */
export const EXAMPLES_CATALOG: CatalogRef = { name: 'examples', id: 'examples' };
/** The `marketplace` database. Its id is not documented; `marketplace` is our choice. */
export const EXAMPLES_DATABASE: DatabaseRef = { name: 'marketplace', id: 'marketplace' };

interface ExampleDef {
  readonly name: string;
  readonly columns: readonly (readonly [string, LogicalType, string])[];
  readonly pk?: string;
}

const nn = { nullable: false } as const;
const DEFS: readonly ExampleDef[] = [
  {
    name: 'clicks',
    columns: [
      ['click_id', stringType(nn), '#{Internet.UUID}'],
      ['user_id', intType(nn), "#{Number.numberBetween '3000','5000'}"],
      ['url', stringType(nn), "#{regexify 'https://www[.]acme[.]com/product/[a-z]{5}'}"],
      ['user_agent', stringType(nn), '#{Internet.UserAgent}'],
      ['view_time', intType(nn), "#{Number.numberBetween '10','120'}"],
    ],
  },
  {
    name: 'customers',
    pk: 'customer_id',
    columns: [
      ['customer_id', intType(nn), "#{Number.numberBetween '3000','3250'}"],
      ['name', stringType(nn), '#{Name.fullName}'],
      ['address', stringType(nn), '#{Address.streetAddress}'],
      ['postcode', stringType(nn), '#{Address.postcode}'],
      ['city', stringType(nn), '#{Address.city}'],
      ['email', stringType(nn), '#{Internet.emailAddress}'],
    ],
  },
  {
    name: 'orders',
    columns: [
      ['order_id', stringType(nn), '#{Internet.UUID}'],
      ['customer_id', intType(nn), "#{Number.numberBetween '3000','3250'}"],
      ['product_id', stringType(nn), "#{Number.numberBetween '1000','1500'}"],
      ['price', doubleType(nn), "#{Number.randomDouble '2','10','100'}"],
    ],
  },
  {
    name: 'products',
    pk: 'product_id',
    columns: [
      ['product_id', stringType(nn), "#{Number.numberBetween '1000','1500'}"],
      ['name', stringType(nn), '#{Commerce.productName}'],
      ['brand', stringType(nn), '#{Commerce.brand}'],
      ['vendor', stringType(nn), '#{Commerce.vendor}'],
      ['department', stringType(nn), '#{Commerce.department}'],
    ],
  },
];

/** Names of the example tables, sorted. */
export const EXAMPLE_TABLE_NAMES: readonly string[] = DEFS.map((d) => d.name);

/** The example table of that name, or undefined. */
export function exampleTable(name: string): CatalogTable | undefined {
  const def = DEFS.find((d) => d.name === name);
  if (def === undefined) return undefined;
  const mode: ChangelogMode = def.pk === undefined ? 'append' : 'upsert';
  const options: Record<string, string> = { 'changelog.mode': mode, connector: 'faker', 'rows-per-second': '50' };
  for (const [col, , expr] of def.columns) options[`fields.${col}.expression`] = expr;
  const base: CatalogTable = {
    catalog: EXAMPLES_CATALOG,
    database: EXAMPLES_DATABASE,
    name: def.name,
    columns: def.columns.map(([n, type]) => ({ kind: 'physical', name: n, type })),
    systemColumns: [rowtimeColumn()],
    distribution: { columns: def.pk === undefined ? [] : [def.pk], buckets: 1 },
    watermark: defaultWatermark(),
    options: sortedRecord(options),
    changelogMode: mode,
    valueFormat: 'raw',
    keyFields: [],
    valueFields: def.columns.map(([n]) => ({ column: n, field: n })),
    inferred: false,
    readOnly: true,
  };
  return def.pk === undefined ? base : { ...base, primaryKey: { name: `PK_${def.pk}`, columns: [def.pk] } };
}

/** The error for any write (INSERT, ALTER, DROP, CREATE) to the examples catalog. */
export function readOnlyTable(path: readonly string[]): Diagnostic {
  return errorDiag('flink-table-read-only',
    `Table ${path.map(quoteIdentifier).join('.')} is read-only. The tables of the 'examples' catalog can only be queried.`);
}
