import type { FakeRepo } from "../fake-repo.js";
import type { FakeState } from "../fake-state.js";
import { HTML_BASE } from "../render.js";
import type { Actor, IssueRecord } from "../records.js";
import { paginateConnection } from "./connection.js";
import { forbidden, notFound } from "./graphql-failure.js";
import type { FakeField, FakeItem, FakeProject, ProjectStore } from "./project-store.js";

/**
 * The objects the fake's GraphQL API resolves to. graphql-js's default resolver reads a property
 * or calls it with the field's arguments, and resolves unions by `__typename`; so each node is a
 * plain object, and the selection, aliases and fragments are graphql-js's job.
 */

export interface GraphqlContext {
  state: FakeState;
  store: ProjectStore;
  actor: Actor;
}

type Node = Record<string, unknown>;

/** Whether the caller may use an account's projects: an installation only its own organisation's. */
export function assertProjectAccess(context: GraphqlContext, owner: string): void {
  const { actor, store } = context;
  if (actor.kind === "app") throw forbidden();
  if (actor.kind === "user") return;
  const account = context.state.installations.get(actor.installationId)?.account.login;
  // An installation token never reaches a user's projects, and only its own account's otherwise.
  if (
    store.accountType(owner) !== "Organization" ||
    store.deniedInstallations.has(actor.installationId) ||
    account?.toLowerCase() !== owner.toLowerCase()
  ) {
    throw forbidden();
  }
}

/** A repository the caller can see, or GitHub's NOT_FOUND. */
export function visibleRepo(context: GraphqlContext, owner: string, name: string): FakeRepo {
  const repo = context.state.findRepo(owner, name);
  const { actor } = context;
  if (!repo || (actor.kind === "installation" && repo.installationId !== actor.installationId)) {
    throw notFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
  }
  return repo;
}

/** `repositoryOwner(login:)`: an Organization or a User, or null. */
export function ownerNode(context: GraphqlContext, login: string): Node | null {
  const type = context.store.accountType(login);
  if (!type) return null;
  const user = context.state.user(login, type);
  const projectsOf = () =>
    context.store.projects.filter((project) => project.owner.toLowerCase() === login.toLowerCase());
  return {
    __typename: type,
    id: `${type === "Organization" ? "O" : "U"}_fake${user.id}`,
    login: user.login,
    projectV2: ({ number }: { number: number }) => {
      assertProjectAccess(context, login);
      const project = projectsOf().find((candidate) => candidate.number === number);
      if (!project) throw notFound(`Could not resolve to a ProjectV2 with the number ${number}.`);
      return projectNode(context, project);
    },
    projectsV2: (args: { first?: number; after?: string; query?: string | null }) => {
      assertProjectAccess(context, login);
      const words = (args.query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
      const matching = projectsOf()
        .filter((project) => words.every((word) => project.title.toLowerCase().includes(word)))
        // GitHub's default order: number, descending.
        .sort((a, b) => b.number - a.number)
        .map((project) => projectNode(context, project));
      return paginateConnection(matching, args, "projectsV2");
    },
  };
}

export function projectNode(context: GraphqlContext, project: FakeProject): Node {
  return {
    __typename: "ProjectV2",
    id: project.id,
    number: project.number,
    title: project.title,
    closed: project.closed,
    url: `${HTML_BASE}/orgs/${project.owner}/projects/${project.number}`,
    fields: (args: { first?: number; after?: string }) =>
      paginateConnection(
        project.fields.map((field) => fieldNode(field)),
        args,
        "fields",
      ),
    items: (args: { first?: number; after?: string }) =>
      paginateConnection(
        project.items.map((item) => itemNode(context, project, item)),
        args,
        "items",
      ),
  };
}

export function fieldNode(field: FakeField): Node {
  const typename =
    field.dataType === "SINGLE_SELECT"
      ? "ProjectV2SingleSelectField"
      : field.dataType === "ITERATION"
        ? "ProjectV2IterationField"
        : "ProjectV2Field";
  return {
    __typename: typename,
    id: field.id,
    name: field.name,
    dataType: field.dataType,
    options: () =>
      field.options.map((option) => ({
        ...option,
        nameHTML: option.name,
        descriptionHTML: option.description,
      })),
  };
}

export function itemNode(context: GraphqlContext, project: FakeProject, item: FakeItem): Node {
  const { content } = item;
  return {
    __typename: "ProjectV2Item",
    id: item.id,
    isArchived: item.archived,
    type: content.kind === "draft" ? "DRAFT_ISSUE" : "ISSUE",
    content: () => {
      if (content.kind === "draft") {
        return { __typename: "DraftIssue", id: `DI_${item.id}`, title: content.title };
      }
      const issue = content.repo.tracker.findIssue(content.number);
      return issue ? issueNode(context, content.repo, issue) : null;
    },
    fieldValues: (args: { first?: number; after?: string }) => {
      const values: Node[] = [];
      for (const field of project.fields) {
        if (field.dataType === "TITLE") {
          const title =
            content.kind === "draft"
              ? content.title
              : (content.repo.tracker.findIssue(content.number)?.title ?? "");
          values.push({
            __typename: "ProjectV2ItemFieldTextValue",
            text: title,
            field: fieldNode(field),
          });
          continue;
        }
        const value = item.values.get(field.id);
        if (!value) continue;
        if ("optionId" in value) {
          const option = field.options.find((candidate) => candidate.id === value.optionId);
          values.push({
            __typename: "ProjectV2ItemFieldSingleSelectValue",
            optionId: value.optionId,
            name: option?.name ?? null,
            color: option?.color ?? "GRAY",
            field: fieldNode(field),
          });
        } else if ("number" in value) {
          values.push({
            __typename: "ProjectV2ItemFieldNumberValue",
            number: value.number,
            field: fieldNode(field),
          });
        } else if ("date" in value) {
          values.push({
            __typename: "ProjectV2ItemFieldDateValue",
            date: value.date,
            field: fieldNode(field),
          });
        } else {
          values.push({
            __typename: "ProjectV2ItemFieldTextValue",
            text: value.text,
            field: fieldNode(field),
          });
        }
      }
      return paginateConnection(values, args, "fieldValues");
    },
  };
}

export function repositoryNode(context: GraphqlContext, repo: FakeRepo): Node {
  return {
    __typename: "Repository",
    id: `R_fake${repo.id}`,
    name: repo.name,
    nameWithOwner: repo.fullName,
    issue: ({ number }: { number: number }) => {
      const issue = repo.tracker.findIssue(number);
      if (!issue || issue.pull !== null) {
        throw notFound(`Could not resolve to an Issue with the number of ${number}.`);
      }
      return issueNode(context, repo, issue);
    },
  };
}

export function issueNode(context: GraphqlContext, repo: FakeRepo, issue: IssueRecord): Node {
  return {
    __typename: "Issue",
    id: `I_fake${issue.id}`,
    number: issue.number,
    title: issue.title,
    state: issue.state === "open" ? "OPEN" : "CLOSED",
    repository: () => repositoryNode(context, repo),
    closedByPullRequestsReferences: (args: { first?: number; includeClosedPrs?: boolean }) =>
      paginateConnection(
        findClosingPulls(repo, issue.number, args.includeClosedPrs === true).map((pull) => ({
          __typename: "PullRequest",
          id: `PR_fake${pull.pull?.id ?? pull.id}`,
          number: pull.number,
        })),
        args,
        "closedByPullRequestsReferences",
      ),
  };
}

/**
 * Pull requests into the default branch whose body closes the issue with a keyword
 * (`Closes #12`, `fixes owner/repo#12`), as GitHub links them; open ones unless asked otherwise.
 */
function findClosingPulls(repo: FakeRepo, number: number, includeClosed: boolean): IssueRecord[] {
  const pattern = new RegExp(
    String.raw`\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+(?:${escapeRegExp(repo.fullName)})?#${number}\b`,
    "i",
  );
  return repo.tracker.issues.filter(
    (candidate) =>
      candidate.pull !== null &&
      candidate.pull.baseRef === repo.defaultBranch &&
      (includeClosed || candidate.state === "open") &&
      pattern.test(candidate.body ?? ""),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
