/**
 * providers/time: the built-in `hashicorp/time` provider (time_offset, time_rotating, time_sleep,
 * time_static). Depends on provider/, lang/ and shared/ only; must not depend on the engine or
 * state. Time comes from the provider context's clock.
 */
export { createTimeProvider, TIME_SOURCE } from './time-provider.js';
export { parseGoDuration } from './go-duration.js';
