/**
 * What slash commands need from GitHub beyond the sync's `GitHubPort`: the commenter's permission,
 * reactions on their comment, and the bot's replies. Implemented over Octokit in
 * `octokit-command-port.ts`; tests pass an in-memory one.
 */

import type { ObservedPull } from "./bot-pr-port.js";

/** What GitHub's collaborator-permission endpoint says about an account. */
export interface CollaboratorPermission {
  /** `role_name`: `admin`, `maintain`, `write`, `triage`, `read`, or a custom role's name. */
  roleName: string | null;
  /** `permission`: the legacy base role, one of `admin`, `write`, `read`, `none`. */
  permission: string;
}

/** The reactions Nova leaves on a command comment. */
export type CommandReaction = "eyes" | "rocket" | "-1" | "confused";

/** An issue or pull-request comment as Nova reads it. */
export interface ObservedComment {
  id: number;
  /** Login of the author; the app's bot user is `<slug>[bot]`. */
  author: string;
  body: string;
}

export interface CommandPort {
  /**
   * Pull requests from a branch of this repository, newest first (one page): replies link Nova's
   * open write-back pull request. Read only when a reply has a pending write-back to explain.
   */
  listPullsForBranch(branch: string, state: "open" | "all", limit: number): Promise<ObservedPull[]>;
  /** `GET /repos/{owner}/{repo}/collaborators/{username}/permission`; throws `GitHubError`. */
  getCollaboratorPermission(login: string): Promise<CollaboratorPermission>;
  /** Reacts to an issue or pull-request comment; reacting twice with the same content is a no-op. */
  addCommentReaction(commentId: number, content: CommandReaction): Promise<void>;
  /** Comments on an issue or pull request updated at or after `since` (ISO 8601), oldest first. */
  listCommentsSince(issueNumber: number, since: string): Promise<ObservedComment[]>;
  /** Posts a comment and returns it. Not retried blindly: a 502 may hide a posted comment. */
  createReply(issueNumber: number, body: string): Promise<ObservedComment>;
}
