import type { FakeRepo } from "../fake-repo.js";
import type { FakeState } from "../fake-state.js";

/**
 * The Projects (v2) state of the fake GitHub: organisations and users as project owners,
 * projects, fields with their options, items and their values. It lives beside a `FakeState`
 * (see {@link projectStoreOf}), so `fake.reset()` forgets it with everything else.
 */

export type OptionColor =
  "GRAY" | "BLUE" | "GREEN" | "YELLOW" | "ORANGE" | "RED" | "PINK" | "PURPLE";

export interface FakeOption {
  id: string;
  name: string;
  color: OptionColor;
  description: string;
}

export interface FakeField {
  id: string;
  name: string;
  /** GitHub's `ProjectV2FieldType`: `SINGLE_SELECT`, `NUMBER`, `DATE`, `TEXT`, `TITLE`, … */
  dataType: string;
  options: FakeOption[];
  /** Title, Assignees, Labels, …: GitHub fills them, an API write is refused. */
  builtIn: boolean;
}

export type FakeValue =
  { optionId: string } | { number: number } | { date: string } | { text: string };

export interface FakeItem {
  id: string;
  /** An issue (by repository and number) or a draft issue with a title. */
  content: { kind: "issue"; repo: FakeRepo; number: number } | { kind: "draft"; title: string };
  archived: boolean;
  /** Field id → value. */
  values: Map<string, FakeValue>;
}

export interface FakeProject {
  id: string;
  number: number;
  /** Login of the owning organisation or user. */
  owner: string;
  title: string;
  closed: boolean;
  fields: FakeField[];
  items: FakeItem[];
  /** Node ids of linked repositories. */
  repositoryIds: string[];
}

/** A readable value for assertions: the option's name, the number or the date. */
export type ReadableValue = string | number | null;

/** GitHub's options of a new project's `Status` field. */
const DEFAULT_STATUS: ReadonlyArray<[string, OptionColor]> = [
  ["Todo", "GREEN"],
  ["In Progress", "YELLOW"],
  ["Done", "PURPLE"],
];

/** The fields every new project has (https://docs.github.com/issues/planning-and-tracking-with-projects). */
const DEFAULT_FIELDS: ReadonlyArray<[string, string]> = [
  ["Title", "TITLE"],
  ["Assignees", "ASSIGNEES"],
  ["Status", "SINGLE_SELECT"],
  ["Labels", "LABELS"],
  ["Linked pull requests", "LINKED_PULL_REQUESTS"],
  ["Milestone", "MILESTONE"],
  ["Repository", "REPOSITORY"],
  ["Reviewers", "REVIEWERS"],
  ["Parent issue", "PARENT_ISSUE"],
  ["Sub-issues progress", "SUB_ISSUES_PROGRESS"],
];

export class ProjectStore {
  readonly projects: FakeProject[] = [];
  /** Lower-case logins of accounts registered as organisations or users. */
  readonly #accounts = new Map<string, "Organization" | "User">();
  /** Installations whose token is refused on projects (no `organization_projects` permission). */
  readonly deniedInstallations = new Set<number>();
  /** How often `updateProjectV2Field` replaced a field's options (each time with new ids). */
  optionReplacements = 0;
  #ids = 0;

  constructor(readonly state: FakeState) {}

  /** A fresh node id with GitHub's prefix for the kind (`PVT_`, `PVTF_`, `PVTI_`, …). */
  nextId(prefix: string): string {
    this.#ids += 1;
    return `${prefix}_fake${this.#ids}`;
  }

  /** Registers an organisation (projects can be created for it). */
  addOrganization(login: string): void {
    this.#accounts.set(login.toLowerCase(), "Organization");
    this.state.user(login, "Organization");
  }

  /** Registers a user account (its projects exist, but an installation cannot reach them). */
  addUser(login: string): void {
    this.#accounts.set(login.toLowerCase(), "User");
    this.state.user(login, "User");
  }

  /** The account type of a login the fake knows (registered, a repository owner or an installation), or undefined. */
  accountType(login: string): "Organization" | "User" | undefined {
    const key = login.toLowerCase();
    const registered = this.#accounts.get(key);
    if (registered) return registered;
    for (const repo of this.state.repos) {
      if (repo.owner.toLowerCase() === key) {
        return repo.ownerUser.type === "Organization" ? "Organization" : "User";
      }
    }
    for (const installation of this.state.installations.values()) {
      if (installation.account.login.toLowerCase() === key) {
        return installation.account.type === "Organization" ? "Organization" : "User";
      }
    }
    return undefined;
  }

  /** Creates a project with GitHub's default fields, as `createProjectV2` does. */
  createProject(owner: string, title: string, options: { closed?: boolean } = {}): FakeProject {
    const number = 1 + this.projects.filter((p) => sameLogin(p.owner, owner)).length;
    const project: FakeProject = {
      id: this.nextId("PVT"),
      number,
      owner,
      title,
      closed: options.closed ?? false,
      fields: [],
      items: [],
      repositoryIds: [],
    };
    for (const [name, dataType] of DEFAULT_FIELDS) {
      const field: FakeField = {
        id: this.nextId(dataType === "SINGLE_SELECT" ? "PVTSSF" : "PVTF"),
        name,
        dataType,
        options: [],
        builtIn: dataType !== "SINGLE_SELECT",
      };
      if (name === "Status") {
        field.options = DEFAULT_STATUS.map(([option, color]) => this.newOption(option, color));
      }
      project.fields.push(field);
    }
    this.projects.push(project);
    return project;
  }

  /** Adds a custom field (a person's, in a test's arrangement). */
  addField(
    project: FakeProject,
    field: { name: string; dataType: string; options?: Array<string | [string, OptionColor]> },
  ): FakeField {
    const created: FakeField = {
      id: this.nextId(field.dataType === "SINGLE_SELECT" ? "PVTSSF" : "PVTF"),
      name: field.name,
      dataType: field.dataType,
      options: (field.options ?? []).map((option) =>
        typeof option === "string" ? this.newOption(option, "GRAY") : this.newOption(...option),
      ),
      builtIn: false,
    };
    project.fields.push(created);
    return created;
  }

  /** Adds an option to a field directly (a person's option). */
  addOption(field: FakeField, name: string, color: OptionColor = "GRAY"): FakeOption {
    const option = this.newOption(name, color);
    field.options.push(option);
    return option;
  }

  /** Puts an issue on a board (a person's doing), or returns its item. */
  addIssueItem(project: FakeProject, repo: FakeRepo, number: number): FakeItem {
    const existing = project.items.find(
      (item) =>
        item.content.kind === "issue" &&
        item.content.repo === repo &&
        item.content.number === number,
    );
    if (existing) return existing;
    const item: FakeItem = {
      id: this.nextId("PVTI"),
      content: { kind: "issue", repo, number },
      archived: false,
      values: new Map(),
    };
    project.items.push(item);
    return item;
  }

  /** Adds a draft issue (content that is not an issue). */
  addDraftItem(project: FakeProject, title: string): FakeItem {
    const item: FakeItem = {
      id: this.nextId("PVTI"),
      content: { kind: "draft", title },
      archived: false,
      values: new Map(),
    };
    project.items.push(item);
    return item;
  }

  /** A project by owner and number, or undefined. */
  findProject(owner: string, number: number): FakeProject | undefined {
    return this.projects.find((p) => sameLogin(p.owner, owner) && p.number === number);
  }

  /** A project by owner and number; throws when there is none. */
  project(owner: string, number: number): FakeProject {
    const project = this.findProject(owner, number);
    if (!project) throw new Error(`No project ${owner}#${number} in the fake`);
    return project;
  }

  /** A field by name (any case); throws when there is none. */
  field(project: FakeProject, name: string): FakeField {
    const field = project.fields.find(
      (candidate) => candidate.name.toLowerCase() === name.toLowerCase(),
    );
    if (!field) throw new Error(`No field ${name} in project ${project.title}`);
    return field;
  }

  /** Sets a value by the field's name: an option by its name, a number or a date. */
  setValue(project: FakeProject, item: FakeItem, fieldName: string, value: string | number): void {
    const field = this.field(project, fieldName);
    if (field.dataType === "SINGLE_SELECT") {
      const option = field.options.find((candidate) => candidate.name === value);
      if (!option) throw new Error(`No option ${String(value)} in ${fieldName}`);
      item.values.set(field.id, { optionId: option.id });
    } else if (field.dataType === "NUMBER") {
      item.values.set(field.id, { number: Number(value) });
    } else if (field.dataType === "DATE") {
      item.values.set(field.id, { date: String(value) });
    } else {
      item.values.set(field.id, { text: String(value) });
    }
  }

  /** The item of an issue, or undefined. */
  itemOf(project: FakeProject, repo: FakeRepo, number: number): FakeItem | undefined {
    return project.items.find(
      (item) =>
        item.content.kind === "issue" &&
        item.content.repo === repo &&
        item.content.number === number,
    );
  }

  /** An item's values by field name, readable (option names), for assertions. */
  readValues(project: FakeProject, item: FakeItem): Record<string, ReadableValue> {
    const values: Record<string, ReadableValue> = {};
    for (const field of project.fields) {
      const value = item.values.get(field.id);
      if (value === undefined) continue;
      if ("optionId" in value) {
        values[field.name] =
          field.options.find((option) => option.id === value.optionId)?.name ?? null;
      } else if ("number" in value) {
        values[field.name] = value.number;
      } else if ("date" in value) {
        values[field.name] = value.date;
      } else {
        values[field.name] = value.text;
      }
    }
    return values;
  }

  /** The project, field and item an id belongs to. */
  locate(
    id: string,
  ):
    | { kind: "project"; project: FakeProject }
    | { kind: "field"; project: FakeProject; field: FakeField }
    | { kind: "item"; project: FakeProject; item: FakeItem }
    | undefined {
    for (const project of this.projects) {
      if (project.id === id) return { kind: "project", project };
      const field = project.fields.find((candidate) => candidate.id === id);
      if (field) return { kind: "field", project, field };
      const item = project.items.find((candidate) => candidate.id === id);
      if (item) return { kind: "item", project, item };
    }
    return undefined;
  }

  /** A new option with a fresh id (not yet on any field). */
  newOption(name: string, color: OptionColor): FakeOption {
    return { id: this.nextId("opt").replace(/^opt_fake/, "f"), name, color, description: "" };
  }
}

const stores = new WeakMap<FakeState, ProjectStore>();

/** The Projects (v2) state that belongs to a fake's state (created on first use). */
export function projectStoreOf(state: FakeState): ProjectStore {
  let store = stores.get(state);
  if (!store) {
    store = new ProjectStore(state);
    stores.set(state, store);
  }
  return store;
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
