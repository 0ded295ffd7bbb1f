import { readFileSync } from "node:fs";
import type { Probot } from "probot";
import { STATUS_BRANCH } from "../../src/bot-pr/bot-pr-names.js";
import { parseSectionMarker, parseTaskMarker } from "../../src/github/hidden-markers.js";
import { createManualClock, FakeGitHub } from "../../test/fake-github/index.js";
import { startNova } from "../../test/integration/start-nova.js";
import { projectStoreOf } from "../../test/fake-github/graphql/index.js";

/**
 * Nova's real output for the README's pictures: the app itself (`createNova` in Probot) against
 * the fake GitHub in test/fake-github/, on the bundled plan, as a team would use it. Nothing here
 * writes Markdown: every text below is what Nova posted, opened or stored.
 */

export interface IssueView {
  number: number;
  title: string;
  state: "open" | "closed";
  labels: string[];
  body: string;
  /** The milestone's title and due date (YYYY-MM-DD), as GitHub shows it beside the issue. */
  milestone: { title: string; dueOn: string | null } | null;
  /** The parent issue (a task's section issue), as GitHub shows it above the title. */
  parent: { number: number; title: string; state: "open" | "closed" } | null;
  /** The sub-issues in their order on GitHub (a section issue's tasks). */
  subIssues: Array<{ number: number; title: string; state: "open" | "closed" }>;
}

export interface BoardCard {
  number: number;
  title: string;
  /** The board's field values by field name (Status, Bereich, Reihenfolge, Rolle, Ziel). */
  values: Record<string, string | number>;
  /** GitHub's built-in "Sub-issues progress" for a section issue; null without sub-issues. */
  subIssues: { completed: number; total: number } | null;
}

export interface NovaOutput {
  repository: string;
  progressReply: string;
  stepPlanReply: string;
  issue: IssueView;
  sectionIssue: IssueView;
  statusPull: { number: number; title: string; body: string; report: string; reportPath: string };
  board: { title: string; statusOptions: string[]; cards: BoardCard[] };
}

const PLAN = "docs/dgx-spark-plan.md";
const CONFIG = ".github/nova.yml";

/** The team's settings (docs/configuration.md): delivery date, roles, a board, daily reports. */
const NOVA_YML = `checklist: ${PLAN}
delivery: 2026-12-18
holidays: [2026-12-24, 2026-12-25]
roles:
  Plattform:
    sections: [1, 6]
  ML:
    sections: [2, 3]
  Agenten:
    sections: [4]
  Betrieb:
    sections: [5]
project:
  owner: acme
  title: DGX Spark Vorbereitung
  create: true
status:
  schedule: "0 6 * * 1-5"
  timezone: Europe/Berlin
`;

/** Tasks a person closes before the pictures are taken (by title in the bundled plan). */
const CLOSED = [
  "DGX Setup Playbook erstellen",
  "NeMo/LLM Installationsprofile",
  "Grafana Dashboard Templates",
  "Issue- und Projektstruktur bereinigen",
];
/** A task someone is working on (assigned: "In Progress" on the board). */
const ASSIGNED = "NVIDIA Treiber + CUDA Installationsskript vorbereiten";

export async function runNova(root: URL): Promise<NovaOutput> {
  const bundled = readFileSync(new URL(PLAN, root), "utf8");
  // Monday 23 November 2026, 09:00 in Berlin.
  const clock = createManualClock("2026-11-23T08:00:00Z");
  const fake = await FakeGitHub.start({ clock });
  try {
    const repo = fake.seedRepo({
      owner: "acme",
      name: "dgx",
      installationId: 42,
      ownerType: "Organization",
      files: { "README.md": "# dgx\n" },
    });
    const services = await startNova(fake, {
      statusSchedule: false,
      now: () => clock.now().getTime(),
    });
    let deliveries = 0;
    const receive = async (name: string, payload: unknown) => {
      await services.receive({ id: `d-${++deliveries}`, name, payload } as Parameters<
        Probot["receive"]
      >[0]);
    };

    // The team pushes the plan and the settings: Nova creates labels, issues and the board.
    await receive("push", repo.pushCommit({ files: { [PLAN]: bundled, [CONFIG]: NOVA_YML } }));
    const issues = () =>
      repo.issues() as unknown as Array<{
        number: number;
        title: string;
        body: string | null;
        labels: Array<{ name: string }>;
      }>;
    const taskIssue = (title: string) => {
      const issue = issues().find(
        (candidate) => candidate.title === title && parseTaskMarker(candidate.body ?? "") !== null,
      );
      if (!issue) throw new Error(`no task issue "${title}"`);
      return issue;
    };

    // A day's work: four tasks closed, one assigned.
    for (const title of CLOSED) await receive("issues", repo.closeIssue(taskIssue(title).number));
    const assigned = taskIssue(ASSIGNED).number;
    await receive("issues", repo.assignIssue(assigned, "alice"));

    // Someone asks on an issue.
    repo.setPermission("alice", "write");
    const question = Number(repo.addIssue({ title: "Wo stehen wir?" }).number);
    const ask = async (command: string) => {
      await receive("issue_comment", repo.addComment(question, command, { by: "alice" }));
      const replies = (
        repo.comments(question) as unknown as Array<{ body: string; user: { login: string } }>
      ).filter((reply) => reply.user.login === fake.botLogin);
      const last = replies.at(-1);
      if (!last) throw new Error(`no reply to ${command}`);
      return last.body;
    };
    const progressReply = await ask("/nova progress");
    const stepPlanReply = await ask("/nova step-plan");

    // The next morning at 06:00 in Berlin: the status report's pull request.
    clock.set("2026-11-24T05:00:00Z");
    await services.botPrs.tick();
    await services.settled();
    const pull = (
      repo.pulls() as unknown as Array<{
        number: number;
        title: string;
        body: string | null;
        state: string;
        head: { ref: string; sha: string };
      }>
    ).find((candidate) => candidate.head.ref === STATUS_BRANCH && candidate.state === "open");
    if (!pull) throw new Error("no status pull request");
    const files = repo.git.filesAt(repo.git.resolveCommit(pull.head.sha)!);
    const reportPath = [...files.keys()]
      .filter((path) => path.startsWith("reports/") && !path.endsWith("index.md"))
      .sort()
      .at(-1);
    if (!reportPath) throw new Error("no status report file");
    const report = repo.getFile(pull.head.sha, reportPath) ?? "";

    const view = (number: number): IssueView => {
      const issue = repo.issue(number) as unknown as {
        number: number;
        title: string;
        state: "open" | "closed";
        body: string | null;
        labels: Array<{ name: string }>;
        milestone: { title: string; due_on: string | null } | null;
        parent_issue_url?: string | null;
      };
      const parentNumber = Number(issue.parent_issue_url?.split("/").at(-1) ?? Number.NaN);
      const brief = (other: number) => {
        const { title, state } = repo.issue(other) as { title: string; state: "open" | "closed" };
        return { number: other, title, state };
      };
      return {
        number: issue.number,
        title: issue.title,
        state: issue.state,
        labels: issue.labels.map((label) => label.name),
        body: issue.body ?? "",
        milestone: issue.milestone
          ? { title: issue.milestone.title, dueOn: issue.milestone.due_on?.slice(0, 10) ?? null }
          : null,
        parent: Number.isInteger(parentNumber) ? brief(parentNumber) : null,
        subIssues: repo.subIssueNumbers(number).map(brief),
      };
    };
    const shown = taskIssue("Inference-Skripte vorbereiten");
    const parentOfFirst = view(taskIssue(CLOSED[0]!).number).parent;
    const section = issues().find(
      (candidate) =>
        candidate.number === parentOfFirst?.number &&
        parseSectionMarker(candidate.body ?? "") !== null,
    );
    if (!section) throw new Error("no section issue above the first closed task");
    const store = projectStoreOf(fake.state);
    const project = store.projects[0];
    if (!project) throw new Error("no board");
    const cards = project.items.flatMap((item): BoardCard[] => {
      if (item.content.kind !== "issue") return [];
      const number = item.content.number;
      const values = store.readValues(project, item) as Record<string, string | number>;
      const issue = repo.issue(number) as {
        title: string;
        sub_issues_summary?: { completed: number; total: number };
      };
      const summary = issue.sub_issues_summary;
      const subIssues = summary && summary.total > 0 ? summary : null;
      return [{ number, title: issue.title, values, subIssues }];
    });
    if (fake.violations.length > 0) {
      throw new Error(`the fake GitHub saw violations: ${JSON.stringify(fake.violations)}`);
    }
    return {
      repository: repo.fullName,
      progressReply,
      stepPlanReply,
      issue: view(shown.number),
      sectionIssue: view(section.number),
      statusPull: {
        number: pull.number,
        title: pull.title,
        body: pull.body ?? "",
        report,
        reportPath,
      },
      board: {
        title: project.title,
        statusOptions: store.field(project, "Status").options.map((option) => option.name),
        cards,
      },
    };
  } finally {
    await fake.close();
  }
}
