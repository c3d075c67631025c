/**
 * Indentation levels per line, the way `terraform fmt` counts them: a line whose brackets open
 * more than they close indents the following lines by one level (however many it opened), and a
 * line that closes more than it opens dedents to the level of the line that opened them. So
 * `foo({` ... `})` is one level, not two.
 */
import { bracketChange } from './token-spacing.js';
import type { FormatLine } from './types.js';

/** The nesting level (in indent steps) of each line; blank lines get the level of their place. */
export function indentLevels(lines: readonly FormatLine[]): number[] {
  const open: number[] = [];
  return lines.map((line) => {
    if (line.lead.length === 0) return open.length;
    let net = 0;
    for (const token of [...line.lead, ...line.assign]) net += bracketChange(token);
    if (net > 0) {
      const level = open.length;
      open.push(net);
      return level;
    }
    let closed = -net;
    while (closed > 0 && open.length > 0) {
      const top = open[open.length - 1] ?? 0;
      if (closed >= top) {
        closed -= top;
        open.pop();
      } else {
        open[open.length - 1] = top - closed;
        closed = 0;
      }
    }
    return open.length;
  });
}
