/**
 * Session time zones (`sql.local-time-zone`): converting between instants (TIMESTAMP_LTZ) and
 * wall-clock times (TIMESTAMP) with IANA zones via Intl, plus fixed offsets like 'UTC+08:00'.
 */

const OFFSET_RE = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Fixed offset in millis for 'UTC', 'Z', '+08:00', 'GMT-3'; undefined for region zones. */
function fixedOffset(zone: string): number | undefined {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT' || zone === 'Etc/UTC') return 0;
  const m = OFFSET_RE.exec(zone);
  if (!m) return undefined;
  const ms = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
  return m[1] === '-' ? -ms : ms;
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the zone id is usable (IANA name or fixed offset). */
export function isValidTimeZone(zone: string): boolean {
  if (fixedOffset(zone) !== undefined) return true;
  try { formatter(zone); return true; } catch { return false; }
}

/** Offset of `zone` from UTC at the given instant, in millis. */
export function zoneOffsetAt(zone: string, instantMs: number): number {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return fixed;
  const whole = Math.floor(instantMs / 1000) * 1000;
  const parts = formatter(zone).formatToParts(new Date(whole));
  let y = 0; let mo = 1; let d = 1; let h = 0; let mi = 0; let s = 0; let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value); break;
      case 'minute': mi = Number(p.value); break;
      case 'second': s = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
      default: break;
    }
  }
  if (bc) y = 1 - y;
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear puts them back.
  let local = Date.UTC(y, mo - 1, d, h, mi, s);
  if (y >= 0 && y < 100) local = new Date(local).setUTCFullYear(y);
  return local - whole;
}

/** Wall-clock millis in `zone` of an instant. */
export function instantToLocal(instantMs: number, zone: string): number {
  return instantMs + zoneOffsetAt(zone, instantMs);
}

/**
 * Instant of a wall-clock time in `zone`, like java.time's ZonedDateTime.ofLocal: on an overlap the
 * earlier instant (earlier offset); in a gap the time is shifted forward by the gap's length.
 */
export function localToInstant(localMs: number, zone: string): number {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return localMs - fixed;
  const oa = zoneOffsetAt(zone, localMs - zoneOffsetAt(zone, localMs));
  const a = localMs - oa;
  const ob = zoneOffsetAt(zone, a);
  if (ob === oa) {
    // Also try the other side of a nearby transition, for overlaps.
    const other = localMs - zoneOffsetAt(zone, a - 3 * 3_600_000);
    return other < a && instantToLocal(other, zone) === localMs ? other : a;
  }
  const b = localMs - ob;
  const aOk = instantToLocal(a, zone) === localMs;
  const bOk = instantToLocal(b, zone) === localMs;
  if (aOk && bOk) return Math.min(a, b);
  if (aOk) return a;
  if (bOk) return b;
  return Math.max(a, b);
}
