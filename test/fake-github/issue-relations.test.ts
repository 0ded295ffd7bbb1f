import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { createTestOctokit } from "./create-test-probot.js";
import { FakeGitHub } from "./fake-github.js";
import type { FakeRepo } from "./fake-repo.js";

const owner = "acme";
const repoName = "plan";
const INSTALLATION = 42;
const base = { owner, repo: repoName };

/** The status of a request expected to fail. */
async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && "status" in error) return (error as { status: number }).status;
    throw error;
  }
  throw new Error("expected the request to fail");
}

for (const server of ["github.com", "ghes-3.19"] as const) {
  describe(`sub-issues, dependencies and milestones in the fake (${server})`, () => {
    let fake: FakeGitHub;
    let repo: FakeRepo;
    let octokit: InstanceType<typeof ProbotOctokit>;

    beforeAll(async () => {
      fake = await FakeGitHub.start({ server });
    });
    afterAll(() => fake.close());
    beforeEach(() => {
      fake.reset();
      repo = fake.seedRepo({ owner, name: repoName, installationId: INSTALLATION, files: {} });
      const TestOctokit = createTestOctokit();
      octokit = new TestOctokit({
        auth: { token: fake.createInstallationToken(INSTALLATION) },
        baseUrl: fake.url,
      });
    });

    async function createIssues(count: number) {
      const issues = [];
      for (let i = 1; i <= count; i++) {
        issues.push((await octokit.rest.issues.create({ ...base, title: `Issue ${i}` })).data);
      }
      return issues;
    }

    if (server === "github.com") {
      it("keeps sub-issues in order, with one parent each, by issue id", async () => {
        const [parent, a, b, c, other] = await createIssues(5);
        for (const child of [a!, b!, c!]) {
          await octokit.rest.issues.addSubIssue({
            ...base,
            issue_number: parent!.number,
            sub_issue_id: child.id,
          });
        }
        expect(repo.subIssueNumbers(parent!.number)).toEqual([a!.number, b!.number, c!.number]);
        // A number is not an id.
        expect(
          await statusOf(
            octokit.rest.issues.addSubIssue({
              ...base,
              issue_number: other!.number,
              sub_issue_id: a!.number,
            }),
          ),
        ).toBe(422);
        // One parent: a second parent needs replace_parent.
        expect(
          await statusOf(
            octokit.rest.issues.addSubIssue({
              ...base,
              issue_number: other!.number,
              sub_issue_id: a!.id,
            }),
          ),
        ).toBe(422);
        await octokit.rest.issues.addSubIssue({
          ...base,
          issue_number: other!.number,
          sub_issue_id: a!.id,
          replace_parent: true,
        });
        expect(repo.subIssueNumbers(parent!.number)).toEqual([b!.number, c!.number]);
        await octokit.rest.issues.reprioritizeSubIssue({
          ...base,
          issue_number: parent!.number,
          sub_issue_id: c!.id,
          before_id: b!.id,
        });
        expect(repo.subIssueNumbers(parent!.number)).toEqual([c!.number, b!.number]);

        const listed = await octokit.rest.issues.listForRepo({ ...base, state: "all" });
        const byNumber = new Map(listed.data.map((issue) => [issue.number, issue]));
        expect(byNumber.get(parent!.number)?.sub_issues_summary).toEqual({
          total: 2,
          completed: 0,
          percent_completed: 0,
        });
        expect(byNumber.get(a!.number)?.parent_issue_url).toBe(
          `${fake.url}/repos/acme/plan/issues/${other!.number}`,
        );
        await octokit.rest.issues.removeSubIssue({
          ...base,
          issue_number: parent!.number,
          sub_issue_id: b!.id,
        });
        const { data } = await octokit.rest.issues.listSubIssues({
          ...base,
          issue_number: parent!.number,
        });
        expect(data.map((issue) => issue.number)).toEqual([c!.number]);
        expect(fake.violations).toEqual([]);
      });

      it("refuses cycles, more than 100 sub-issues and more than 8 levels", async () => {
        const chain = await createIssues(9);
        for (let i = 0; i < 7; i++) {
          await octokit.rest.issues.addSubIssue({
            ...base,
            issue_number: chain[i]!.number,
            sub_issue_id: chain[i + 1]!.id,
          });
        }
        // Eight levels exist; a ninth is refused.
        expect(
          await statusOf(
            octokit.rest.issues.addSubIssue({
              ...base,
              issue_number: chain[7]!.number,
              sub_issue_id: chain[8]!.id,
            }),
          ),
        ).toBe(422);
        expect(
          await statusOf(
            octokit.rest.issues.addSubIssue({
              ...base,
              issue_number: chain[3]!.number,
              sub_issue_id: chain[0]!.id,
            }),
          ),
        ).toBe(422);
        const [parent, ...children] = await createIssues(102);
        for (const child of children.slice(0, 100)) {
          await octokit.rest.issues.addSubIssue({
            ...base,
            issue_number: parent!.number,
            sub_issue_id: child.id,
          });
        }
        expect(
          await statusOf(
            octokit.rest.issues.addSubIssue({
              ...base,
              issue_number: parent!.number,
              sub_issue_id: children[100]!.id,
            }),
          ),
        ).toBe(422);
      });
    } else {
      it("has no sub-issues: 404 on the route, no fields in the listing", async () => {
        const [parent, child] = await createIssues(2);
        expect(
          await statusOf(
            octokit.rest.issues.addSubIssue({
              ...base,
              issue_number: parent!.number,
              sub_issue_id: child!.id,
            }),
          ),
        ).toBe(404);
        const { data } = await octokit.rest.issues.listForRepo({ ...base });
        expect(data[0]).not.toHaveProperty("sub_issues_summary");
        expect(data[0]).not.toHaveProperty("parent_issue_url");
        expect(data[0]).toHaveProperty("issue_dependencies_summary");
        expect(fake.violations).toEqual([]);
      });
    }

    it("records blocked-by dependencies by id; an issue cannot block itself", async () => {
      const [blocked, blocker] = await createIssues(2);
      expect(
        await statusOf(
          octokit.rest.issues.addBlockedByDependency({
            ...base,
            issue_number: blocked!.number,
            issue_id: blocked!.id,
          }),
        ),
      ).toBe(422);
      expect(
        await statusOf(
          octokit.rest.issues.addBlockedByDependency({
            ...base,
            issue_number: blocked!.number,
            issue_id: blocker!.number,
          }),
        ),
      ).toBe(422);
      await octokit.rest.issues.addBlockedByDependency({
        ...base,
        issue_number: blocked!.number,
        issue_id: blocker!.id,
      });
      const { data } = await octokit.rest.issues.get({ ...base, issue_number: blocked!.number });
      expect(data.issue_dependencies_summary).toEqual({
        blocked_by: 1,
        blocking: 0,
        total_blocked_by: 1,
        total_blocking: 0,
      });
      await octokit.rest.issues.removeDependencyBlockedBy({
        ...base,
        issue_number: blocked!.number,
        issue_id: blocker!.id,
      });
      expect(repo.blockedByNumbers(blocked!.number)).toEqual([]);
      expect(fake.violations).toEqual([]);
    });

    it("keeps milestones with unique titles and a due date, shown on their issues", async () => {
      const { data: milestone } = await octokit.rest.issues.createMilestone({
        ...base,
        title: "DGX Spark Lieferung",
        due_on: "2025-02-14T00:00:00Z",
        description: "von Nova",
      });
      expect(
        await statusOf(
          octokit.rest.issues.createMilestone({ ...base, title: "DGX Spark Lieferung" }),
        ),
      ).toBe(422);
      const { data: issue } = await octokit.rest.issues.create({
        ...base,
        title: "Task",
        milestone: milestone.number,
      });
      expect(issue.milestone).toMatchObject({ title: "DGX Spark Lieferung", open_issues: 1 });
      await octokit.rest.issues.updateMilestone({
        ...base,
        milestone_number: milestone.number,
        due_on: "2025-02-21T00:00:00Z",
      });
      const { data: all } = await octokit.rest.issues.listMilestones({ ...base, state: "all" });
      expect(all.map((m) => m.due_on)).toEqual(["2025-02-21T00:00:00Z"]);
      expect(fake.violations).toEqual([]);
    });
  });
}
