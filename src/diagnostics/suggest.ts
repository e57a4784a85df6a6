// "Did you mean": the closest candidate by edit distance (a swap of adjacent letters counts as one
// edit), if it is close enough to be a likely typo.
const MAX_SUGGEST_LENGTH = 100;

export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  // Nobody mistypes a 100-character id; and edit distance is quadratic in the lengths.
  if (word.length > MAX_SUGGEST_LENGTH) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(word.length, 3) / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip what can never be close enough.
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/**
 * Optimal string alignment distance (restricted Damerau–Levenshtein): insert, delete, substitute,
 * and swapping two adjacent characters each cost 1, so `txet` is one edit from `text`.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether every word of the shorter id is a word of the longer (words split at "-", "_" and "."). */
export function sharesWords(a: string, b: string): boolean {
  const words = (id: string) =>
    id
      .toLowerCase()
      .split(/[-_.]+/)
      .filter(Boolean);
  const [shorter, longer] = a.length <= b.length ? [words(a), new Set(words(b))] : [words(b), new Set(words(a))];
  return shorter.length > 0 && shorter.every((w) => longer.has(w));
}
