/**
 * The narrow interface through which Nova reads and writes a Projects (v2) board. Projects v2
 * has no REST API, so this is GraphQL only; `octokit-project-port.ts` implements it over
 * `octokit.graphql`, and everything else depends on this interface (tests pass a fake GitHub).
 */

/** The field types Nova reads; any other type (`TITLE`, `ASSIGNEES`, …) is kept as `other`. */
export type BoardFieldType = "SINGLE_SELECT" | "NUMBER" | "DATE" | "TEXT" | "ITERATION" | "other";

/**
 * The colours GitHub offers for single-select options, in the order new options pick them by a
 * hash of their name (`pickOptionColor`): changing the order recolours new options.
 */
export const BOARD_OPTION_COLORS = [
  "BLUE",
  "GREEN",
  "YELLOW",
  "ORANGE",
  "RED",
  "PINK",
  "PURPLE",
  "GRAY",
] as const;

export type BoardOptionColor = (typeof BOARD_OPTION_COLORS)[number];

export interface BoardOption {
  id: string;
  name: string;
  color: BoardOptionColor;
  description: string;
}

/** An option as Nova writes it (GitHub assigns the id). */
export type BoardOptionInput = Omit<BoardOption, "id">;

export interface BoardField {
  id: string;
  name: string;
  dataType: BoardFieldType;
  /** Single-select fields only; empty otherwise. */
  options: BoardOption[];
}

export interface BoardProject {
  id: string;
  number: number;
  title: string;
  url: string;
  closed: boolean;
  fields: BoardField[];
}

/** What `repositoryOwner(login:)` says about a project owner, with the project if found. */
export type ProjectLookup =
  | { kind: "organization"; ownerId: string; project: BoardProject | null }
  /** A user account: an installation token cannot reach its projects at all. */
  | { kind: "user" }
  | { kind: "owner-not-found" };

/** A value an item has in one field. */
export type BoardValue =
  | { kind: "option"; optionId: string; name: string }
  | { kind: "number"; number: number }
  | { kind: "date"; date: string };

/** An issue on the board, as far as Nova needs it. */
export interface BoardIssue {
  /** The issue's node id (`contentId` for `addProjectV2ItemById`). */
  nodeId: string;
  /** `owner/name` of the issue's repository (a board can hold several repositories). */
  repository: string;
  number: number;
  /** Open pull requests that close this issue when merged (closing keywords or a manual link). */
  openClosingPulls: number;
}

export interface BoardItem {
  id: string;
  archived: boolean;
  /** Null for draft issues, pull requests and items the token may not see. */
  issue: BoardIssue | null;
  /** Field id → value; fields without a value are absent. */
  values: Map<string, BoardValue>;
}

/** One write to the board. Ids are GitHub's; the apply step resolves them before it calls. */
export type BoardMutation =
  | {
      kind: "create-field";
      name: string;
      dataType: "SINGLE_SELECT" | "NUMBER" | "DATE";
      options: BoardOptionInput[];
    }
  /**
   * Replaces a single-select field's options: GitHub's API has no "add one option", so the
   * existing ones are passed again (see docs/board.md on why values are restored afterwards).
   */
  | { kind: "set-options"; fieldId: string; options: BoardOptionInput[] }
  | { kind: "add-item"; contentId: string }
  | { kind: "archive-item"; itemId: string }
  | { kind: "unarchive-item"; itemId: string }
  | {
      kind: "set-value";
      itemId: string;
      fieldId: string;
      value: { singleSelectOptionId: string } | { number: number } | { date: string };
    };

/** The outcome of one mutation of a batch: GitHub runs each alias on its own. */
export type BoardMutationResult =
  | { ok: true; field?: BoardField; item?: { id: string; archived: boolean } }
  | { ok: false; message: string; type: string | null };

export interface ProjectPort {
  /** The owner's kind and its project with this number (null when it has none). One query. */
  findProjectByNumber(owner: string, number: number): Promise<ProjectLookup>;
  /**
   * The owner's kind and its project with exactly this title (open ones first), plus the
   * repository's node id for creating one. One query, then one more for the fields if found.
   */
  findProjectByTitle(
    owner: string,
    title: string,
    repository: { owner: string; name: string },
  ): Promise<ProjectLookup & { repositoryId?: string | null }>;
  /** Creates an organisation project linked to the repository; it comes with GitHub's default fields. */
  createProject(ownerId: string, title: string, repositoryId: string | null): Promise<BoardProject>;
  /** Every item with its field values: one paginated query, 100 items per page. */
  listItems(projectId: string): Promise<BoardItem[]>;
  /** Node ids and open closing pull requests of issues by number (issues not found are absent). */
  findIssues(
    repository: { owner: string; name: string },
    numbers: readonly number[],
  ): Promise<Map<number, BoardIssue>>;
  /**
   * Runs mutations as aliases of ONE GraphQL request (the caller keeps batches within GitHub's
   * secondary limits). A mutation GitHub refused is a result, not an exception; a request that
   * failed as a whole (HTTP error, rate limit) throws `GitHubError`.
   */
  mutate(projectId: string, mutations: readonly BoardMutation[]): Promise<BoardMutationResult[]>;
}
