/**
 * RFC 3339 timestamps as Go's `time.RFC3339` reads and prints them: whole seconds, `Z` for UTC,
 * otherwise the fixed offset the timestamp was written with. Calendar arithmetic follows Go's
 * `AddDate` (overflowing days roll into the next month: Jan 31 + 1 month = Mar 3).
 */
import type { AttributeSchema } from '../../provider/index.js';
import { T } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** A timestamp as wall-clock fields in its own offset. */
export interface Timestamp {
  /** The wall-clock fields, stored as if they were UTC. */
  readonly wall: Date;
  /** Minutes east of UTC. */
  readonly offsetMinutes: number;
}

/** Parses an RFC 3339 timestamp, or undefined when invalid (including impossible dates). */
export function parseRfc3339(text: string): Timestamp | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (wall.getUTCFullYear() !== y || wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  const sign = m[9] === '-' ? -1 : 1;
  const offsetMinutes = m[8] === 'Z' || m[8] === 'z' ? 0 : sign * (Number(m[10]) * 60 + Number(m[11]));
  return { wall, offsetMinutes };
}

/** The UTC timestamp for epoch milliseconds. */
export function utcTimestamp(ms: number): Timestamp {
  return { wall: new Date(Math.floor(ms / 1000) * 1000), offsetMinutes: 0 };
}

/** Formats as Go's RFC3339 layout. */
export function formatTimestamp(t: Timestamp): string {
  const base = t.wall.toISOString().slice(0, 19);
  if (t.offsetMinutes === 0) return `${base}Z`;
  const abs = Math.abs(t.offsetMinutes);
  return `${base}${t.offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Formats epoch milliseconds as `2006-01-02T15:04:05Z`. */
export function formatRfc3339(ms: number): string {
  return formatTimestamp(utcTimestamp(ms));
}

/** Seconds since the epoch. */
export function unixSeconds(t: Timestamp): number {
  return Math.floor(t.wall.getTime() / 1000) - t.offsetMinutes * 60;
}

/** An offset in calendar units, as time_offset and time_rotating take them. */
export interface CalendarOffset {
  readonly years?: number;
  readonly months?: number;
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

/** Go's `t.AddDate(years, months, days).Add(hours, minutes, seconds)`, in the timestamp's offset. */
export function addCalendar(t: Timestamp, o: CalendarOffset): Timestamp {
  const w = t.wall;
  const dated = Date.UTC(w.getUTCFullYear() + (o.years ?? 0), w.getUTCMonth() + (o.months ?? 0), w.getUTCDate() + (o.days ?? 0),
    w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds());
  const ms = dated + ((o.hours ?? 0) * 3600 + (o.minutes ?? 0) * 60 + (o.seconds ?? 0)) * 1000;
  return { wall: new Date(ms), offsetMinutes: t.offsetMinutes };
}

/** The year/month/day/hour/minute/second/unix attributes of a timestamp. */
export function timestampParts(t: Timestamp): ObjectValue {
  const w = t.wall;
  return {
    year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(),
    hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: w.getUTCSeconds(), unix: unixSeconds(t),
  };
}

/** Schema of the computed parts attributes. */
export const timestampPartAttributes: { readonly [name: string]: AttributeSchema } = {
  year: { type: T.number, computed: true, description: 'Year.' },
  month: { type: T.number, computed: true, description: 'Month, 1-12.' },
  day: { type: T.number, computed: true, description: 'Day of month.' },
  hour: { type: T.number, computed: true, description: 'Hour, 0-23.' },
  minute: { type: T.number, computed: true, description: 'Minute.' },
  second: { type: T.number, computed: true, description: 'Second.' },
  unix: { type: T.number, computed: true, description: 'Seconds since the Unix epoch.' },
};

/** Attribute validator for RFC 3339 strings. */
export function validateRfc3339(v: unknown): string | undefined {
  return typeof v === 'string' && parseRfc3339(v) === undefined
    ? `${JSON.stringify(v)} is not an RFC 3339 timestamp such as "2026-01-02T15:04:05Z"` : undefined;
}
