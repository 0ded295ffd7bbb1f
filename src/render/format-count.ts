/**
 * A count with its noun in the right number: `1 Warnung`, `2 Warnungen`, `0 errors`. German and
 * English both use the singular for exactly one and the plural otherwise (zero included).
 */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
