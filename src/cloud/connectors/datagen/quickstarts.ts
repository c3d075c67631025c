/**
 * The connector's `Quickstart` enum (name → schema file → key field) and the shipped schema files.
 * The .avro files are data read at runtime from `src/cloud/connectors/quickstarts/` (the build
 * copies nothing): found relative to this module — `dist/src/cloud/connectors/datagen/` compiled,
 * `src/cloud/connectors/datagen/` when run from source — or by searching upward for that folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quickstart } from './types.js';

/** Every quickstart of the connector, in the enum's order. */
export const QUICKSTARTS: readonly Quickstart[] = [
  ['CLICKSTREAM_CODES', 'clickstream_codes_schema.avro', 'code'],
  ['CLICKSTREAM', 'clickstream_schema.avro', 'ip'],
  ['CLICKSTREAM_USERS', 'clickstream_users_schema.avro', 'user_id'],
  ['ORDERS', 'orders_schema.avro', 'orderid'],
  ['RATINGS', 'ratings_schema.avro', 'rating_id'],
  ['USERS', 'users_schema.avro', 'userid'],
  ['USERS_', 'users_array_map_schema.avro', 'userid'],
  ['PAGEVIEWS', 'pageviews_schema.avro', 'viewtime'],
  ['STOCK_TRADES', 'stock_trades_schema.avro', 'symbol'],
  ['INVENTORY', 'inventory.avro', 'id'],
  ['PRODUCT', 'product.avro', 'id'],
  ['PURCHASES', 'purchase.avro', 'id'],
  ['TRANSACTIONS', 'transactions.avro', 'transaction_id'],
  ['STORES', 'stores.avro', 'store_id'],
  ['CREDIT_CARDS', 'credit_cards.avro', 'card_id'],
  ['CAMPAIGN_FINANCE', 'campaign_finance.avro', 'candidate_id'],
  ['FLEET_MGMT_DESCRIPTION', 'fleet_mgmt_description.avro', 'vehicle_id'],
  ['FLEET_MGMT_LOCATION', 'fleet_mgmt_location.avro', 'vehicle_id'],
  ['FLEET_MGMT_SENSORS', 'fleet_mgmt_sensors.avro', 'vehicle_id'],
  ['PIZZA_ORDERS', 'pizza_orders.avro', 'store_id'],
  ['PIZZA_ORDERS_COMPLETED', 'pizza_orders_completed.avro', 'store_id'],
  ['PIZZA_ORDERS_CANCELLED', 'pizza_orders_cancelled.avro', 'store_id'],
  ['INSURANCE_OFFERS', 'insurance_offers.avro', 'offer_id'],
  ['INSURANCE_CUSTOMERS', 'insurance_customers.avro', 'customer_id'],
  ['INSURANCE_CUSTOMER_ACTIVITY', 'insurance_customer_activity.avro', 'activity_id'],
  ['GAMING_GAMES', 'gaming_games.avro', 'id'],
  ['GAMING_PLAYERS', 'gaming_players.avro', 'player_id'],
  ['GAMING_PLAYER_ACTIVITY', 'gaming_player_activity.avro', 'player_id'],
  ['PAYROLL_EMPLOYEE', 'payroll_employee.avro', 'employee_id'],
  ['PAYROLL_EMPLOYEE_LOCATION', 'payroll_employee_location.avro', 'employee_id'],
  ['PAYROLL_BONUS', 'payroll_bonus.avro', 'employee_id'],
  ['SYSLOG_LOGS', 'syslog_logs.avro', 'host'],
  ['DEVICE_INFORMATION', 'device_information.avro', 'device_ip'],
  ['SIEM_LOGS', 'siem_logs.avro', 'hostname'],
  ['SHOES', 'shoes.avro', 'id'],
  ['SHOE_CUSTOMERS', 'shoe_customers.avro', 'id'],
  ['SHOE_ORDERS', 'shoe_orders.avro', 'order_id'],
  ['SHOE_CLICKSTREAM', 'shoe_clickstream.avro', 'product_id'],
].map(([name, schemaFile, keyField]) => ({ name: name ?? '', schemaFile: schemaFile ?? '', keyField: keyField ?? '' }));

/** The quickstart with this name, compared case-insensitively (as the connector does). */
export function findQuickstart(name: string): Quickstart | undefined {
  const upper = name.toUpperCase();
  return QUICKSTARTS.find((q) => q.name === upper);
}

/** The quickstart shipping this schema file name, if any. */
export function quickstartByFile(fileName: string): Quickstart | undefined {
  return QUICKSTARTS.find((q) => q.schemaFile === fileName);
}

const FOLDER = join('src', 'cloud', 'connectors', 'quickstarts');
let cachedDir: string | undefined;

/** The folder holding the shipped .avro files; throws when the installation lacks it. */
export function quickstartsDir(): string {
  if (cachedDir !== undefined) return cachedDir;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../../..', FOLDER), resolve(here, '../quickstarts')];
  for (let dir = here; ; dir = dirname(dir)) {
    candidates.push(join(dir, FOLDER));
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((c) => existsSync(join(c, 'shoes.avro')));
  if (found === undefined) throw new Error(`the Datagen quickstart schemas are missing: no ${FOLDER} folder above ${here}`);
  cachedDir = found;
  return found;
}

const texts = new Map<string, string>();

/** The text of a shipped schema file (cached; the files never change while running). */
export function readQuickstartSchema(fileName: string): string {
  let t = texts.get(fileName);
  if (t === undefined) {
    t = readFileSync(join(quickstartsDir(), fileName), 'utf8');
    texts.set(fileName, t);
  }
  return t;
}
