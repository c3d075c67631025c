/** Reads a statement's session from `spec.properties` (confluent-flink.md §5.4), deprecated aliases included. */
import type { SessionPath } from '../catalog/index.js';

/** The session path and time zone of a statement. */
export function sessionOf(properties: Readonly<Record<string, string>>): { readonly session: SessionPath; readonly timeZone: string } {
  const catalog = properties['sql.current-catalog'] ?? properties['catalog'];
  const database = properties['sql.current-database'] ?? properties['default_database'] ?? properties['database'];
  const session: SessionPath = { ...(catalog === undefined ? {} : { catalog }), ...(database === undefined ? {} : { database }) };
  return { session, timeZone: properties['sql.local-time-zone'] ?? 'UTC' };
}
