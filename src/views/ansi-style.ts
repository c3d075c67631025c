/** ANSI colouring for terminal views; a no-op style when colour is off (-no-color). */

/** Colour helpers; each returns its input unchanged when colour is disabled. */
export interface Style {
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly red: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

function wrap(code: string): (s: string) => string {
  return (s) => (s === '' ? s : `\u001b[${code}m${s}\u001b[0m`);
}

function plain(s: string): string {
  return s;
}

const COLOR: Style = {
  green: wrap('32'), yellow: wrap('33'), red: wrap('31'), cyan: wrap('36'), bold: wrap('1'), dim: wrap('2'),
};
const NO_COLOR: Style = { green: plain, yellow: plain, red: plain, cyan: plain, bold: plain, dim: plain };

/** The style for `color` on or off. */
export function styleFor(color: boolean): Style {
  return color ? COLOR : NO_COLOR;
}

/** Removes ANSI escape sequences (for tests and width computations). */
export function stripAnsi(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}
