import { clearExistingPathsCache } from "../../src/sync/find-existing-paths.js";
import type {
  CheckRunWrite,
  IssueWrite,
  ObservedCheckRun,
  ObservedComment,
  ObservedIssue,
  ObservedLabel,
  ObservedMilestone,
} from "../../src/github/vocabulary.js";
import type { GitHubPort } from "../../src/github/github-api.js";
import { GitHubError } from "../../src/github/github-error.js";

/**
 * An in-memory GitHub for unit tests of the sync use-case: it keeps issues, labels, comments
 * and files, and logs every call so tests can assert which writes happened.
 */
export class MemoryPort implements GitHubPort {
  issues: ObservedIssue[] = [];
  labels: ObservedLabel[] = [];
  comments: Array<{ issue: number; body: string }> = [];
  files = new Map<string, string>();
  checkRuns: CheckRunWrite[] = [];
  calls: string[] = [];
  /** Writes only (create/update/comment/check). */
  writes: string[] = [];

  constructor(readonly botLogin = "nova-test[bot]") {
    // The answer for a commit is cached per process because a commit never changes; fake worlds
    // reuse commit shas with other files, so each new one starts without that cache.
    clearExistingPathsCache();
  }

  /** A file at any ref. */
  setFile(path: string, text: string): void {
    this.files.set(path, text);
  }

  /** An issue written by someone else (a human by default). */
  addForeignIssue(issue: Partial<ObservedIssue> & { title: string; body: string }): ObservedIssue {
    const created: ObservedIssue = {
      id: 10_000 + this.issues.length + 1,
      number: this.issues.length + 1,
      state: "open",
      stateReason: null,
      labels: [],
      author: "alice",
      assignees: [],
      htmlUrl: "",
      closedAt: null,
      ...issue,
    };
    this.issues.push(created);
    return created;
  }

  /** What a human does in the UI: change an issue without going through the sync. */
  humanEdit(number: number, changes: Partial<ObservedIssue>): void {
    const issue = this.issues.find((candidate) => candidate.number === number)!;
    Object.assign(issue, changes);
  }

  listIssuesWithLabel(label: string): Promise<ObservedIssue[]> {
    this.calls.push(`list-issues ${label}`);
    return Promise.resolve(
      this.issues
        .filter((issue) => issue.labels.some((name) => name.toLowerCase() === label.toLowerCase()))
        .map((issue) => ({ ...issue, labels: [...issue.labels] })),
    );
  }

  createLabel(label: ObservedLabel): Promise<boolean> {
    this.record(`create-label ${label.name}`);
    if (this.labels.some((known) => known.name.toLowerCase() === label.name.toLowerCase()))
      return Promise.resolve(false);
    this.labels.push({ ...label });
    return Promise.resolve(true);
  }

  updateLabel(currentName: string, label: ObservedLabel): Promise<void> {
    this.record(`update-label ${currentName}`);
    const known = this.labels.find((candidate) => candidate.name === currentName)!;
    Object.assign(known, label);
    return Promise.resolve();
  }

  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<ObservedIssue> {
    this.record(`create-issue ${issue.title}`);
    const created: ObservedIssue = {
      id: 10_000 + this.issues.length + 1,
      number: this.issues.length + 1,
      title: issue.title,
      body: issue.body,
      state: "open",
      stateReason: null,
      labels: this.resolveLabels(issue.labels),
      author: this.botLogin,
      assignees: [],
      htmlUrl: `https://github.com/acme/dgx/issues/${this.issues.length + 1}`,
      closedAt: null,
    };
    this.issues.push(created);
    return Promise.resolve({ ...created });
  }

  updateIssue(number: number, changes: IssueWrite): Promise<ObservedIssue> {
    this.record(`update-issue #${number} ${Object.keys(changes).sort().join(",")}`);
    const issue = this.issues.find((candidate) => candidate.number === number)!;
    if (changes.title !== undefined) issue.title = changes.title;
    if (changes.body !== undefined) issue.body = changes.body;
    if (changes.labels !== undefined) issue.labels = this.resolveLabels(changes.labels);
    if (changes.state !== undefined) {
      issue.state = changes.state;
      issue.stateReason =
        changes.state === "closed" ? (changes.stateReason ?? "completed") : "reopened";
    }
    return Promise.resolve({ ...issue, labels: [...issue.labels] });
  }

  getIssue(number: number): Promise<ObservedIssue | null> {
    this.calls.push(`get-issue #${number}`);
    const issue = this.issues.find((candidate) => candidate.number === number);
    return Promise.resolve(issue ? { ...issue, labels: [...issue.labels] } : null);
  }

  createComment(issueNumber: number, body: string): Promise<ObservedComment> {
    this.record(`comment #${issueNumber}`);
    this.comments.push({ issue: issueNumber, body });
    const id = this.comments.length;
    return Promise.resolve({
      id,
      author: this.botLogin,
      body,
      htmlUrl: `https://github.com/acme/dgx/issues/${issueNumber}#issuecomment-${id}`,
    });
  }

  getFileText(path: string): Promise<string | null> {
    this.calls.push(`get-file ${path}`);
    return Promise.resolve(this.files.get(path) ?? null);
  }

  listChangedFiles(): Promise<string[]> {
    this.calls.push("compare");
    return Promise.resolve([]);
  }

  createCheckRun(run: CheckRunWrite): Promise<ObservedCheckRun> {
    this.record(`check-run ${run.name}`);
    this.checkRuns.push(run);
    return Promise.resolve(this.toCheckRun(this.checkRuns.length - 1));
  }

  config: unknown = null;

  listTreePaths(sha: string): Promise<{ paths: string[]; truncated: boolean }> {
    this.calls.push(`tree ${sha}`);
    const paths = new Set<string>();
    for (const file of this.files.keys()) {
      const parts = file.split("/");
      for (let end = 1; end <= parts.length; end++) paths.add(parts.slice(0, end).join("/"));
    }
    return Promise.resolve({ paths: [...paths], truncated: false });
  }

  findLatestCheckRun(ref: string, name: string): Promise<ObservedCheckRun | null> {
    this.calls.push(`find-check-run ${name}`);
    const sha = ref === "main" ? this.branchSha : ref;
    const index = this.checkRuns.findLastIndex((run) => run.name === name && run.headSha === sha);
    return Promise.resolve(index < 0 ? null : this.toCheckRun(index));
  }

  branchSha = "1".repeat(40);
  pullRequestFiles: string[] = [];

  readConfig(): Promise<unknown> {
    this.calls.push("read-config");
    return Promise.resolve(this.config);
  }

  getRepository(): Promise<{ defaultBranch: string; htmlUrl: string }> {
    this.calls.push("get-repo");
    return Promise.resolve({ defaultBranch: "main", htmlUrl: "https://github.com/acme/dgx" });
  }

  getBranchSha(): Promise<string> {
    this.calls.push("get-branch");
    return Promise.resolve(this.branchSha);
  }

  listPullRequestFiles(): Promise<string[]> {
    this.calls.push("list-pr-files");
    return Promise.resolve(this.pullRequestFiles);
  }

  /** GitHub applies an existing label whose name matches in any case. */
  // A server without sub-issues, dependencies or milestones: their routes answer 404, which the
  // sync must take as "not here" and fall back to labels (never a failed sync).
  listSubIssues(): Promise<ObservedIssue[]> {
    return this.missing("listSubIssues");
  }

  addSubIssue(): Promise<boolean> {
    return this.missing("addSubIssue");
  }

  reprioritizeSubIssue(): Promise<void> {
    return this.missing("reprioritizeSubIssue");
  }

  listBlockedBy(): Promise<ObservedIssue[]> {
    return this.missing("listBlockedBy");
  }

  addBlockedBy(): Promise<boolean> {
    return this.missing("addBlockedBy");
  }

  removeBlockedBy(): Promise<void> {
    return this.missing("removeBlockedBy");
  }

  listMilestones(): Promise<ObservedMilestone[]> {
    return this.missing("listMilestones");
  }

  createMilestone(): Promise<ObservedMilestone | null> {
    return this.missing("createMilestone");
  }

  updateMilestone(): Promise<ObservedMilestone> {
    return this.missing("updateMilestone");
  }

  canBeAssigned(): Promise<boolean> {
    this.record("canBeAssigned");
    return Promise.resolve(false);
  }

  private missing(call: string): Promise<never> {
    this.record(call);
    return Promise.reject(new GitHubError("Not Found", 404, null, "not-found"));
  }

  private toCheckRun(index: number): ObservedCheckRun {
    return {
      id: index + 1,
      externalId: this.checkRuns[index]!.externalId ?? null,
      htmlUrl: `https://github.com/acme/dgx/runs/${index + 1}`,
    };
  }

  private resolveLabels(names: readonly string[]): string[] {
    return names.map(
      (name) =>
        this.labels.find((label) => label.name.toLowerCase() === name.toLowerCase())?.name ?? name,
    );
  }

  private record(call: string): void {
    this.calls.push(call);
    this.writes.push(call);
  }
}
