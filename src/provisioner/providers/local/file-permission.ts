/** File and directory permissions as written in config: a string of 3 or 4 octal digits. */

/** Attribute validator for permission strings like "0644". */
export function validatePermission(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (!/^[0-7]{3,4}$/.test(v)) return `bad mode permission ${JSON.stringify(v)}: expected 3 or 4 octal digits such as "0644"`;
  if (parseInt(v, 8) > 0o777) return `bad mode permission ${JSON.stringify(v)}: only the permission bits (at most 0777) may be set`;
  return undefined;
}

/** The numeric mode of a validated permission string. */
export function permissionMode(v: string): number {
  return parseInt(v, 8);
}
