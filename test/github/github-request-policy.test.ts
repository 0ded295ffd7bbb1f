import { describe, expect, it } from "@jest/globals";
import { planFollowUpDelay } from "../../src/app/workers/repo-worker.js";
import { toGitHubError } from "../../src/github/github-error.js";
import { createTimedFetch, GitHubTimeoutError } from "../../src/github/github-request-policy.js";

describe("toGitHubError", () => {
  it("a 401 is a credentials problem, not forbidden, and worth a follow-up", () => {
    const failure = toGitHubError({ status: 401, message: "Bad credentials" });
    expect(failure.kind).toBe("credentials");
    expect(failure.transient).toBe(true);
    expect(toGitHubError({ status: 403, message: "Resource not accessible" }).kind).toBe(
      "forbidden",
    );
  });

  it("a timed-out request is a timeout (Octokit marks it 500), transient", () => {
    const timeout = Object.assign(
      new GitHubTimeoutError("GitHub did not answer within 30 s", true),
      {
        status: 500,
      },
    );
    const failure = toGitHubError(timeout);
    expect(failure.kind).toBe("timeout");
    expect(failure.transient).toBe(true);
  });
});

describe("createTimedFetch", () => {
  it("ends an attempt that gets no answer with a GitHubTimeoutError named AbortError", async () => {
    const hanging = ((_input: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted")));
      })) as typeof fetch;
    const error = await createTimedFetch(hanging, 20)("http://x/").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubTimeoutError);
    // @octokit/request passes AbortError through; Probot's retry plugin does not repeat it.
    expect((error as Error).name).toBe("AbortError");
    expect((error as GitHubTimeoutError).byTimeout).toBe(true);
  });

  it("passes answers and other failures through", async () => {
    const ok = (() => Promise.resolve(new Response("ok"))) as unknown as typeof fetch;
    expect(await (await createTimedFetch(ok, 1000)("http://x/")).text()).toBe("ok");
    const refused = (() => Promise.reject(new TypeError("fetch failed"))) as typeof fetch;
    await expect(createTimedFetch(refused, 1000)("http://x/")).rejects.toThrow("fetch failed");
  });
});

describe("planFollowUpDelay", () => {
  it("doubles per failure in a row, capped at half an hour", () => {
    expect(planFollowUpDelay(60_000, 0)).toBe(60_000);
    expect(planFollowUpDelay(60_000, 1)).toBe(60_000);
    expect(planFollowUpDelay(60_000, 3)).toBe(240_000);
    expect(planFollowUpDelay(60_000, 50)).toBe(30 * 60_000);
    expect(planFollowUpDelay(0, 5)).toBe(0);
  });
});
