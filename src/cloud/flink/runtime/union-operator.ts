/**
 * UNION ALL: forwards every input's changes unchanged. The combined watermark (min over non-idle
 * inputs) is the operator node's job, so the operator itself is a pass-through.
 */
import type { Batch } from './batch.js';
import type { Operator, OperatorContext } from './operator.js';

/** UNION ALL over any number of inputs. */
export class UnionOperator implements Operator<null> {
  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    ctx.emitBatch(batch);
  }

  snapshot(): null { return null; }
  restore(): void { /* stateless */ }
  close(): void { /* nothing held */ }
}
