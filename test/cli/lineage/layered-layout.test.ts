/** The SVG layout: left-to-right layers, no overlapping boxes, crossings removed where an order without them exists. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { layeredLayout, type PlacedBox } from '../../../src/cli/lineage/index.js';

function overlaps(a: PlacedBox, b: PlacedBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layeredLayout', () => {
  it('puts sources left of what they feed and untangles a crossing given in the input order', () => {
    const boxes = ['a', 'b', 'x', 'y'].map((id) => ({ id, width: 80, height: 30 }));
    const l = layeredLayout(boxes, [{ from: 'a', to: 'y' }, { from: 'b', to: 'x' }]);
    assert.equal(l.crossings, 0);
    const at = (id: string): PlacedBox => l.boxes.get(id) ?? assert.fail(id);
    assert.ok(at('a').x < at('y').x && at('b').x < at('x').x);
    assert.equal(Math.sign(at('a').y - at('b').y), Math.sign(at('y').y - at('x').y));
  });

  it('places no box over another and routes long edges through the layers they skip', () => {
    const boxes = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, width: 60 + (i % 3) * 30, height: 40 }));
    const edges = [[0, 3], [1, 3], [2, 4], [3, 5], [4, 5], [5, 6], [0, 6], [6, 7], [6, 8], [2, 8], [9, 10], [1, 11]]
      .map(([a, b]) => ({ from: `n${a ?? 0}`, to: `n${b ?? 0}` }));
    const l = layeredLayout(boxes, edges);
    const placed = [...l.boxes.values()];
    assert.equal(placed.length, 12);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i], b = placed[j];
        if (a !== undefined && b !== undefined) assert.ok(!overlaps(a, b), `${a.id} overlaps ${b.id}`);
      }
    }
    const long = l.edges.find((e) => e.from === 'n0' && e.to === 'n6');
    assert.ok(long !== undefined && long.points.length > 2, 'a long edge bends through dummy points');
    for (const e of edges) assert.ok((l.boxes.get(e.from)?.layer ?? 0) < (l.boxes.get(e.to)?.layer ?? 0), `${e.from} → ${e.to} runs left to right`);
  });

  it('terminates on a cycle (a statement reading and writing the same topic via another)', () => {
    const boxes = ['t', 's', 'u'].map((id) => ({ id, width: 50, height: 30 }));
    const l = layeredLayout(boxes, [{ from: 't', to: 's' }, { from: 's', to: 'u' }, { from: 'u', to: 't' }]);
    assert.equal(l.boxes.size, 3);
    assert.equal(l.edges.length, 3);
  });
});
