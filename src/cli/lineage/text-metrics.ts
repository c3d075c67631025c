/**
 * Approximate text widths for Helvetica/Arial, so SVG boxes fit their labels without a font
 * engine: per-character advance widths in em, grouped by shape.
 */
const NARROW = new Set([...'ijl|.,:;\'!`']);
const SEMI = new Set([...'frtI()[]{}/\\ -']);
const WIDE = new Set([...'mwMW@%']);

/** Width in px of `text` at `size` px (bold a little wider). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.25;
    else if (SEMI.has(ch)) em += 0.34;
    else if (WIDE.has(ch)) em += 0.86;
    else if (ch >= 'A' && ch <= 'Z') em += 0.68;
    else if (ch === '_') em += 0.56;
    else if (ch.charCodeAt(0) > 0x2000) em += 1;
    else em += 0.56;
  }
  return em * size * (bold ? 1.07 : 1);
}
