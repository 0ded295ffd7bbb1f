/**
 * The one Octokit adapter against the fake GitHub: every narrow port is a view of its answer,
 * so a comment, a check run, an issue or a pull request has one shape whichever method returns
 * it, and every request it makes is one GitHub's description accepts.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { GitHubApi } from "../../src/github/github-api.js";
import { GitHubError } from "../../src/github/github-error.js";
import { findAuthenticatedLogin } from "../../src/github/octokit-identity.js";
import { createOctokitPort, type Octokit } from "../../src/github/octokit-port.js";
import { createTestProbot, FakeGitHub, type FakeRepo } from "../fake-github/index.js";

const BOT = "nova-test[bot]";

let fake: FakeGitHub;
let repo: FakeRepo;
let api: GitHubApi;

// One repository for all tests: each works on its own issues, names and branches.
beforeAll(async () => {
  fake = await FakeGitHub.start();
  const files = { "README.md": "# DGX\n" };
  repo = fake.seedRepo({ owner: "acme", name: "dgx", installationId: 42, files });
  const octokit = await createTestProbot(fake).probot.auth(42);
  api = createOctokitPort(octokit, { owner: "acme", repo: "dgx" }, { sleep: async () => {} });
});
afterAll(() => fake.close());

it("answers comments in one shape: created, listed and updated alike", async () => {
  const issue = repo.addIssue({ title: "Treiber" });
  const created = await api.createComment(issue.number as number, "erste Antwort");
  expect(created).toEqual({
    id: expect.any(Number),
    author: BOT,
    body: "erste Antwort",
    htmlUrl: expect.stringContaining("/acme/dgx/issues/"),
  });
  expect(await api.listComments(issue.number as number)).toEqual([created]);
  const updated = await api.updateComment(created.id, "zweite Antwort");
  expect(updated).toEqual({ ...created, body: "zweite Antwort" });
  expect(fake.violations).toEqual([]);
});

it("finds a check run it created, by name, in the same shape", async () => {
  const sha = repo.branchSha("main")!;
  const created = await api.createCheckRun({
    name: "Nova: GPU",
    headSha: sha,
    status: "completed",
    conclusion: "success",
    externalId: "report-1",
    title: "ok",
    summary: "alles gut",
  });
  expect(created).toEqual({
    id: expect.any(Number),
    externalId: "report-1",
    htmlUrl: expect.any(String),
  });
  expect(await api.findLatestCheckRun(sha, "Nova: GPU")).toEqual(created);
  expect(await api.listCheckRuns(sha, "Nova: GPU")).toEqual([created]);
  expect(await api.findLatestCheckRun(sha, "Nova: other")).toBeNull();
  expect(await api.listCheckRuns("0".repeat(40), "Nova: GPU")).toBeNull();
  const checkWrites = fake.writes().filter((request) => /check-runs$/.test(request.path));
  expect(checkWrites.map((request) => request.body)).toEqual([
    expect.objectContaining({ head_sha: sha, status: "completed", external_id: "report-1" }),
  ]);
  expect(fake.violations).toEqual([]);
});

it("reads an issue, a pull request behind an issue number, and nothing as null", async () => {
  const issue = repo.addIssue({ title: "Kühlung", body: "prüfen", labels: ["nova"] });
  expect(await api.getIssue(issue.number as number)).toMatchObject({
    number: issue.number,
    title: "Kühlung",
    body: "prüfen",
    labels: ["nova"],
    closedBy: null,
  });
  expect((await api.getIssue(issue.number as number))?.isPullRequest).toBeUndefined();

  // A branch with one more commit, made through the same API (git data), and a pull request.
  const base = await api.getBranchSha("main");
  const commit = await api.getCommit(base);
  const blob = await api.createBlob("# DGX Spark\n");
  const tree = await api.createTree(commit.treeSha, [{ path: "README.md", blobSha: blob }]);
  const head = await api.createCommit({ message: "Titel", treeSha: tree, parents: [base] });
  await api.createBranch("topic", head);
  const pull = await api.createPull({ title: "Titel", body: "", head: "topic", base: "main" });

  expect(await api.getPullRequest(pull.number)).toEqual(pull);
  expect(pull).toMatchObject({ headRef: "topic", headSha: head, baseRef: "main", author: BOT });
  expect(await api.listPullsForBranch("topic", "open", 10)).toEqual([pull]);
  expect(await api.getIssue(pull.number)).toMatchObject({
    number: pull.number,
    isPullRequest: true,
  });
  expect(await api.listIssuesWithLabel("nova")).toHaveLength(1);

  expect(await api.getIssue(999)).toBeNull();
  expect(await api.getPullRequest(999)).toBeNull();
  expect(fake.violations).toEqual([]);
});

it("tells a missing branch apart: find answers null, get throws not-found", async () => {
  expect(await api.findBranchHead("main")).toBe(repo.branchSha("main"));
  expect(await api.findBranchHead("gone")).toBeNull();
  const failure = await api.getBranchSha("gone").catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(GitHubError);
  expect((failure as GitHubError).kind).toBe("not-found");
});

it("adds and removes labels; removing one that is not there is no error", async () => {
  const issue = repo.addIssue({ title: "Netz" });
  expect(await api.createLabel({ name: "nova/gpu-fail", color: "B60205", description: null })).toBe(
    true,
  );
  expect(await api.createLabel({ name: "nova/gpu-fail", color: "B60205", description: "x" })).toBe(
    false,
  );
  await api.addLabels(issue.number as number, ["nova/gpu-fail"]);
  expect((await api.getIssue(issue.number as number))?.labels).toEqual(["nova/gpu-fail"]);
  await api.removeLabel(issue.number as number, "nova/gpu-fail");
  await api.removeLabel(issue.number as number, "nova/gpu-fail");
  expect((await api.getIssue(issue.number as number))?.labels).toEqual([]);
  expect(fake.violations).toEqual([]);
});

it("findAuthenticatedLogin: a user token names its login; a token without a user (403) is null", async () => {
  const answering = (answer: () => Promise<unknown>) =>
    ({ rest: { users: { getAuthenticated: answer } } }) as unknown as Octokit;
  expect(
    await findAuthenticatedLogin(answering(() => Promise.resolve({ data: { login: "mona" } }))),
  ).toBe("mona");
  const refused = Object.assign(new Error("Resource not accessible by integration"), {
    status: 403,
  });
  expect(await findAuthenticatedLogin(answering(() => Promise.reject(refused)))).toBeNull();
  const down = Object.assign(new Error("Bad gateway"), { status: 502 });
  await expect(findAuthenticatedLogin(answering(() => Promise.reject(down)))).rejects.toMatchObject(
    { kind: "unavailable" },
  );
});
