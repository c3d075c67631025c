import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intType, stringType } from '../../../types/index.js';
import { OperatorHarness } from '../../operator-harness.js';
import { assertChangelogScript } from '../changelog-script.js';
import type { AggregateCall, WindowSpec } from '../types.js';
import { assignWindows } from './window-assigner.js';
import { WindowAggregateOperator } from './window-aggregate-operator.js';

const COUNT_SUM: readonly AggregateCall[] = [{ fn: 'COUNT' }, { fn: 'SUM', arg: (r) => r[1], argType: intType() }];
const windowed = (window: WindowSpec, aggregates = COUNT_SUM) => () =>
  new WindowAggregateOperator({ window, key: (r) => [r[0]], aggregates });

test('window assignment is aligned to the epoch, with offsets and negative times', () => {
  assert.deepEqual(assignWindows({ kind: 'tumble', size: 10 }, 19), [{ start: 10, end: 20 }]);
  assert.deepEqual(assignWindows({ kind: 'tumble', size: 10, offset: 3 }, 12), [{ start: 3, end: 13 }]);
  assert.deepEqual(assignWindows({ kind: 'tumble', size: 10 }, -1), [{ start: -10, end: 0 }]);
  assert.deepEqual(assignWindows({ kind: 'hop', slide: 5, size: 10 }, 7), [{ start: 0, end: 10 }, { start: 5, end: 15 }]);
  assert.deepEqual(assignWindows({ kind: 'cumulate', step: 5, maxSize: 15 }, 7), [{ start: 0, end: 10 }, { start: 0, end: 15 }]);
});

test('TUMBLE: per key results at window_end, window_time = end - 1 as rowtime, late rows dropped', () => {
  assertChangelogScript(windowed({ kind: 'tumble', size: 10 }), `
    +I['a', 1] @1
    +I['b', 2] @7
    +I['a', 5] @5
    +I['a', 100] @12
    WM 8
    WM 9
    > +I['a', 2n, 6, 0, 10, 9] @9
    > +I['b', 1n, 2, 0, 10, 9] @9
    +I['a', 1000] @3
    +I['b', 3] @19
    WM 25
    > +I['a', 1n, 100, 10, 20, 19] @19
    > +I['b', 1n, 3, 10, 20, 19] @19
  `, { rowtimes: true });
});

test('TUMBLE with an offset', () => {
  assertChangelogScript(windowed({ kind: 'tumble', size: 10, offset: 3 }), `
    +I['a', 1] @2
    +I['a', 2] @3
    WM 100
    > +I['a', 1n, 1, -7, 3, 2] @2
    > +I['a', 1n, 2, 3, 13, 12] @12
  `, { rowtimes: true });
});

test('HOP: a row counts in every window it falls into', () => {
  assertChangelogScript(windowed({ kind: 'hop', slide: 5, size: 10 }), `
    +I['a', 1] @2
    +I['a', 10] @7
    WM 4
    > +I['a', 1n, 1, -5, 5, 4] @4
    WM 9
    > +I['a', 2n, 11, 0, 10, 9] @9
    +I['a', 100] @8
    WM 20
    > +I['a', 2n, 110, 5, 15, 14] @14
  `, { rowtimes: true });
});

test('CUMULATE: windows grow by step from the same start until max size', () => {
  assertChangelogScript(windowed({ kind: 'cumulate', step: 5, maxSize: 15 }), `
    +I['a', 1] @1
    +I['a', 2] @6
    +I['a', 4] @11
    +I['a', 8] @16
    WM 14
    > +I['a', 1n, 1, 0, 5, 4] @4
    > +I['a', 2n, 3, 0, 10, 9] @9
    > +I['a', 3n, 7, 0, 15, 14] @14
    WM 19
    > +I['a', 1n, 8, 15, 20, 19] @19
  `, { rowtimes: true });
});

test('SESSION: sessions per key merge when they touch and fire at last + gap', () => {
  assertChangelogScript(windowed({ kind: 'session', gap: 10 }), `
    +I['a', 1] @0
    +I['b', 1] @3
    +I['a', 2] @18
    ---
    +I['a', 4] @9
    WM 12
    > +I['b', 1n, 1, 3, 13, 12] @12
    +I['a', 8] @50
    WM 27
    > +I['a', 3n, 7, 0, 28, 27] @27
    # late: its session [5, 15) is complete at watermark 27
    +I['a', 16] @5
    END
    > +I['a', 1n, 8, 50, 60, 59] @59
  `, { rowtimes: true });
});

test('window aggregation over an updating input retracts from the window; a window that nets to zero emits nothing', () => {
  assertChangelogScript(windowed({ kind: 'tumble', size: 10 }, [{ fn: 'MAX', arg: (r) => r[1], argType: intType() }]), `
    +I['a', 5] @1
    +I['a', 9] @2
    +I['b', 1] @3
    ---
    -U['a', 9] @2
    +U['a', 7] @2
    -D['b', 1] @3
    WM 9
    > +I['a', 7, 0, 10, 9] @9
  `, { rowtimes: true });
});

test('late rows are counted; a HOP row is dropped only when all its windows fired', () => {
  const op = new WindowAggregateOperator({ window: { kind: 'hop', slide: 5, size: 10 }, aggregates: [{ fn: 'COUNT' }] });
  const h = new OperatorHarness(op);
  h.watermark(9).changes('+I[1] @7\n+I[2] @3');
  assert.equal(op.lateRecordsDropped, 1, 'the row at 3 has only fired windows; the one at 7 still fits [5, 15)');
  h.watermark(20);
  assert.deepEqual(h.take().filter((l) => l.startsWith('+')), ['+I[1n, 5, 15, 14]']);
});

test('LISTAGG in a window: text aggregates fire with the window', () => {
  assertChangelogScript(windowed({ kind: 'tumble', size: 10 }, [{ fn: 'LISTAGG', arg: (r) => r[1], argType: stringType() }]), `
    +I['k', 'x'] @1
    +I['k', 'y'] @2
    WM 10
    > +I['k', 'x,y', 0, 10, 9]
  `);
});
