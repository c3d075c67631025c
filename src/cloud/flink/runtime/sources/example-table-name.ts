/** Narrows a table name to one of the examples catalog's generated tables. */
import type { ExampleTableName } from './types.js';

const NAMES: readonly ExampleTableName[] = ['clicks', 'customers', 'orders', 'products'];

/** The example table name, or undefined when `name` is not one of the four tables. */
export function exampleTableName(name: string): ExampleTableName | undefined {
  return NAMES.find((n) => n === name);
}
