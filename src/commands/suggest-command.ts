/** Longer input is not a typo of a command name; it is not compared at all (cost and noise). */
const MAX_COMPARED_LENGTH = 40;

/**
 * The spellings closest to a mistyped command name, best first, at most `max`: those within an
 * edit distance of 2 (1 for names of up to 4 characters, so `foo` does not suggest `sync`), and
 * those that the input starts (`prog` → `progress`). Transposed letters count as one edit
 * (optimal string alignment distance), the most common typo (`sumary`, `porgress`).
 */
export function suggestCommands(typed: string, spellings: readonly string[], max = 3): string[] {
  const input = typed.toLowerCase();
  if (input === "" || input.length > MAX_COMPARED_LENGTH) return [];
  const allowed = input.length <= 4 ? 1 : 2;
  return spellings
    .map((spelling) => {
      const distance = measureEditDistance(input, spelling);
      const prefix = input.length >= 3 && spelling.startsWith(input);
      return { spelling, score: prefix ? Math.min(distance, 1) : distance };
    })
    .filter((candidate) => candidate.score <= allowed)
    .sort((a, b) => a.score - b.score || a.spelling.localeCompare(b.spelling))
    .slice(0, max)
    .map((candidate) => candidate.spelling);
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function measureEditDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    const row = d[i]!;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}
