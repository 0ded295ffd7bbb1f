import type {
  CollaboratorPermission,
  CommandReaction,
  ObservedComment,
  ObservedPull,
} from "../../src/github/vocabulary.js";
import type { CommandPort } from "../../src/github/github-api.js";

/**
 * An in-memory command port for unit tests of `respondToComment`: permissions per login,
 * reactions and replies are kept in arrays, and any method can be made to fail once.
 */
export class MemoryCommandPort implements CommandPort {
  permissions = new Map<string, CollaboratorPermission>();
  reactions: Array<{ commentId: number; content: CommandReaction }> = [];
  comments: Array<ObservedComment & { issue: number }> = [];
  calls: string[] = [];
  failures = new Map<keyof CommandPort, Error>();
  /** Pull requests by head branch, newest first. */
  pulls = new Map<string, ObservedPull[]>();
  private nextId = 9000;

  constructor(readonly botLogin = "nova-test[bot]") {}

  /** Gives `login` a role as GitHub's permission endpoint reports it. */
  setRole(login: string, roleName: string, permission = roleName): void {
    this.permissions.set(login.toLowerCase(), { roleName, permission });
  }

  /** The bot's replies to `issue`, oldest first. */
  replies(issue?: number): Array<ObservedComment & { issue: number }> {
    return this.comments.filter(
      (comment) =>
        comment.author === this.botLogin && (issue === undefined || comment.issue === issue),
    );
  }

  listPullsForBranch(branch: string, state: "open" | "all"): Promise<ObservedPull[]> {
    this.calls.push(`pulls ${branch}`);
    this.maybeFail("listPullsForBranch");
    return Promise.resolve(
      (this.pulls.get(branch) ?? []).filter((pull) => state === "all" || pull.state === "open"),
    );
  }

  getCollaboratorPermission(login: string): Promise<CollaboratorPermission> {
    this.calls.push(`permission ${login}`);
    this.maybeFail("getCollaboratorPermission");
    return Promise.resolve(
      this.permissions.get(login.toLowerCase()) ?? { roleName: null, permission: "none" },
    );
  }

  addCommentReaction(commentId: number, content: CommandReaction): Promise<void> {
    this.calls.push(`react ${content}`);
    this.maybeFail("addCommentReaction");
    if (!this.reactions.some((r) => r.commentId === commentId && r.content === content)) {
      this.reactions.push({ commentId, content });
    }
    return Promise.resolve();
  }

  listComments(issueNumber: number): Promise<ObservedComment[]> {
    this.calls.push(`list-comments #${issueNumber}`);
    this.maybeFail("listComments");
    return Promise.resolve(
      this.comments
        .filter((comment) => comment.issue === issueNumber)
        .map(({ id, author, body, htmlUrl }) => ({ id, author, body, htmlUrl })),
    );
  }

  createComment(issueNumber: number, body: string): Promise<ObservedComment> {
    this.calls.push(`reply #${issueNumber}`);
    this.maybeFail("createComment");
    const id = this.nextId++;
    const comment = {
      id,
      author: this.botLogin,
      body,
      htmlUrl: `https://github.com/acme/dgx/issues/${issueNumber}#issuecomment-${id}`,
      issue: issueNumber,
    };
    this.comments.push(comment);
    return Promise.resolve({ id, author: comment.author, body, htmlUrl: comment.htmlUrl });
  }

  /** Reaction contents on a comment, in the order they were added. */
  reactionsOn(commentId: number): CommandReaction[] {
    return this.reactions.filter((r) => r.commentId === commentId).map((r) => r.content);
  }

  private maybeFail(method: keyof CommandPort): void {
    const error = this.failures.get(method);
    if (error) {
      this.failures.delete(method);
      throw error;
    }
  }
}
