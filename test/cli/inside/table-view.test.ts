/** Table output of the inside commands: columns line up under the header and the rule. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderRecord, renderTable } from '../../../src/cli/inside/table-view.js';

describe('renderTable', () => {
  it('aligns every | of the header and rows with a + of the rule', () => {
    const text = renderTable([{ key: 'id', title: 'ID' }, { key: 'name', title: 'Name' }, { key: 'n', title: 'Count' }], [
      { id: 'env-abc123', name: 'dev', n: 3 }, { id: 'env-x', name: 'production', n: null },
    ]);
    assert.equal(text, [
      '  ID         | Name       | Count',
      '-------------+------------+-------',
      '  env-abc123 | dev        | 3',
      '  env-x      | production |',
      '',
    ].join('\n'));
  });

  it('says so when there are no rows', () => {
    assert.equal(renderTable([{ key: 'id', title: 'ID' }], [], 'No topics.'), 'No topics.\n');
  });

  it('renders one object as aligned title/value lines', () => {
    assert.equal(renderRecord([{ key: 'a', title: 'Topic:' }, { key: 'b', title: 'Internal:' }], { a: 'orders', b: false }), 'Topic:     orders\nInternal:  false\n');
  });
});
