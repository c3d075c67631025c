/** Suggests the closest known name for a misspelt one (Levenshtein distance, case-insensitive). */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  const a = name.toLowerCase();
  for (const c of candidates) {
    const d = distance(a, c.toLowerCase());
    if (d < bestDist) { bestDist = d; best = c; }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestDist <= limit ? best : undefined;
}

/** Appends ` Did you mean "x"?` when there is a close candidate. */
export function suggestion(name: string, candidates: Iterable<string>): string {
  const s = didYouMean(name, candidates);
  return s ? ` Did you mean "${s}"?` : '';
}

function distance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
