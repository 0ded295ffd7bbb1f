import { notFound, validationFailed } from "./github-error.js";
import type { IssueRecord } from "./records.js";

/** GitHub's documented limits for sub-issues. */
export const SUB_ISSUE_LIMITS = { perParent: 100, levels: 8 } as const;

/** The issues relations are drawn between (a `RepoIssues`), and the clock they are stamped by. */
export interface IssueTracker {
  readonly issues: readonly IssueRecord[];
  findIssueById(id: number): IssueRecord | undefined;
  /** The fake's current time in GitHub's format. */
  now(): string;
}

/**
 * Sub-issues and "blocked by" dependencies between issues of one repository, with the rules
 * GitHub documents: a sub-issue has one parent (moving it needs `replace_parent`), a parent has
 * at most 100 sub-issues, a hierarchy is at most 8 levels deep and has no cycles, and an issue
 * cannot block itself. Bodies name issues by **id**, never by number: an unknown id is 422.
 */
export class IssueRelations {
  constructor(private readonly tracker: IssueTracker) {}

  /** The issue a body's `sub_issue_id`/`issue_id` names; 422 when there is none (e.g. a number). */
  requireById(id: number, field: string): IssueRecord {
    const issue = this.tracker.findIssueById(id);
    if (issue === undefined || issue.pull !== null) {
      throw validationFailed({
        resource: "Issue",
        code: "invalid",
        field,
        message: `No issue with id ${id}`,
      });
    }
    return issue;
  }

  subIssues(parent: IssueRecord): IssueRecord[] {
    return parent.subIssueIds.flatMap((id) => {
      const issue = this.tracker.findIssueById(id);
      return issue ? [issue] : [];
    });
  }

  blockedBy(issue: IssueRecord): IssueRecord[] {
    return issue.blockedByIds.flatMap((id) => {
      const blocker = this.tracker.findIssueById(id);
      return blocker ? [blocker] : [];
    });
  }

  /** Issues that `issue` blocks. */
  blocking(issue: IssueRecord): IssueRecord[] {
    return this.tracker.issues.filter((other) => other.blockedByIds.includes(issue.id));
  }

  addSubIssue(parent: IssueRecord, childId: number, replaceParent: boolean): void {
    const child = this.requireById(childId, "sub_issue_id");
    if (child.id === parent.id) {
      throw validationFailed({
        resource: "Issue",
        code: "invalid",
        field: "sub_issue_id",
        message: "An issue cannot be a sub-issue of itself",
      });
    }
    if (child.parentId === parent.id) {
      throw validationFailed({
        resource: "Issue",
        code: "invalid",
        field: "sub_issue_id",
        message: "Issue may not contain duplicates",
      });
    }
    if (child.parentId !== null && !replaceParent) {
      throw validationFailed({
        resource: "Issue",
        code: "invalid",
        field: "sub_issue_id",
        message: "Sub issue may only have one parent",
      });
    }
    if (parent.subIssueIds.length >= SUB_ISSUE_LIMITS.perParent) {
      throw validationFailed({
        resource: "Issue",
        code: "invalid",
        field: "sub_issue_id",
        message: `Parent cannot have more than ${SUB_ISSUE_LIMITS.perParent} sub-issues`,
      });
    }
    for (
      let ancestor: IssueRecord | undefined = parent;
      ancestor;
      ancestor = this.#parentOf(ancestor)
    ) {
      if (ancestor.id === child.id) {
        throw validationFailed({
          resource: "Issue",
          code: "invalid",
          field: "sub_issue_id",
          message: "An issue cannot be a sub-issue of its own sub-issue",
        });
      }
    }
    if (this.#depthAbove(parent) + this.#heightBelow(child) > SUB_ISSUE_LIMITS.levels) {
      throw validationFailed({
        resource: "Issue",
        code: "invalid",
        field: "sub_issue_id",
        message: `Sub-issues can be nested at most ${SUB_ISSUE_LIMITS.levels} levels`,
      });
    }
    const previous = this.#parentOf(child);
    if (previous) previous.subIssueIds = previous.subIssueIds.filter((id) => id !== child.id);
    parent.subIssueIds.push(child.id);
    child.parentId = parent.id;
    this.#touch(parent, child);
  }

  removeSubIssue(parent: IssueRecord, childId: number): void {
    const child = this.requireById(childId, "sub_issue_id");
    if (child.parentId !== parent.id) throw notFound();
    parent.subIssueIds = parent.subIssueIds.filter((id) => id !== child.id);
    child.parentId = null;
    this.#touch(parent, child);
  }

  /** Moves a sub-issue right after `afterId` or right before `beforeId` (exactly one of them). */
  reprioritize(parent: IssueRecord, childId: number, afterId?: number, beforeId?: number): void {
    if ((afterId === undefined) === (beforeId === undefined)) {
      throw validationFailed({
        resource: "Issue",
        code: "invalid",
        field: "after_id",
        message: "Specify either after_id or before_id",
      });
    }
    const anchorId = (afterId ?? beforeId)!;
    for (const id of [childId, anchorId]) {
      if (!parent.subIssueIds.includes(id)) {
        throw validationFailed({
          resource: "Issue",
          code: "invalid",
          field: id === childId ? "sub_issue_id" : afterId !== undefined ? "after_id" : "before_id",
          message: `${id} is not a sub-issue of #${parent.number}`,
        });
      }
    }
    const rest = parent.subIssueIds.filter((id) => id !== childId);
    const at = rest.indexOf(anchorId) + (afterId !== undefined ? 1 : 0);
    rest.splice(at, 0, childId);
    parent.subIssueIds = rest;
    this.#touch(parent);
  }

  addBlockedBy(issue: IssueRecord, blockerId: number): IssueRecord {
    const blocker = this.requireById(blockerId, "issue_id");
    if (blocker.id === issue.id) {
      throw validationFailed({
        resource: "Issue",
        code: "invalid",
        field: "issue_id",
        message: "An issue cannot be blocked by itself",
      });
    }
    if (issue.blockedByIds.includes(blocker.id)) {
      throw validationFailed({
        resource: "Issue",
        code: "invalid",
        field: "issue_id",
        message: "This dependency already exists",
      });
    }
    issue.blockedByIds.push(blocker.id);
    this.#touch(issue, blocker);
    return blocker;
  }

  removeBlockedBy(issue: IssueRecord, blockerId: number): IssueRecord {
    const blocker = this.tracker.findIssueById(blockerId);
    if (blocker === undefined || !issue.blockedByIds.includes(blockerId)) throw notFound();
    issue.blockedByIds = issue.blockedByIds.filter((id) => id !== blockerId);
    this.#touch(issue, blocker);
    return blocker;
  }

  #parentOf(issue: IssueRecord): IssueRecord | undefined {
    return issue.parentId === null ? undefined : this.tracker.findIssueById(issue.parentId);
  }

  /** Levels from the top of the hierarchy down to `issue` (a root is level 1). */
  #depthAbove(issue: IssueRecord): number {
    let depth = 1;
    for (let at = this.#parentOf(issue); at; at = this.#parentOf(at)) depth++;
    return depth;
  }

  /** Levels of `issue`'s own subtree (a leaf is 1). */
  #heightBelow(issue: IssueRecord): number {
    const children = this.subIssues(issue);
    return 1 + Math.max(0, ...children.map((child) => this.#heightBelow(child)));
  }

  #touch(...issues: IssueRecord[]): void {
    const now = this.tracker.now();
    for (const issue of issues) issue.updatedAt = now;
  }
}
