import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateType, dayTimeIntervalType, stringType, timestampLtzType, timestampType, timeType, printType } from '../types/index.js';
import { call, testContext, typeOf } from './test-support.js';
import { resolveFunction } from './index.js';

const TS = timestampType(3);
const ts = (s: string): readonly [number, typeof TS] => [Date.parse(s.replace(' ', 'T') + 'Z'), TS];
const day = (s: string): readonly [number, ReturnType<typeof dateType>] => [Math.floor(Date.parse(s + 'T00:00:00Z') / 86_400_000), dateType()];

test('DATE_FORMAT patterns', () => {
  const t = ts('2024-03-05 07:08:09.123');
  const cases: [string, string][] = [
    ['yyyy-MM-dd HH:mm:ss', '2024-03-05 07:08:09'],
    ['yyyy/MM/dd', '2024/03/05'],
    ['yy-M-d', '24-3-5'],
    ['dd MMM yyyy', '05 Mar 2024'],
    ['EEEE, MMMM d', 'Tuesday, March 5'],
    ['EEE', 'Tue'],
    ['hh:mm a', '07:08 AM'],
    ['HH:mm:ss.SSS', '07:08:09.123'],
    ["yyyy-MM-dd'T'HH:mm:ss", '2024-03-05T07:08:09'],
    ['D', '65'],
  ];
  for (const [p, want] of cases) assert.equal(call('DATE_FORMAT', [t, p]), want, p);
  assert.equal(call('DATE_FORMAT', ['2024-03-05 17:00:00', 'hh a']), '05 PM');
});

test('DATE_FORMAT called again on the same or other timestamps and patterns formats each call afresh', () => {
  // One compiled call site, fed a row at a time as a Calc does.
  const f = resolveFunction('DATE_FORMAT', [TS, stringType()], { literals: [], ctx: testContext() }).value?.fn;
  assert.ok(f !== undefined);
  const t0 = ts('2024-03-05 07:08:09.123')[0];
  const seq: [unknown, string | null, string | null][] = [
    [t0, 'yyyy-MM-dd', '2024-03-05'], [t0, 'yyyy-MM-dd', '2024-03-05'], [t0, 'HH:mm', '07:08'], [t0 + 86_400_000, 'HH:mm', '07:08'],
    [t0 + 86_400_000, 'yyyy-MM-dd', '2024-03-06'], [null, 'yyyy-MM-dd', null], [t0, 'yyyy-MM-dd', '2024-03-05'], [t0, null, null],
  ];
  for (const [v, p, want] of seq) assert.equal(f(v, p), want, `${String(v)} ${String(p)}`);
});

test('field extraction', () => {
  const t = ts('2024-03-05 07:08:09.123');
  assert.equal(call('YEAR', [t]), 2024n);
  assert.equal(call('QUARTER', [t]), 1n);
  assert.equal(call('MONTH', [t]), 3n);
  assert.equal(call('DAYOFMONTH', [t]), 5n);
  assert.equal(call('DAYOFYEAR', [t]), 65n);
  assert.equal(call('DAYOFWEEK', [t]), 3n); // Tuesday, 1 = Sunday
  assert.equal(call('DAYOFWEEK', [day('2024-03-03')]), 1n);
  assert.equal(call('WEEK', [day('2024-01-01')]), 1n);
  assert.equal(call('WEEK', [day('2023-01-01')]), 52n);
  assert.equal(call('HOUR', [t]), 7n);
  assert.equal(call('MINUTE', [t]), 8n);
  assert.equal(call('SECOND', [t]), 9n);
  assert.equal(call('HOUR', [[45296000, timeType()]]), 12n);
  assert.equal(call('EXTRACT', ['DOW', t]), 3n);
  assert.equal(call('EXTRACT', ['MILLISECOND', t]), 9123n);
  assert.equal(call('EXTRACT', ['EPOCH', t]), BigInt(Math.floor(t[0] / 1000)));
  assert.equal(printType(typeOf('YEAR', [t])), 'BIGINT');
});

test('parsing and unix time', () => {
  assert.equal(call('TO_DATE', ['2024-03-05']), 19787);
  assert.equal(call('TO_DATE', ['05/03/2024', 'dd/MM/yyyy']), 19787);
  assert.equal(call('TO_DATE', ['garbage']), null);
  assert.equal(call('TO_TIMESTAMP', ['2024-03-05 07:08:09']), ts('2024-03-05 07:08:09')[0]);
  assert.equal(call('TO_TIMESTAMP', ['2024-03-05 07:08:09.5']), ts('2024-03-05 07:08:09.500')[0]);
  assert.equal(call('TO_TIMESTAMP', ['20240305070809', 'yyyyMMddHHmmss']), ts('2024-03-05 07:08:09')[0]);
  assert.equal(call('TO_TIMESTAMP', ['nope', 'yyyy']), null);
  assert.equal(call('TO_TIMESTAMP', ['1999-9-10 05:20:10', 'yyyy/MM/dd']), ts('1999-09-10 05:20:10')[0]);
  assert.equal(call('UNIX_TIMESTAMP', ['1970-01-01 00:00:10.999']), 10n);
  assert.equal(call('TO_TIMESTAMP_LTZ', [1700000000n, 0]), 1700000000000);
  assert.equal(call('TO_TIMESTAMP_LTZ', [1700000000123n, 3]), 1700000000123);
  assert.equal(call('UNIX_TIMESTAMP', ['1970-01-01 00:00:10']), 10n);
  assert.equal(call('UNIX_TIMESTAMP', ['1970-01-01 08:00:10'], { ctx: testContext('Asia/Shanghai') }), 10n);
  assert.equal(call('UNIX_TIMESTAMP', ['bad']), -9223372036854775808n);
  assert.equal(call('UNIX_TIMESTAMP', []), BigInt(Math.floor(Date.UTC(2024, 0, 2, 3, 4, 5, 678) / 1000)));
  assert.equal(call('FROM_UNIXTIME', [44n]), '1970-01-01 00:00:44');
  assert.equal(call('FROM_UNIXTIME', [44n, 'HH:mm:ss'], { ctx: testContext('Asia/Shanghai') }), '08:00:44');
});

test('TIMESTAMPADD and TIMESTAMPDIFF', () => {
  const a = ts('2024-01-31 10:00:00');
  assert.equal(call('TIMESTAMPADD', ['MONTH', 1, a]), ts('2024-02-29 10:00:00')[0]);
  assert.equal(call('TIMESTAMPADD', ['HOUR', -2, a]), ts('2024-01-31 08:00:00')[0]);
  assert.equal(call('TIMESTAMPADD', ['WEEK', 1, day('2024-01-01')]), 19730);
  assert.equal(call('TIMESTAMPDIFF', ['DAY', ts('2024-01-01 00:00:00'), ts('2024-01-03 23:59:59')]), 2);
  assert.equal(call('TIMESTAMPDIFF', ['HOUR', ts('2024-01-03 00:00:00'), ts('2024-01-01 00:00:00')]), -48);
  assert.equal(call('TIMESTAMPDIFF', ['MONTH', ts('2024-01-31 00:00:00'), ts('2024-02-29 00:00:00')]), 0);
  assert.equal(call('TIMESTAMPDIFF', ['MONTH', ts('2024-01-15 00:00:00'), ts('2024-03-15 00:00:00')]), 2);
  assert.equal(call('TIMESTAMPDIFF', ['YEAR', day('2020-06-01'), day('2024-05-31')]), 3);
  assert.equal(call('TIMESTAMPDIFF', ['SECOND', ts('2024-01-01 00:00:00'), ts('2024-01-01 00:01:00')]), 60);
});

test('CEIL and FLOOR to a unit', () => {
  const t = ts('2024-05-17 13:45:30.250');
  assert.equal(call('FLOOR', [t, 'HOUR']), ts('2024-05-17 13:00:00')[0]);
  assert.equal(call('CEIL', [t, 'HOUR']), ts('2024-05-17 14:00:00')[0]);
  assert.equal(call('FLOOR', [t, 'MONTH']), ts('2024-05-01 00:00:00')[0]);
  assert.equal(call('CEIL', [t, 'YEAR']), ts('2025-01-01 00:00:00')[0]);
  assert.equal(call('FLOOR', [t, 'QUARTER']), ts('2024-04-01 00:00:00')[0]);
  assert.equal(call('FLOOR', [day('2024-05-17'), 'MONTH']), day('2024-05-01')[0]);
  assert.equal(call('CEIL', [ts('2024-05-17 13:00:00'), 'HOUR']), ts('2024-05-17 13:00:00')[0]);
  const ltz = [Date.UTC(2024, 4, 17, 13, 45), timestampLtzType(3)] as const;
  assert.equal(call('FLOOR', [ltz, 'DAY'], { ctx: testContext('Asia/Shanghai') }), Date.UTC(2024, 4, 16, 16, 0));
});

test('current time comes from the injected clock', () => {
  const now = Date.UTC(2024, 0, 2, 3, 4, 5, 678);
  assert.equal(call('CURRENT_TIMESTAMP', []), now);
  assert.equal(call('NOW', []), now);
  assert.equal(call('LOCALTIMESTAMP', [], { ctx: testContext('Asia/Shanghai') }), now + 8 * 3_600_000);
  assert.equal(call('CURRENT_DATE', []), 19724);
  assert.equal(call('CURRENT_TIME', []), ((3 * 60 + 4) * 60 + 5) * 1000);
  assert.equal(printType(typeOf('CURRENT_TIMESTAMP', [])), 'TIMESTAMP_LTZ(3) NOT NULL');
});

test('CONVERT_TZ', () => {
  assert.equal(call('CONVERT_TZ', ['1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles']), '1969-12-31 16:00:00');
  assert.equal(call('CONVERT_TZ', ['2024-07-01 12:00:00', 'Europe/Berlin', 'UTC']), '2024-07-01 10:00:00');
});

test('OVERLAPS treats periods as closed ranges', () => {
  const h = (n: number): readonly [number, ReturnType<typeof timestampType>] => [Date.UTC(2024, 0, 1, n), TS];
  assert.equal(call('OVERLAPS', [h(1), h(3), h(2), h(4)]), true);
  assert.equal(call('OVERLAPS', [h(1), h(2), h(3), h(4)]), false);
  assert.equal(call('OVERLAPS', [h(3), h(1), h(2), h(4)]), true);
  assert.equal(call('OVERLAPS', [h(1), [3_600_000, dayTimeIntervalType()], h(2), h(4)]), true);
});

test('comparisons across DATE, TIMESTAMP and TIMESTAMP_LTZ use the session zone', () => {
  const ctx = testContext('Asia/Shanghai');
  const local = [Date.UTC(2024, 0, 1, 8, 0), TS] as const;
  const instant = [Date.UTC(2024, 0, 1, 0, 0), timestampLtzType(3)] as const;
  assert.equal(call('=', [local, instant], { ctx }), true);
  assert.equal(call('=', [local, instant]), false);
  assert.equal(call('<', [day('2024-01-01'), ts('2024-01-01 00:00:01')]), true);
  assert.equal(call('=', [day('2024-01-01'), ts('2024-01-01 00:00:00')]), true);
});

test('expressions over a rowtime attribute are plain timestamps', () => {
  const rowtime = [Date.UTC(2024, 0, 1), timestampLtzType(3, { timeAttribute: 'rowtime' })] as const;
  assert.equal(printType(typeOf('+', [rowtime, [1000, dayTimeIntervalType()]])), 'TIMESTAMP_LTZ(3)');
  assert.equal(printType(typeOf('FLOOR', [rowtime, 'MINUTE'])), 'TIMESTAMP_LTZ(3)');
});

test('session time zones handle daylight saving transitions', () => {
  const ny = testContext('America/New_York');
  // 2024-03-10 02:30 does not exist in New York; 2024-11-03 01:30 happens twice (earlier offset wins).
  assert.equal(call('TO_TIMESTAMP_LTZ', ['2024-03-10 01:59:59', 'yyyy-MM-dd HH:mm:ss'], { ctx: ny }), Date.UTC(2024, 2, 10, 6, 59, 59));
  assert.equal(call('TO_TIMESTAMP_LTZ', ['2024-03-10 03:00:00', 'yyyy-MM-dd HH:mm:ss'], { ctx: ny }), Date.UTC(2024, 2, 10, 7, 0, 0));
  assert.equal(call('TO_TIMESTAMP_LTZ', ['2024-11-03 01:30:00', 'yyyy-MM-dd HH:mm:ss'], { ctx: ny }), Date.UTC(2024, 10, 3, 5, 30, 0));
  assert.equal(call('TO_TIMESTAMP_LTZ', ['2024-03-10 02:30:00', 'yyyy-MM-dd HH:mm:ss'], { ctx: ny }), Date.UTC(2024, 2, 10, 7, 30, 0));
  assert.equal(call('DATE_FORMAT', [[Date.UTC(2024, 6, 1, 12), timestampLtzType(3)], 'yyyy-MM-dd HH:mm'], { ctx: ny }), '2024-07-01 08:00');
  assert.equal(call('DATE_FORMAT', [[Date.UTC(2024, 0, 1, 12), timestampLtzType(3)], 'yyyy-MM-dd HH:mm'], { ctx: ny }), '2024-01-01 07:00');
});
