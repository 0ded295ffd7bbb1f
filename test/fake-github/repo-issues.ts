import { GitHubError, notFound, validationFailed } from "./github-error.js";
import { IssueRelations } from "./issue-relations.js";
import type { RepoContext } from "./repo-context.js";
import type {
  CommentRecord,
  IssueRecord,
  IssueState,
  LabelRecord,
  MilestoneRecord,
  ReactionContent,
  ReactionRecord,
  StateReason,
  UserRecord,
} from "./records.js";

/** A label as a request names it: a string or an object with `name`. */
export type LabelInput = string | { name?: string };

export interface NewIssue {
  title: string;
  body?: string | null;
  labels?: LabelInput[];
  assignees?: string[];
  milestone?: number | null;
  user: UserRecord;
}

/** The fields of `PATCH /issues/{n}` Nova may send; absent fields stay as they are. */
export interface IssueChanges {
  title?: string | number | null;
  body?: string | null;
  state?: IssueState;
  state_reason?: StateReason | null;
  labels?: LabelInput[];
  assignees?: string[];
  assignee?: string | null;
  milestone?: number | string | null;
}

export interface LabelInputFields {
  name: string;
  color?: string;
  description?: string | null;
}

/** GitHub's color for a label created implicitly by naming it on an issue. */
export const IMPLICIT_LABEL_COLOR = "ededed";

/**
 * Issues (and the issue side of pull requests), labels, comments and reactions of one
 * repository, with the rules GitHub applies when they change.
 */
export class RepoIssues {
  readonly issues: IssueRecord[] = [];
  readonly labels: LabelRecord[] = [];
  readonly comments: CommentRecord[] = [];
  readonly reactions: ReactionRecord[] = [];
  readonly milestones: MilestoneRecord[] = [];
  #nextNumber = 1;
  #nextMilestoneNumber = 1;

  /** Sub-issues and dependencies between these issues. */
  readonly relations = new IssueRelations(this);

  constructor(private readonly state: Pick<RepoContext, "nextId" | "now">) {}

  /** The fake's current time (for records that change). */
  now(): string {
    return this.state.now();
  }

  /** The next issue/pull request number (they share one sequence). */
  takeNumber(): number {
    const number = this.#nextNumber;
    this.#nextNumber += 1;
    return number;
  }

  findIssue(number: number): IssueRecord | undefined {
    return this.issues.find((issue) => issue.number === number);
  }

  requireIssue(number: number): IssueRecord {
    const issue = this.findIssue(number);
    if (issue === undefined) throw notFound();
    return issue;
  }

  /** A label by name, case-insensitively (GitHub's label names are unique ignoring case). */
  findLabel(name: string): LabelRecord | undefined {
    const key = name.toLowerCase();
    return this.labels.find((label) => label.name.toLowerCase() === key);
  }

  labelById(id: number): LabelRecord | undefined {
    return this.labels.find((label) => label.id === id);
  }

  /** Creates a label; a name that exists in any case is 422 `already_exists`, as on GitHub. */
  createLabel(fields: LabelInputFields): LabelRecord {
    if (this.findLabel(fields.name) !== undefined) {
      throw validationFailed({ resource: "Label", code: "already_exists", field: "name" });
    }
    const label: LabelRecord = {
      id: this.state.nextId("label"),
      name: fields.name,
      color: normalizeColor(fields.color ?? IMPLICIT_LABEL_COLOR),
      description: fields.description ?? null,
    };
    this.labels.push(label);
    return label;
  }

  /** Changes only the given fields of a label; renaming onto another label's name is 422. */
  updateLabel(
    currentName: string,
    changes: { new_name?: string; color?: string; description?: string | null },
  ): LabelRecord {
    const label = this.findLabel(currentName);
    if (label === undefined) throw notFound();
    if (changes.new_name !== undefined) {
      const clash = this.findLabel(changes.new_name);
      if (clash !== undefined && clash !== label) {
        throw validationFailed({ resource: "Label", code: "already_exists", field: "name" });
      }
      label.name = changes.new_name;
    }
    if (changes.color !== undefined) label.color = normalizeColor(changes.color);
    if (changes.description !== undefined) label.description = changes.description;
    return label;
  }

  /** Label ids for names, creating missing labels as GitHub does for users with push access. */
  ensureLabels(inputs: LabelInput[]): number[] {
    const ids: number[] = [];
    for (const input of inputs) {
      const name = typeof input === "string" ? input : input.name;
      if (name === undefined || name.trim() === "") continue;
      const label = this.findLabel(name) ?? this.createLabel({ name });
      if (!ids.includes(label.id)) ids.push(label.id);
    }
    return ids;
  }

  /** Creates an issue, open, authored by `user`. */
  createIssue(input: NewIssue): IssueRecord {
    const now = this.state.now();
    const issue: IssueRecord = {
      id: this.state.nextId("issue"),
      number: this.takeNumber(),
      title: input.title,
      body: input.body ?? null,
      state: "open",
      stateReason: null,
      labelIds: this.ensureLabels(input.labels ?? []),
      assignees: [...(input.assignees ?? [])],
      user: input.user,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      closedBy: null,
      pull: null,
      parentId: null,
      subIssueIds: [],
      blockedByIds: [],
      milestoneNumber: this.#milestoneOf(input.milestone),
    };
    this.issues.push(issue);
    return issue;
  }

  /**
   * Applies only the fields present in `changes`. Closing sets `closed_at` and `state_reason`
   * (default `completed`); reopening clears `closed_at` and sets `state_reason: reopened`;
   * `state_reason` alone is ignored unless the state changes, as the API documents. `actor` is
   * who acts: a close records them as `closed_by`.
   */
  updateIssue(issue: IssueRecord, changes: IssueChanges, actor?: UserRecord): void {
    const now = this.state.now();
    if (changes.title !== undefined && changes.title !== null) issue.title = String(changes.title);
    if (changes.body !== undefined) issue.body = changes.body;
    if (changes.labels !== undefined) issue.labelIds = this.ensureLabels(changes.labels);
    if (changes.assignees !== undefined) issue.assignees = [...changes.assignees];
    if (changes.assignee !== undefined) {
      issue.assignees = changes.assignee === null ? [] : [changes.assignee];
    }
    if (changes.milestone !== undefined)
      issue.milestoneNumber = this.#milestoneOf(changes.milestone);
    if (changes.state !== undefined && changes.state !== issue.state) {
      if (changes.state === "closed") {
        issue.state = "closed";
        issue.closedAt = now;
        issue.closedBy = actor ?? null;
        issue.stateReason =
          changes.state_reason === undefined ||
          changes.state_reason === null ||
          changes.state_reason === "reopened"
            ? "completed"
            : changes.state_reason;
      } else {
        issue.state = "open";
        issue.closedAt = null;
        issue.closedBy = null;
        issue.stateReason = "reopened";
      }
    }
    issue.updatedAt = now;
  }

  /** An issue by its id (sub-issue and dependency bodies name ids, not numbers). */
  findIssueById(id: number): IssueRecord | undefined {
    return this.issues.find((issue) => issue.id === id);
  }

  findMilestone(number: number): MilestoneRecord | undefined {
    return this.milestones.find((milestone) => milestone.number === number);
  }

  /** Creates a milestone; a title that exists (any state) is 422 `already_exists`, as on GitHub. */
  createMilestone(fields: {
    title: string;
    description?: string;
    state?: "open" | "closed";
    due_on?: string;
  }): MilestoneRecord {
    if (this.milestones.some((milestone) => milestone.title === fields.title)) {
      throw validationFailed({ resource: "Milestone", code: "already_exists", field: "title" });
    }
    const now = this.state.now();
    const milestone: MilestoneRecord = {
      id: this.state.nextId("milestone"),
      number: this.#nextMilestoneNumber++,
      title: fields.title,
      description: fields.description ?? null,
      state: fields.state ?? "open",
      dueOn: fields.due_on === undefined ? null : normalizeDueOn(fields.due_on),
      createdAt: now,
      updatedAt: now,
    };
    this.milestones.push(milestone);
    return milestone;
  }

  updateMilestone(
    milestone: MilestoneRecord,
    changes: { title?: string; description?: string; state?: "open" | "closed"; due_on?: string },
  ): void {
    if (changes.title !== undefined && changes.title !== milestone.title) {
      if (this.milestones.some((other) => other.title === changes.title)) {
        throw validationFailed({ resource: "Milestone", code: "already_exists", field: "title" });
      }
      milestone.title = changes.title;
    }
    if (changes.description !== undefined) milestone.description = changes.description;
    if (changes.state !== undefined) milestone.state = changes.state;
    if (changes.due_on !== undefined) milestone.dueOn = normalizeDueOn(changes.due_on);
    milestone.updatedAt = this.state.now();
  }

  /** A milestone number an issue write names; an unknown one is 422 `invalid`, as on GitHub. */
  #milestoneOf(value: number | string | null | undefined): number | null {
    if (value === undefined || value === null) return null;
    const number = Number(value);
    if (this.findMilestone(number) === undefined) {
      throw validationFailed({ resource: "Issue", code: "invalid", field: "milestone" });
    }
    return number;
  }

  /** Adds labels to an issue (creating missing ones); returns the issue's labels. */
  addLabels(issue: IssueRecord, inputs: LabelInput[]): void {
    for (const id of this.ensureLabels(inputs)) {
      if (!issue.labelIds.includes(id)) issue.labelIds.push(id);
    }
    issue.updatedAt = this.state.now();
  }

  /** Removes one label from an issue; 404 "Label does not exist" when it is not on it. */
  removeLabel(issue: IssueRecord, name: string): void {
    const label = this.findLabel(name);
    if (label === undefined || !issue.labelIds.includes(label.id)) {
      throw new GitHubError(404, "Label does not exist");
    }
    issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
    issue.updatedAt = this.state.now();
  }

  /** Adds a comment to an issue or pull request. */
  addComment(issueNumber: number, body: string, user: UserRecord): CommentRecord {
    const issue = this.requireIssue(issueNumber);
    const now = this.state.now();
    const comment: CommentRecord = {
      id: this.state.nextId("comment"),
      issueNumber,
      body,
      user,
      createdAt: now,
      updatedAt: now,
    };
    this.comments.push(comment);
    issue.updatedAt = now;
    return comment;
  }

  requireComment(id: number): CommentRecord {
    const comment = this.comments.find((candidate) => candidate.id === id);
    if (comment === undefined) throw notFound();
    return comment;
  }

  /**
   * Reacts to a comment. GitHub answers 200 with the existing reaction when this user already
   * reacted with this content, 201 for a new one.
   */
  react(
    commentId: number,
    content: ReactionContent,
    user: UserRecord,
  ): { reaction: ReactionRecord; created: boolean } {
    this.requireComment(commentId);
    const existing = this.reactions.find(
      (r) => r.commentId === commentId && r.content === content && r.user.id === user.id,
    );
    if (existing !== undefined) return { reaction: existing, created: false };
    const reaction: ReactionRecord = {
      id: this.state.nextId("reaction"),
      commentId,
      content,
      user,
      createdAt: this.state.now(),
    };
    this.reactions.push(reaction);
    return { reaction, created: true };
  }

  commentsOf(issueNumber: number): CommentRecord[] {
    return this.comments.filter((comment) => comment.issueNumber === issueNumber);
  }
}

/** GitHub stores a due date as a timestamp; it answers it as `YYYY-MM-DDTHH:MM:SSZ`. */
function normalizeDueOn(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw validationFailed({ resource: "Milestone", code: "invalid", field: "due_on" });
  }
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** GitHub accepts six hex digits without "#" and answers 422 for anything else. */
function normalizeColor(color: string): string {
  if (!/^[0-9a-fA-F]{6}$/.test(color)) {
    throw validationFailed({ resource: "Label", code: "invalid", field: "color" });
  }
  return color;
}
