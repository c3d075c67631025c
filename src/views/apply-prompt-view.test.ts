import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderApplyCancelled, renderApplyPrompt, renderPlanFooter } from './apply-prompt-view.js';

const plain = { color: false };

describe('apply-prompt-view', () => {
  it('words the plan footer for unsaved and saved plans', () => {
    assert.match(renderPlanFooter({}), /Note: You didn't use the -out option to save this plan, so streamform can't guarantee/);
    assert.match(renderPlanFooter({ savedTo: 'tfplan' }), /Saved the plan to: tfplan\n\nTo perform exactly these actions, run the following command to apply:\n {4}streamform apply "tfplan"\n$/);
  });

  it('asks the confirmation question for each kind and ends at the prompt', () => {
    assert.ok(renderApplyPrompt('apply', plain).endsWith("Only 'yes' will be accepted to approve.\n\n  Enter a value: "));
    assert.ok(renderApplyPrompt('destroy', plain).startsWith('Do you really want to destroy all resources?'));
    assert.ok(renderApplyPrompt('refresh-only', plain).includes('without modifying any real infrastructure'));
    assert.equal(renderApplyCancelled('destroy'), 'Destroy cancelled.');
    assert.equal(renderApplyCancelled('apply'), 'Apply cancelled.');
  });
});
