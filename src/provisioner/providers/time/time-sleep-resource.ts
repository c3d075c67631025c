/**
 * `time_sleep`: waits `create_duration` after creation and `destroy_duration` before deletion, so
 * dependants see an eventually consistent system settle. Changing the durations updates in place
 * without waiting; `triggers` forces replacement. The id is the creation time in RFC 3339.
 * Import id: `<create_duration>,<destroy_duration>[,KEY=VALUE...]` (one duration may be empty).
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ProviderContext } from '../../provider/index.js';
import { T } from '../../lang/index.js';
import { readString } from '../attribute-values.js';
import type { BuiltinResource } from '../types.js';
import { abortableSleep } from './abortable-sleep.js';
import { parseGoDuration, validateGoDuration } from './go-duration.js';
import { formatRfc3339 } from './rfc3339.js';

async function sleepFor(duration: string | undefined, verb: string, ctx: ProviderContext): Promise<void> {
  if (duration === undefined) return;
  const ms = parseGoDuration(duration) ?? 0;
  if (ms <= 0) return;
  ctx.progress(`Sleeping ${duration} ${verb}`);
  await abortableSleep(ms, ctx.signal);
}

/** The time_sleep resource. */
export const timeSleepResource: BuiltinResource = {
  schema: {
    importId: '<create_duration>,<destroy_duration>[,KEY=VALUE...]',
    attributes: {
      id: { type: T.string, computed: true, description: 'RFC 3339 time of creation.' },
      create_duration: { type: T.string, optional: true, validate: validateGoDuration, description: 'Time to wait after create, e.g. "30s".' },
      destroy_duration: { type: T.string, optional: true, validate: validateGoDuration, description: 'Time to wait before destroy, e.g. "30s".' },
      triggers: { type: T.map(T.string), optional: true, onChange: { kind: 'replace' }, description: 'Values whose change forces replacement.' },
    },
  },
  validate(config) {
    return config['create_duration'] === null && config['destroy_duration'] === null
      ? [errorDiag('time-sleep-no-duration', 'At least one of create_duration or destroy_duration must be set')] : [];
  },
  async create(planned, ctx) {
    await sleepFor(readString(planned, 'create_duration'), 'after create', ctx);
    return { ...planned, id: formatRfc3339(ctx.now()) };
  },
  async delete(prior, ctx) {
    await sleepFor(readString(prior, 'destroy_duration'), 'before destroy', ctx);
  },
  async import(id, ctx) {
    const parts = id.split(',');
    const [create = '', destroy = '', ...triggerParts] = parts;
    const triggers: { [key: string]: string } = {};
    const badTriggers = triggerParts.filter((t) => {
      const kv = t.split('=');
      if (kv.length !== 2) return true;
      triggers[kv[0] ?? ''] = kv[1] ?? '';
      return false;
    });
    const badDurations = [create, destroy].filter((d) => d !== '' && parseGoDuration(d) === undefined);
    if (parts.length < 2 || (create === '' && destroy === '') || badDurations.length > 0 || badTriggers.length > 0) {
      throw new DiagnosticsError([errorDiag('time-import-invalid-id', `Invalid time_sleep import id ${JSON.stringify(id)}`, {
        detail: 'Expected "<create_duration>,<destroy_duration>[,KEY=VALUE...]" with at least one duration, e.g. "30s," or ",1m".',
      })]);
    }
    return { id: formatRfc3339(ctx.now()), create_duration: create || null, destroy_duration: destroy || null, triggers };
  },
};
