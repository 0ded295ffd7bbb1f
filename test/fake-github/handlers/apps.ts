import { GitHubError, notFound } from "../github-error.js";
import { paginate } from "../paginate.js";
import { APP_PERMISSIONS, renderApp, renderInstallation, renderRepository } from "../render.js";
import type { Handler } from "./handler-context.js";
import { intParam, reply, replyPage, requireRepo } from "./handler-context.js";

/** The app endpoints: the app itself, its installations and installation tokens. */
export const appHandlers: Record<string, Handler> = {
  "apps/get-authenticated": ({ state }) => reply(200, renderApp(state)),

  "apps/list-installations": (context) => {
    const all = [...context.state.installations.values()]
      .sort((a, b) => a.id - b.id)
      .map((installation) => renderInstallation(context.state, installation));
    return replyPage(paginate(all, context.url, context.params));
  },

  "apps/create-installation-access-token": (context) => {
    const id = intParam(context, "installation_id");
    if (!context.state.installations.has(id)) throw notFound();
    const { token, expiresAt } = context.state.issueInstallationToken(id);
    return reply(201, {
      token,
      expires_at: expiresAt,
      permissions: APP_PERMISSIONS,
      repository_selection: "all",
    });
  },

  "apps/list-repos-accessible-to-installation": (context) => {
    const { actor, state } = context;
    if (actor.kind !== "installation") {
      throw new GitHubError(403, "This endpoint needs an installation access token");
    }
    const all = state.repos
      .filter((repo) => repo.installationId === actor.installationId)
      .map((repo) => renderRepository(state, repo));
    const page = paginate(all, context.url, context.params);
    return reply(
      200,
      { total_count: all.length, repository_selection: "all", repositories: page.items },
      page.link === undefined ? undefined : { link: page.link },
    );
  },

  "apps/get-repo-installation": (context) => {
    const repo = requireRepo(context);
    const installation = context.state.installations.get(repo.installationId);
    if (installation === undefined) throw notFound();
    return reply(200, renderInstallation(context.state, installation));
  },
};
