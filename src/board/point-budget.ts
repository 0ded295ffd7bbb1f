/**
 * GitHub's secondary rate limit for GraphQL: at most 2,000 points a minute, a mutation costing 5
 * and a query 1 (https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#secondary-rate-limits).
 * GitHub documents 5 points per request with mutations; Nova counts 5 per aliased mutation, a
 * bound that holds however GitHub counts a batch.
 */
export const POINTS_PER_MINUTE = 2000;
export const POINTS_PER_MUTATION = 5;
export const POINTS_PER_QUERY = 1;

const WINDOW_MS = 60_000;

/** A rolling one-minute budget of secondary-limit points, shared by the runs of one account. */
export interface PointBudget {
  /** Waits until `points` fit into the last minute's budget, then books them. */
  take(points: number): Promise<void>;
}

export interface PointBudgetOptions {
  pointsPerMinute?: number;
  now?: () => number;
  /** Injected so tests need not wait. */
  sleep: (ms: number) => Promise<void>;
}

/**
 * Creates a budget. A request larger than the whole budget is let through on an empty window
 * (it cannot be split here; the apply step keeps batches far smaller).
 */
export function createPointBudget(options: PointBudgetOptions): PointBudget {
  const limit = options.pointsPerMinute ?? POINTS_PER_MINUTE;
  const now = options.now ?? Date.now;
  const spent: Array<{ at: number; points: number }> = [];
  return {
    async take(points) {
      for (;;) {
        const time = now();
        while (spent[0] && spent[0].at <= time - WINDOW_MS) spent.shift();
        const used = spent.reduce((sum, entry) => sum + entry.points, 0);
        const oldest = spent[0];
        if (!oldest || used + points <= limit) {
          spent.push({ at: time, points });
          return;
        }
        await options.sleep(oldest.at + WINDOW_MS - time);
        // Waited until the oldest booking left the window; forget it even if the clock is a
        // test's that did not move.
        const expired = oldest.at;
        while (spent[0] && spent[0].at <= expired) spent.shift();
      }
    },
  };
}
