import { describe, expect, it } from "@jest/globals";
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  nextDelay,
  parseRetryAfter,
} from "../src/upload/retry-policy.js";

describe("retry policy", () => {
  it("retries 409, 429 and 5xx, nothing else", () => {
    expect([400, 401, 404, 409, 413, 415, 422, 429, 500, 503].filter(isRetryableStatus)).toEqual([
      409, 429, 500, 503,
    ]);
  });

  it("backs off exponentially with jitter, capped, and stops after the last attempt", () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) =>
      nextDelay({ attempt, retryAfterMs: null, policy: DEFAULT_RETRY_POLICY, random: () => 1 }),
    );
    expect(delays).toEqual([1000, 2000, 4000, 8000, null]);
    expect(
      nextDelay({ attempt: 1, retryAfterMs: null, policy: DEFAULT_RETRY_POLICY, random: () => 0 }),
    ).toBe(500);
    expect(
      nextDelay({
        attempt: 9,
        retryAfterMs: null,
        policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 20 },
        random: () => 1,
      }),
    ).toBe(30_000);
  });

  it("honours Retry-After (seconds or a date), and gives up on one longer than the cap", () => {
    const now = Date.parse("2026-01-12T09:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Mon, 12 Jan 2026 09:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(
      nextDelay({ attempt: 1, retryAfterMs: 7000, policy: DEFAULT_RETRY_POLICY, random: () => 0 }),
    ).toBe(7000);
    expect(
      nextDelay({
        attempt: 1,
        retryAfterMs: 3_600_000,
        policy: DEFAULT_RETRY_POLICY,
        random: () => 0,
      }),
    ).toBeNull();
  });
});
