/**
 * Row builders for the examples catalog (confluent-flink.md §4), one per table, in the catalog's
 * column order, using @faker-js/faker driven by our SeededRandom. Value representation of
 * flink/types: INT as number, STRING as string, DOUBLE as number.
 *
 * Only the English locale is loaded (`@faker-js/faker/locale/en`): the package's main entry
 * imports every locale (~200 ms at start-up) while the English one alone takes ~15 ms.
 */
import type { Faker, LocaleDefinition, Randomizer } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type { Row } from '../types.js';
import type { SeededRandom } from './seeded-random.js';
import type { ExampleTableName } from './types.js';

/** Builds one row of a table. */
export type RowBuilder = (f: Faker) => Row;

type FakerConstructor = new (opts: { readonly locale: LocaleDefinition; readonly randomizer: Randomizer }) => Faker;

/** A Faker instance over the English definitions whose randomness comes from `random`. */
export function englishFakerWith(random: SeededRandom): Faker {
  // Faker calls the randomizer's methods detached from their object: hand it closures.
  const randomizer: Randomizer = { next: () => random.next(), seed: (s) => random.seed(s) };
  // The locale entry exports an instance only; its constructor is the Faker class.
  const FakerClass = englishFaker.constructor as FakerConstructor;
  return new FakerClass({ locale: englishFaker.rawDefinitions, randomizer });
}

const PRODUCT_URL = 'https://www.acme.com/product/';

function clicksRow(f: Faker): Row {
  return [
    f.string.uuid(),
    f.number.int({ min: 3000, max: 4999 }),
    PRODUCT_URL + f.string.alpha({ length: 5, casing: 'lower' }),
    f.internet.userAgent(),
    f.number.int({ min: 10, max: 119 }),
  ];
}

function customersRow(f: Faker): Row {
  return [
    f.number.int({ min: 3000, max: 3249 }),
    f.person.fullName(),
    f.location.streetAddress(),
    f.location.zipCode(),
    f.location.city(),
    f.internet.email(),
  ];
}

function ordersRow(f: Faker): Row {
  return [
    f.string.uuid(),
    f.number.int({ min: 3000, max: 3249 }),
    String(f.number.int({ min: 1000, max: 1499 })),
    // Cents drawn as an integer so the double always prints with at most 2 decimals.
    f.number.int({ min: 0, max: 10000 }) / 100,
  ];
}

function productsRow(f: Faker): Row {
  return [
    String(f.number.int({ min: 1000, max: 1499 })),
    f.commerce.productName(),
    // Datafaker's Commerce.brand/vendor have no faker-js twin: many brands are family names, and
    // a vendor reads like a company.
    f.person.lastName(),
    f.company.name(),
    f.commerce.department(),
  ];
}

/** The row builder of each example table. */
export const ROW_BUILDERS: Readonly<Record<ExampleTableName, RowBuilder>> = {
  clicks: clicksRow,
  customers: customersRow,
  orders: ordersRow,
  products: productsRow,
};

/** Column names per example table, in row order (they match examples-catalog.ts). */
export const EXAMPLE_COLUMNS: Readonly<Record<ExampleTableName, readonly string[]>> = {
  clicks: ['click_id', 'user_id', 'url', 'user_agent', 'view_time'],
  customers: ['customer_id', 'name', 'address', 'postcode', 'city', 'email'],
  orders: ['order_id', 'customer_id', 'product_id', 'price'],
  products: ['product_id', 'name', 'brand', 'vendor', 'department'],
};

/** True for the tables declared with a primary key (upsert changelog). */
export function isUpsertTable(table: ExampleTableName): boolean {
  return table === 'customers' || table === 'products';
}
