import { paginate } from "../paginate.js";
import type { ReactionContent } from "../records.js";
import { renderComment, renderReaction } from "../render.js";
import type { Handler } from "./handler-context.js";
import {
  actingUser,
  bodyOf,
  intParam,
  reply,
  replyPage,
  requireRepo,
  stringParam,
} from "./handler-context.js";

/** Issue comments and reactions to them. */
export const commentHandlers: Record<string, Handler> = {
  "issues/list-comments": (context) => {
    const repo = requireRepo(context);
    const number = intParam(context, "issue_number");
    repo.tracker.requireIssue(number);
    const since = stringParam(context, "since");
    const all = repo.tracker
      .commentsOf(number)
      .filter(
        (comment) => since === undefined || Date.parse(comment.updatedAt) >= Date.parse(since),
      )
      .map((comment) => renderComment(context.state, repo, comment));
    return replyPage(paginate(all, context.url, context.params));
  },

  "issues/create-comment": (context) => {
    const repo = requireRepo(context);
    const { body } = bodyOf<{ body: string }>(context);
    const comment = repo.tracker.addComment(
      intParam(context, "issue_number"),
      body,
      actingUser(context),
    );
    return reply(201, renderComment(context.state, repo, comment));
  },

  "issues/update-comment": (context) => {
    const repo = requireRepo(context);
    const comment = repo.tracker.requireComment(intParam(context, "comment_id"));
    comment.body = bodyOf<{ body: string }>(context).body;
    comment.updatedAt = context.state.now();
    return reply(200, renderComment(context.state, repo, comment));
  },

  "reactions/create-for-issue-comment": (context) => {
    const repo = requireRepo(context);
    const { content } = bodyOf<{ content: ReactionContent }>(context);
    const { reaction, created } = repo.tracker.react(
      intParam(context, "comment_id"),
      content,
      actingUser(context),
    );
    // 200 when this account already reacted with this content, 201 for a new reaction.
    return reply(created ? 201 : 200, renderReaction(context.state, reaction));
  },
};
