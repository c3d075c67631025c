/** The version the views report when the caller does not pass one (kept in step with package.json). */
export const STREAMFORM_VERSION = '0.1.0';
