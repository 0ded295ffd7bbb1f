/**
 * What the fake stores. Records hold ids and logins, not rendered JSON: answers are rendered
 * from them on each request (`render.ts`), so a renamed label shows up on every issue.
 */

/** A GitHub account as the fake knows it. */
export interface UserRecord {
  login: string;
  id: number;
  type: "User" | "Bot" | "Organization";
}

/** The GitHub App the fake plays. */
export interface AppInfo {
  id: number;
  slug: string;
  name: string;
  owner: string;
}

export interface InstallationRecord {
  id: number;
  account: UserRecord;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export type IssueState = "open" | "closed";
export type StateReason = "completed" | "not_planned" | "reopened" | "duplicate";

/** An issue or (when `pull` is set) the issue side of a pull request; they share numbers. */
export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: IssueState;
  stateReason: StateReason | null;
  labelIds: number[];
  assignees: string[];
  user: UserRecord;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Who closed it last (`closed_by` in `GET /issues/{n}`); null while open. */
  closedBy: UserRecord | null;
  pull: PullRecord | null;
  /** The parent issue's id (sub-issues); null for none. */
  parentId: number | null;
  /** Ids of the sub-issues, in their order. */
  subIssueIds: number[];
  /** Ids of the issues blocking this one ("blocked by"), in the order they were added. */
  blockedByIds: number[];
  /** The milestone's number, or null. */
  milestoneNumber: number | null;
}

export interface MilestoneRecord {
  id: number;
  number: number;
  title: string;
  description: string | null;
  state: "open" | "closed";
  /** `YYYY-MM-DDTHH:MM:SSZ` or null. */
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PullRecord {
  id: number;
  headRef: string;
  /** The head sha when the PR was merged or closed; an open PR follows its branch. */
  headSha: string;
  baseRef: string;
  draft: boolean;
  maintainerCanModify: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  mergedBy: UserRecord | null;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: UserRecord;
  createdAt: string;
  updatedAt: string;
}

export type ReactionContent =
  "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export interface ReactionRecord {
  id: number;
  commentId: number;
  content: ReactionContent;
  user: UserRecord;
  createdAt: string;
}

export interface CheckAnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
  start_column?: number;
  end_column?: number;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotations: CheckAnnotationRecord[];
  };
  appId: number;
}

/** The repository roles GitHub knows; `permission` in the API is the legacy name for each. */
export type RepositoryRole = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** Who a request acts as, from its `Authorization` header. */
export type Actor =
  | { kind: "app" }
  | { kind: "installation"; installationId: number; user: UserRecord }
  | { kind: "user"; user: UserRecord };
