import { test } from 'node:test';
import { assertChangelogScript } from '../runtime/index.js';
import { ChangelogNormalizeOperator } from './changelog-normalize-operator.js';
import { WindowTableFunctionOperator } from './window-table-function-operator.js';

test('an upsert stream normalized by key: +I first, -U/+U on change, nothing when equal, -D with the held row', () => {
  assertChangelogScript(() => new ChangelogNormalizeOperator((row) => [row[0]]), `
    +U['c1', 'Ann']
    +U['c2', 'Bob']
    > +I['c1', 'Ann']
    > +I['c2', 'Bob']
    ---
    +U['c1', 'Ann']
    +U['c1', 'Anna']
    > -U['c1', 'Ann']
    > +U['c1', 'Anna']
    ---
    -D['c2', null]
    -D['c9', null]
    > -D['c2', 'Bob']
    ---
    +U['c2', 'Bo']
    > +I['c2', 'Bo']
  `);
});

test('a bare HOP TVF emits each row once per window with window_start, window_end, window_time', () => {
  assertChangelogScript(() => new WindowTableFunctionOperator({ kind: 'hop', slide: 5, size: 10 }, (row) => row[1] as number), `
    +I['a', 7]
    > +I['a', 7, 0, 10, 9]
    > +I['a', 7, 5, 15, 14]
  `);
});
