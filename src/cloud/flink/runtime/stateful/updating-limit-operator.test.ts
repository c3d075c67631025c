import { test } from 'node:test';
import { assertChangelogScript } from './changelog-script.js';
import { UpdatingLimitOperator } from './updating-limit-operator.js';

test('LIMIT 2 over a changelog: first rows in arrival order; a deleted row is replaced by the next', () => {
  assertChangelogScript(() => new UpdatingLimitOperator({ limit: 2 }), `
    +I[1, 'ann']
    +I[2, 'bob']
    +I[3, 'cid']
    > +I[1, 'ann']
    > +I[2, 'bob']
    ---
    -D[1, 'ann']
    > -D[1, 'ann']
    > +I[3, 'cid']
    ---
    +I[4, 'dan']
    ---
    -D[4, 'dan']
    ---
    -D[9, 'never seen']
  `);
});

test('an update of a row in the window: it leaves, the next row fills in, the new version goes to the end', () => {
  assertChangelogScript(() => new UpdatingLimitOperator({ limit: 2 }), `
    +I[1, 'ann']
    +I[2, 'bob']
    +I[3, 'cid']
    > +I[1, 'ann']
    > +I[2, 'bob']
    ---
    -U[2, 'bob']
    +U[2, 'bobby']
    > -D[2, 'bob']
    > +I[3, 'cid']
    ---
    -U[1, 'ann']
    +U[1, 'anne']
    -D[3, 'cid']
    > -D[1, 'ann']
    > -D[3, 'cid']
    > +I[2, 'bobby']
    > +I[1, 'anne']
  `);
});

test('OFFSET 1 LIMIT 1: the window moves when a row before it goes; an emptied window deletes its row', () => {
  assertChangelogScript(() => new UpdatingLimitOperator({ limit: 1, offset: 1 }), `
    +I['a']
    ---
    +I['b']
    +I['c']
    > +I['b']
    ---
    -D['a']
    > -D['b']
    > +I['c']
    ---
    -D['b']
    -D['c']
    > -D['c']
  `);
});

test('equal rows are counted one for one', () => {
  assertChangelogScript(() => new UpdatingLimitOperator({ limit: 2 }), `
    +I['x']
    +I['x']
    +I['x']
    > +I['x']
    > +I['x']
    ---
    -D['x']
    ---
    -D['x']
    > -D['x']
  `);
});
