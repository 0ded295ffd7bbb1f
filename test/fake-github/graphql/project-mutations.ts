import { GraphqlFailure, forbidden, notFound, unprocessable } from "./graphql-failure.js";
import {
  assertProjectAccess,
  fieldNode,
  itemNode,
  projectNode,
  type GraphqlContext,
} from "./project-nodes.js";
import type { FakeField, FakeItem, FakeProject, FakeValue, OptionColor } from "./project-store.js";

/**
 * The Projects (v2) mutations the fake answers, with the rules GitHub applies. A mutation the
 * fake does not know is an error and a fake-error violation (see `resolveModelledField`), so a
 * test notices an unexpected write such as `deleteProjectV2Field`.
 */

type Resolver = (args: { input: Record<string, unknown> }, context: GraphqlContext) => unknown;

/** GitHub's limit on fields a project can have (built-in ones included, roughly). */
const MAX_FIELDS = 60;

interface OptionInput {
  name: string;
  color: OptionColor;
  description: string;
}

export const MUTATION_RESOLVERS: Record<string, Resolver> = {
  createProjectV2({ input }, context) {
    const ownerId = String(input.ownerId);
    const owner = [...context.state.installations.values()]
      .map((installation) => installation.account)
      .concat(context.state.repos.map((repo) => repo.ownerUser))
      .find((account) => `O_fake${account.id}` === ownerId || `U_fake${account.id}` === ownerId);
    if (!owner) throw notFound(`Could not resolve to a node with the global id of '${ownerId}'`);
    assertProjectAccess(context, owner.login);
    const project = context.store.createProject(owner.login, String(input.title));
    if (typeof input.repositoryId === "string") project.repositoryIds.push(input.repositoryId);
    return { projectV2: projectNode(context, project) };
  },

  createProjectV2Field({ input }, context) {
    const project = requireProject(context, String(input.projectId));
    const name = String(input.name).trim();
    if (project.fields.some((field) => field.name.toLowerCase() === name.toLowerCase())) {
      throw unprocessable("Name has already been taken");
    }
    if (project.fields.length >= MAX_FIELDS) throw unprocessable("Fields limit reached");
    const dataType = String(input.dataType);
    const options = (input.singleSelectOptions ?? []) as OptionInput[];
    if (dataType === "SINGLE_SELECT" && options.length === 0) {
      throw unprocessable("Single select fields must have at least one option");
    }
    assertDistinctOptions(options);
    const field = context.store.addField(project, {
      name,
      dataType,
      options: options.map((option) => [option.name, option.color]),
    });
    field.options.forEach(
      (option, index) => (option.description = options[index]?.description ?? ""),
    );
    return { projectV2Field: fieldNode(field) };
  },

  updateProjectV2Field({ input }, context) {
    const { project, field } = requireField(context, String(input.fieldId));
    if (typeof input.name === "string") field.name = input.name;
    const options = input.singleSelectOptions as OptionInput[] | null | undefined;
    if (options && options.length > 0) {
      if (field.dataType !== "SINGLE_SELECT")
        throw unprocessable("Field is not a single select field");
      assertDistinctOptions(options);
      // GitHub replaces the whole list: every option gets a new id (its input has none) and
      // values that pointed to an old option are lost. Nova must cope with exactly that.
      field.options = options.map((option) => ({
        ...context.store.newOption(option.name, option.color),
        description: option.description,
      }));
      const kept = new Set(field.options.map((option) => option.id));
      for (const item of project.items) {
        const value = item.values.get(field.id);
        if (value && "optionId" in value && !kept.has(value.optionId)) item.values.delete(field.id);
      }
      context.store.optionReplacements += 1;
    }
    return { projectV2Field: fieldNode(field) };
  },

  addProjectV2ItemById({ input }, context) {
    const project = requireProject(context, String(input.projectId));
    const contentId = String(input.contentId);
    for (const repo of context.state.repos) {
      const issue = repo.tracker.issues.find((candidate) => `I_fake${candidate.id}` === contentId);
      if (!issue) continue;
      const { actor } = context;
      if (actor.kind === "installation" && repo.installationId !== actor.installationId) break;
      // "If you try to add an item that already exists, the existing item ID is returned instead."
      const item = context.store.addIssueItem(project, repo, issue.number);
      return { item: itemNode(context, project, item) };
    }
    throw notFound(`Could not resolve to a node with the global id of '${contentId}'`);
  },

  updateProjectV2ItemFieldValue({ input }, context) {
    const { project, item } = requireItem(context, String(input.projectId), String(input.itemId));
    const field = project.fields.find((candidate) => candidate.id === input.fieldId);
    if (!field)
      throw notFound(
        `Could not resolve to a node with the global id of '${String(input.fieldId)}'`,
      );
    item.values.set(field.id, toValue(field, (input.value ?? {}) as Record<string, unknown>));
    return { projectV2Item: itemNode(context, project, item) };
  },

  clearProjectV2ItemFieldValue({ input }, context) {
    const { project, item } = requireItem(context, String(input.projectId), String(input.itemId));
    item.values.delete(String(input.fieldId));
    return { projectV2Item: itemNode(context, project, item) };
  },

  archiveProjectV2Item({ input }, context) {
    const { project, item } = requireItem(context, String(input.projectId), String(input.itemId));
    item.archived = true;
    return { item: itemNode(context, project, item) };
  },

  unarchiveProjectV2Item({ input }, context) {
    const { project, item } = requireItem(context, String(input.projectId), String(input.itemId));
    item.archived = false;
    return { item: itemNode(context, project, item) };
  },
};

function requireProject(context: GraphqlContext, id: string): FakeProject {
  const found = context.store.locate(id);
  if (found?.kind !== "project")
    throw notFound(`Could not resolve to a node with the global id of '${id}'`);
  assertProjectAccess(context, found.project.owner);
  if (found.project.closed) throw forbidden();
  return found.project;
}

function requireField(
  context: GraphqlContext,
  id: string,
): { project: FakeProject; field: FakeField } {
  const found = context.store.locate(id);
  if (found?.kind !== "field")
    throw notFound(`Could not resolve to a node with the global id of '${id}'`);
  assertProjectAccess(context, found.project.owner);
  return found;
}

function requireItem(
  context: GraphqlContext,
  projectId: string,
  itemId: string,
): { project: FakeProject; item: FakeItem } {
  const project = requireProject(context, projectId);
  const item = project.items.find((candidate) => candidate.id === itemId);
  if (!item) throw notFound(`Could not resolve to a node with the global id of '${itemId}'`);
  return { project, item };
}

function assertDistinctOptions(options: readonly OptionInput[]): void {
  const names = options.map((option) => option.name.trim().toLowerCase());
  if (new Set(names).size !== names.length) throw unprocessable("Options must have unique names");
  if (names.some((name) => name === "")) throw unprocessable("Option names can't be blank");
}

/** The value for a field: exactly the key its type takes, as GitHub checks it. */
function toValue(field: FakeField, value: Record<string, unknown>): FakeValue {
  if (field.builtIn)
    throw unprocessable(`The field ${field.name} cannot be updated through this mutation`);
  const keys = Object.keys(value).filter((key) => value[key] !== undefined && value[key] !== null);
  const only = (key: string) => {
    if (keys.length !== 1 || keys[0] !== key) {
      throw new GraphqlFailure(
        "UNPROCESSABLE",
        `A ${field.dataType} field takes exactly \`${key}\``,
        true,
      );
    }
  };
  switch (field.dataType) {
    case "SINGLE_SELECT": {
      only("singleSelectOptionId");
      const id = String(value.singleSelectOptionId);
      if (!field.options.some((option) => option.id === id)) {
        throw unprocessable("The single select option Id does not belong to the field");
      }
      return { optionId: id };
    }
    case "NUMBER":
      only("number");
      return { number: Number(value.number) };
    case "DATE":
      only("date");
      return { date: String(value.date).slice(0, 10) };
    case "TEXT":
      only("text");
      return { text: String(value.text) };
    default:
      throw unprocessable(`The fake cannot set a ${field.dataType} field`);
  }
}
