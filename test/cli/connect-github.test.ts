/**
 * `nova sync` and `nova report` reach GitHub through `createConnectGitHub`: a token, the API URL
 * (GitHub Enterprise, as Actions sets `GITHUB_API_URL`), and the Octokit that
 * src/app/create-cli-octokit.ts builds (Probot's, loaded only here). Checked against the fake
 * GitHub: the ports it returns make requests there, with the token.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createConnectGitHub } from "../../src/cli/connect-github.js";
import { CliSetupError } from "../../src/cli/cli-io.js";
import { FakeGitHub } from "../fake-github/index.js";

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await FakeGitHub.start();
  fake.seedRepo({ owner: "acme", name: "dgx", files: { "docs/plan.md": "# Plan\n" } });
  fake.addUserToken("ghp_alice", "alice");
});

afterAll(() => fake.close());

describe("createConnectGitHub", () => {
  it("reads GitHub at GITHUB_API_URL with GITHUB_TOKEN, as the given bot", async () => {
    const connect = createConnectGitHub({ GITHUB_TOKEN: "ghp_alice", GITHUB_API_URL: fake.url });
    const { port, botLogin, pulls } = await connect({ owner: "acme", repo: "dgx" }, "nova[bot]");
    expect(botLogin).toBe("nova[bot]");
    expect(pulls).toBeDefined();
    expect(await port.getFileText("docs/plan.md", "main")).toBe("# Plan\n");
    const reads = fake.requests.filter((request) => request.path.startsWith("/repos/acme/dgx"));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((request) => request.actor === "alice")).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it("without a token, says which variable to set", async () => {
    const connect = createConnectGitHub({ GITHUB_API_URL: fake.url });
    await expect(connect({ owner: "acme", repo: "dgx" }, "nova[bot]")).rejects.toBeInstanceOf(
      CliSetupError,
    );
  });
});
