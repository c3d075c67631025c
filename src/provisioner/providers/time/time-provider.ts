/** The `hashicorp/time` provider: time_offset, time_rotating, time_sleep and time_static. */
import type { Provider } from '../../provider/index.js';
import { createBuiltinProvider } from '../builtin-provider.js';
import type { BuiltinProviderOptions } from '../types.js';
import { timeOffsetResource } from './time-offset-resource.js';
import { timeRotatingResource } from './time-rotating-resource.js';
import { timeSleepResource } from './time-sleep-resource.js';
import { timeStaticResource } from './time-static-resource.js';

/** Registry source of the time provider. */
export const TIME_SOURCE = 'hashicorp/time';

/** Creates a time provider instance. */
export function createTimeProvider(options: BuiltinProviderOptions = {}): Provider {
  return createBuiltinProvider({
    source: TIME_SOURCE,
    resources: {
      time_offset: timeOffsetResource,
      time_rotating: timeRotatingResource,
      time_sleep: timeSleepResource,
      time_static: timeStaticResource,
    },
  }, options);
}
