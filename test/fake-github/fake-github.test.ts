import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { createTestOctokit } from "./create-test-probot.js";
import { FakeGitHub } from "./fake-github.js";
import type { FakeRepo } from "./fake-repo.js";
import { secondaryRateLimit, SECONDARY_RATE_LIMIT_MESSAGE } from "./fail-injection.js";
import { HANDLERS } from "./handlers/index.js";
import { loadOperationsFixture } from "./openapi-fixture.js";

interface RequestFailure extends Error {
  status: number;
  response?: { data: unknown; headers: Record<string, string | undefined> };
}

const owner = "acme";
const repoName = "plan";
const INSTALLATION = 42;

describe("the fake GitHub", () => {
  let fake: FakeGitHub;
  let repo: FakeRepo;
  let octokit: InstanceType<typeof ProbotOctokit>;

  beforeAll(async () => {
    fake = await FakeGitHub.start();
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.reset();
    repo = fake.seedRepo({
      owner,
      name: repoName,
      installationId: INSTALLATION,
      files: { "README.md": "# Plan\n" },
    });
    // What Probot's installation client is, minus throttling and retry.
    const TestOctokit = createTestOctokit();
    octokit = new TestOctokit({
      auth: { token: fake.createInstallationToken(INSTALLATION) },
      baseUrl: fake.url,
    });
  });

  /** The error of a request expected to fail (Octokit's RequestError, duck-typed). */
  async function failure(promise: Promise<unknown>): Promise<RequestFailure> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof Error && "status" in error) return error as RequestFailure;
      throw error;
    }
    throw new Error("expected the request to fail");
  }

  it("answers every operation of the fixture, and only those", () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(
      Object.keys(loadOperationsFixture().operations).sort(),
    );
  });

  // No wall-clock bound here (timing belongs in bench/): the fake counts the requests its
  // latency holds at once, which shows the overlap on a machine of any speed.
  it("holds concurrent requests together for the latency it was given; reset clears it", async () => {
    const read = () => octokit.rest.repos.get({ owner, repo: repoName });
    fake.setLatency(100);
    await read();
    expect(fake.mostConcurrentWaits).toBe(1);
    // Two at once wait together, not one after the other.
    await Promise.all([read(), read()]);
    expect(fake.mostConcurrentWaits).toBe(2);
    fake.reset();
    fake.seedRepo({ owner, name: repoName, installationId: INSTALLATION });
    const TestOctokit = createTestOctokit();
    const fresh = new TestOctokit({
      auth: { token: fake.createInstallationToken(INSTALLATION) },
      baseUrl: fake.url,
    });
    await Promise.all([
      fresh.rest.repos.get({ owner, repo: repoName }),
      fresh.rest.repos.get({ owner, repo: repoName }),
    ]);
    expect(fake.mostConcurrentWaits).toBe(0); // no latency after reset: nothing was held
  });

  describe("issues", () => {
    it("creates issues as the bot and lists them with Link pagination, pull requests included", async () => {
      repo.addIssue({ title: "Human issue", body: "written by a person" });
      for (const n of [1, 2, 3, 4]) {
        await octokit.rest.issues.create({
          owner,
          repo: repoName,
          title: `Task ${n}`,
          body: `<!-- nova:task id=task-${n} -->`,
          labels: ["nova"],
        });
      }
      repo.setFile("feature", "x.md", "x");
      await octokit.rest.pulls.create({
        owner,
        repo: repoName,
        title: "PR",
        head: "feature",
        base: "main",
      });

      const firstPage = await octokit.rest.issues.listForRepo({
        owner,
        repo: repoName,
        per_page: 2,
      });
      expect(firstPage.headers.link).toContain('rel="next"');
      expect(firstPage.headers.link).toContain('rel="last"');
      expect(firstPage.data.map((issue) => issue.number)).toEqual([6, 5]);

      const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo: repoName,
        per_page: 2,
        direction: "asc",
      });
      expect(all.map((issue) => issue.number)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(all[0]?.user).toMatchObject({ login: "octocat", type: "User" });
      expect(all[1]?.user).toMatchObject({ login: "nova-test[bot]", type: "Bot" });
      expect(all[5]?.pull_request).toBeDefined();
      expect(all[4]?.pull_request).toBeUndefined();
      // The single page above, then 3 pages of 2 following the Link header.
      expect(fake.requests.filter((r) => r.operationId === "issues/list-for-repo")).toHaveLength(4);

      const labelled = await octokit.rest.issues.listForRepo({
        owner,
        repo: repoName,
        labels: "NOVA",
      });
      expect(labelled.data.map((issue) => issue.number)).toEqual([5, 4, 3, 2]);
      expect(fake.violations).toEqual([]);
    });

    it("applies only the given fields on PATCH and tracks state_reason and closed_at", async () => {
      const { data: created } = await octokit.rest.issues.create({
        owner,
        repo: repoName,
        title: "Titel",
        body: "Körper",
        labels: ["nova", "phase:1"],
      });
      const { data: closed } = await octokit.rest.issues.update({
        owner,
        repo: repoName,
        issue_number: created.number,
        state: "closed",
        state_reason: "not_planned",
      });
      expect(closed).toMatchObject({
        title: "Titel",
        body: "Körper",
        state: "closed",
        state_reason: "not_planned",
        closed_at: "2025-01-06T09:00:00Z",
      });
      expect(
        closed.labels.map((label) => (typeof label === "string" ? label : label.name)),
      ).toEqual(["nova", "phase:1"]);

      const { data: reopened } = await octokit.rest.issues.update({
        owner,
        repo: repoName,
        issue_number: created.number,
        state: "open",
      });
      expect(reopened).toMatchObject({ state: "open", state_reason: "reopened", closed_at: null });
      expect(fake.writes().map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`)).toEqual([
        `POST /repos/acme/plan/issues {"title":"Titel","body":"Körper","labels":["nova","phase:1"]}`,
        `PATCH /repos/acme/plan/issues/1 {"state":"closed","state_reason":"not_planned"}`,
        `PATCH /repos/acme/plan/issues/1 {"state":"open"}`,
      ]);
      expect(fake.violations).toEqual([]);
    });

    it("acts as the user of a user token", async () => {
      fake.addUserToken("user-token-1", "hubot");
      const userOctokit = new (createTestOctokit())({
        auth: { token: "user-token-1" },
        baseUrl: fake.url,
      });
      const { data } = await userOctokit.rest.issues.create({
        owner,
        repo: repoName,
        title: "Mine",
      });
      expect(data.user).toMatchObject({ login: "hubot", type: "User" });
    });
  });

  describe("labels", () => {
    it("creates, pages, updates field by field and refuses duplicates in any case", async () => {
      for (const name of ["a", "b", "c"]) {
        await octokit.rest.issues.createLabel({
          owner,
          repo: repoName,
          name,
          color: "00ff00",
          description: `label ${name}`,
        });
      }
      const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
        owner,
        repo: repoName,
        per_page: 2,
      });
      expect(labels.map((label) => label.name)).toEqual(["a", "b", "c"]);

      const duplicate = await failure(
        octokit.rest.issues.createLabel({ owner, repo: repoName, name: "A", color: "ff0000" }),
      );
      expect(duplicate.status).toBe(422);
      expect(duplicate.response?.data).toMatchObject({
        message: "Validation Failed",
        errors: [{ resource: "Label", code: "already_exists", field: "name" }],
      });

      const { data: updated } = await octokit.rest.issues.updateLabel({
        owner,
        repo: repoName,
        name: "B",
        color: "123456",
      });
      expect(updated).toMatchObject({ name: "b", color: "123456", description: "label b" });
      expect(fake.violations).toEqual([]);
    });
  });

  describe("validation against the OpenAPI description", () => {
    it("records a violation and answers 422 for a body the schema rejects", async () => {
      const error = await failure(
        octokit.request("POST /repos/{owner}/{repo}/issues", {
          owner,
          repo: repoName,
          title: "x",
          // Octokit's types would refuse this; a cast or untyped data gets through to GitHub.
          labels: "not-an-array" as unknown as string[],
        }),
      );
      expect(error.status).toBe(422);
      expect(fake.violations).toEqual([
        expect.objectContaining({
          kind: "invalid-request",
          operationId: "issues/create",
          message: expect.stringContaining("body/labels must be array") as unknown,
        }),
      ]);
      expect(repo.issues()).toEqual([]);
    });

    it("counts an unknown body field (a typo GitHub would ignore) as a violation", async () => {
      await failure(
        octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
          owner,
          repo: repoName,
          issue_number: 1,
          state_reasons: "completed",
        }),
      );
      expect(fake.violations[0]?.message).toContain("must NOT have additional properties");
    });

    it("accepts null where the description says nullable (beside oneOf)", async () => {
      const { data } = await octokit.rest.issues.create({ owner, repo: repoName, title: "t" });
      await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        owner,
        repo: repoName,
        issue_number: data.number,
        milestone: null,
        body: null,
      });
      expect(fake.violations).toEqual([]);
    });

    it("records a violation and answers 404 for an unknown route or method", async () => {
      const unknown = await failure(octokit.request("POST /markdown", { text: "# Hallo" }));
      expect(unknown.status).toBe(404);
      expect(unknown.message).toContain("POST /markdown is not an operation");
      const wrongMethod = await failure(
        octokit.request("GET /repos/{owner}/{repo}/git/refs", { owner, repo: repoName }),
      );
      expect(wrongMethod.status).toBe(404);
      expect(fake.violations.map((v) => `${v.kind} ${v.method} ${v.path}`)).toEqual([
        "unknown-route POST /markdown",
        "wrong-method GET /repos/acme/plan/git/refs",
      ]);
    });

    it("answers 401 and records a violation for a request without credentials", async () => {
      const response = await fetch(`${fake.url}/repos/${owner}/${repoName}`);
      expect(response.status).toBe(401);
      expect(fake.violations).toEqual([
        expect.objectContaining({ kind: "unauthenticated", operationId: "repos/get" }),
      ]);
    });

    it("hides repositories of other installations (404, not a violation)", async () => {
      fake.seedRepo({ owner: "other", name: "secret", installationId: 99 });
      const error = await failure(octokit.rest.repos.get({ owner: "other", repo: "secret" }));
      expect(error.status).toBe(404);
      expect(fake.violations).toEqual([]);
    });
  });

  describe("failNext", () => {
    it("injects a 502 once, then answers normally", async () => {
      fake.failNext({ method: "GET", path: /\/issues$/, status: 502 });
      const error = await failure(octokit.rest.issues.listForRepo({ owner, repo: repoName }));
      expect(error.status).toBe(502);
      await expect(
        octokit.rest.issues.listForRepo({ owner, repo: repoName }),
      ).resolves.toMatchObject({
        status: 200,
      });
      expect(fake.requests.map((r) => [r.status, r.injected])).toEqual([
        [502, true],
        [200, false],
      ]);
      expect(fake.pendingFailures()).toEqual([]);
    });

    it("injects secondary rate limits the given number of times", async () => {
      fake.failNext({ method: "POST", path: /\/issues$/, times: 2, ...secondaryRateLimit() });
      for (const attempt of [1, 2]) {
        const error = await failure(
          octokit.rest.issues.create({ owner, repo: repoName, title: `t${attempt}` }),
        );
        expect(error.status).toBe(403);
        expect(error.response?.headers["retry-after"]).toBe("1");
        expect(error.message).toContain(SECONDARY_RATE_LIMIT_MESSAGE);
      }
      await octokit.rest.issues.create({ owner, repo: repoName, title: "t3" });
      expect(repo.issues().map((issue) => issue.title)).toEqual(["t3"]);
    });
  });

  describe("contents", () => {
    it("round-trips UTF-8 with umlauts through base64, per branch", async () => {
      const text = "# Größenprüfung\n\n- [ ] Übergabe an Jürgen ✓\n";
      repo.setFile("main", "docs/plan.md", text);
      repo.setFile("feature/x", "docs/plan.md", "anders\n");

      const { data } = await octokit.rest.repos.getContent({
        owner,
        repo: repoName,
        path: "docs/plan.md",
      });
      if (Array.isArray(data) || data.type !== "file") throw new Error("expected a file");
      expect(data.encoding).toBe("base64");
      expect(Buffer.from(data.content, "base64").toString("utf8")).toBe(text);
      expect(data.sha).toMatch(/^[0-9a-f]{40}$/);

      const { data: onBranch } = await octokit.rest.repos.getContent({
        owner,
        repo: repoName,
        path: "docs/plan.md",
        ref: "feature/x",
      });
      if (Array.isArray(onBranch) || onBranch.type !== "file") throw new Error("expected a file");
      expect(Buffer.from(onBranch.content, "base64").toString("utf8")).toBe("anders\n");

      const raw = await octokit.rest.repos.getContent({
        owner,
        repo: repoName,
        path: "docs/plan.md",
        mediaType: { format: "raw" },
      });
      expect(raw.data as unknown).toBe(text);

      const { data: listing } = await octokit.rest.repos.getContent({
        owner,
        repo: repoName,
        path: "docs",
      });
      expect(Array.isArray(listing) ? listing.map((entry) => entry.path) : []).toEqual([
        "docs/plan.md",
      ]);

      const missing = await failure(
        octokit.rest.repos.getContent({ owner, repo: repoName, path: "nope.md" }),
      );
      expect(missing.status).toBe(404);
      expect(fake.violations).toEqual([]);
    });
  });

  describe("git data", () => {
    it("commits blob → tree → commit → ref, and compare lists the changed files", async () => {
      const base = repo.branchSha("main")!;
      const { data: ref } = await octokit.rest.git.getRef({
        owner,
        repo: repoName,
        ref: "heads/main",
      });
      expect(ref.object.sha).toBe(base);
      const { data: baseCommit } = await octokit.rest.git.getCommit({
        owner,
        repo: repoName,
        commit_sha: base,
      });

      const { data: blob } = await octokit.rest.git.createBlob({
        owner,
        repo: repoName,
        content: "- [x] Schritt 1 – erledigt\n",
        encoding: "utf-8",
      });
      const { data: tree } = await octokit.rest.git.createTree({
        owner,
        repo: repoName,
        base_tree: baseCommit.tree.sha,
        tree: [{ path: "docs/plan.md", mode: "100644", type: "blob", sha: blob.sha }],
      });
      const { data: commit } = await octokit.rest.git.createCommit({
        owner,
        repo: repoName,
        message: "Nova: update plan",
        tree: tree.sha,
        parents: [base],
      });
      await octokit.rest.git.createRef({
        owner,
        repo: repoName,
        ref: "refs/heads/nova/write-back",
        sha: base,
      });
      await octokit.rest.git.updateRef({
        owner,
        repo: repoName,
        ref: "heads/nova/write-back",
        sha: commit.sha,
      });

      expect(repo.getFile("nova/write-back", "docs/plan.md")).toBe("- [x] Schritt 1 – erledigt\n");
      expect(repo.getFile("nova/write-back", "README.md")).toBe("# Plan\n");

      const { data: comparison } = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo: repoName,
        basehead: "main...nova/write-back",
      });
      expect(comparison).toMatchObject({ status: "ahead", ahead_by: 1, behind_by: 0 });
      expect(comparison.files?.map((file) => [file.filename, file.status])).toEqual([
        ["docs/plan.md", "added"],
      ]);

      const { data: refs } = await octokit.rest.git.listMatchingRefs({
        owner,
        repo: repoName,
        ref: "heads/nova/",
      });
      expect(refs.map((r) => r.ref)).toEqual(["refs/heads/nova/write-back"]);

      // Moving the branch back is not a fast forward.
      const notFastForward = await failure(
        octokit.rest.git.updateRef({
          owner,
          repo: repoName,
          ref: "heads/nova/write-back",
          sha: base,
        }),
      );
      expect(notFastForward.status).toBe(422);
      const exists = await failure(
        octokit.rest.git.createRef({ owner, repo: repoName, ref: "refs/heads/main", sha: base }),
      );
      expect(exists.message).toContain("Reference already exists");
      expect(fake.violations).toEqual([]);
    });

    it("computes real git object ids", () => {
      const empty = fake.seedRepo({ owner, name: "empty", installationId: INSTALLATION });
      // `git hash-object` of "hello\n" and the empty tree's well-known id.
      expect(empty.git.store.writeBlob(Buffer.from("hello\n"))).toBe(
        "ce013625030ba8dba906f756967f9e9ca394464a",
      );
      expect(empty.git.store.writeTree([])).toBe("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
    });

    it("returns a push payload from pushCommit that matches the new branch head", async () => {
      const push = repo.pushCommit({
        files: { "docs/plan.md": "neu\n", "README.md": null },
        message: "Plan anlegen",
        author: { login: "jana" },
      });
      expect(push).toMatchObject({
        ref: "refs/heads/main",
        after: repo.branchSha("main"),
        repository: {
          name: repoName,
          full_name: "acme/plan",
          owner: { login: "acme" },
          default_branch: "main",
        },
        installation: { id: INSTALLATION },
        sender: { login: "jana" },
      });
      expect(push.commits).toEqual([
        expect.objectContaining({ added: ["docs/plan.md"], removed: ["README.md"], modified: [] }),
      ]);
      expect(push.head_commit?.id).toBe(push.after);
      const { data } = await octokit.rest.repos.getCommit({
        owner,
        repo: repoName,
        ref: push.after,
      });
      expect(data.files?.map((file) => file.filename).sort()).toEqual([
        "README.md",
        "docs/plan.md",
      ]);
    });
  });

  describe("comments, reactions, permissions, checks and pull requests", () => {
    it("comments and reacts (201 new, 200 existing)", async () => {
      const { data: issue } = await octokit.rest.issues.create({
        owner,
        repo: repoName,
        title: "t",
      });
      repo.addComment(issue.number, "/nova progress", { by: "jana" });
      const { data: comments } = await octokit.rest.issues.listComments({
        owner,
        repo: repoName,
        issue_number: issue.number,
      });
      const commentId = comments[0]!.id;
      const first = await octokit.rest.reactions.createForIssueComment({
        owner,
        repo: repoName,
        comment_id: commentId,
        content: "eyes",
      });
      const second = await octokit.rest.reactions.createForIssueComment({
        owner,
        repo: repoName,
        comment_id: commentId,
        content: "eyes",
      });
      expect([first.status, second.status]).toEqual([201, 200]);
      const { data: reply } = await octokit.rest.issues.createComment({
        owner,
        repo: repoName,
        issue_number: issue.number,
        body: "Fortschritt: 0 %",
      });
      await octokit.rest.issues.updateComment({
        owner,
        repo: repoName,
        comment_id: reply.id,
        body: "Fortschritt: 50 %",
      });
      expect(
        repo.comments(issue.number).map((c) => [c.body, (c.user as { login: string }).login]),
      ).toEqual([
        ["/nova progress", "jana"],
        ["Fortschritt: 50 %", "nova-test[bot]"],
      ]);
    });

    it("reports collaborator permissions", async () => {
      repo.setPermission("jana", "maintain");
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
        owner,
        repo: repoName,
        username: "jana",
      });
      expect(data).toMatchObject({
        permission: "write",
        role_name: "maintain",
        user: { login: "jana" },
      });
      const { data: stranger } = await octokit.rest.repos.getCollaboratorPermissionLevel({
        owner,
        repo: repoName,
        username: "someone",
      });
      expect(stranger.permission).toBe("read");
    });

    it("creates, updates and lists check runs", async () => {
      const headSha = repo.branchSha("main")!;
      const { data: run } = await octokit.rest.checks.create({
        owner,
        repo: repoName,
        name: "nova/gpu",
        head_sha: headSha,
        status: "in_progress",
      });
      await octokit.rest.checks.update({
        owner,
        repo: repoName,
        check_run_id: run.id,
        conclusion: "success",
        output: { title: "GPU ok", summary: "Alles gut" },
      });
      const { data } = await octokit.rest.checks.listForRef({ owner, repo: repoName, ref: "main" });
      expect(data.total_count).toBe(1);
      expect(data.check_runs[0]).toMatchObject({
        name: "nova/gpu",
        status: "completed",
        conclusion: "success",
        output: { title: "GPU ok", summary: "Alles gut" },
      });
      expect(fake.violations).toEqual([]);
    });

    it("opens, finds, updates and refuses duplicate pull requests", async () => {
      repo.setFile("nova/report", "report.md", "Bericht\n");
      const { data: pull } = await octokit.rest.pulls.create({
        owner,
        repo: repoName,
        title: "Nova: Statusbericht",
        head: "nova/report",
        base: "main",
        body: "<!-- nova:pr kind=report -->",
      });
      expect(pull.user?.login).toBe("nova-test[bot]");
      const duplicate = await failure(
        octokit.rest.pulls.create({
          owner,
          repo: repoName,
          title: "again",
          head: "nova/report",
          base: "main",
        }),
      );
      expect(duplicate.status).toBe(422);
      const { data: found } = await octokit.rest.pulls.list({
        owner,
        repo: repoName,
        head: "acme:nova/report",
      });
      expect(found.map((p) => p.number)).toEqual([pull.number]);
      const { data: updated } = await octokit.rest.pulls.update({
        owner,
        repo: repoName,
        pull_number: pull.number,
        body: "neu",
      });
      expect(updated).toMatchObject({ title: "Nova: Statusbericht", body: "neu", state: "open" });

      const closed = repo.mergePull(pull.number, { by: "jana" });
      expect(closed.pull_request).toMatchObject({ merged: true, state: "closed" });
      expect(repo.getFile("main", "report.md")).toBe("Bericht\n");
      expect(fake.violations).toEqual([]);
    });
  });

  describe("apps", () => {
    it("answers the app endpoints with the app's JWT and the installation's repositories with its token", async () => {
      const response = await fetch(`${fake.url}/app`, {
        headers: { authorization: "Bearer aaa.bbb.ccc" },
      });
      expect(await response.json()).toMatchObject({ slug: "nova-test", id: 1 });
      const { data } = await octokit.rest.apps.listReposAccessibleToInstallation();
      expect(data.repositories.map((r) => r.full_name)).toEqual(["acme/plan"]);

      const misuse = await failure(octokit.rest.apps.getAuthenticated());
      expect(misuse.status).toBe(401);
      expect(fake.violations.map((v) => v.kind)).toEqual(["wrong-credentials"]);
    });
  });
});
