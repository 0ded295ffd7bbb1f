/**
 * The board's `GPU-Check` field: when `project` is configured, the task issue's item gets
 * `pass`, `warn` or `fail` after each report. Through the board's project port (GraphQL);
 * the field and its options are created when missing, the project never is (that is the
 * board sync's job, see docs/board.md).
 */
import { sameName } from "../board/board-fields.js";
import type { ProjectConfig } from "../config/schema.js";
import type { RepoRef } from "../github/vocabulary.js";
import type {
  BoardField,
  BoardOptionInput,
  BoardProject,
  ProjectPort,
} from "../github/project-port.js";

export const GPU_CHECK_FIELD = "GPU-Check";

const GPU_CHECK_OPTIONS: readonly BoardOptionInput[] = [
  { name: "pass", color: "GREEN", description: "Nova GPU-Check: alle Prüfungen bestanden" },
  { name: "warn", color: "YELLOW", description: "Nova GPU-Check: Warnungen" },
  {
    name: "fail",
    color: "RED",
    description: "Nova GPU-Check: mindestens eine Prüfung fehlgeschlagen",
  },
];

export type GpuBoardResult = { kind: "set" } | { kind: "skipped"; reason: string };

/**
 * Sets the task issue's `GPU-Check`: find the project (by number or title), the field (created
 * with its three options when missing; a missing option is added), the item (added when the
 * issue is not on the board yet; GitHub answers an issue already there with its item), then the
 * value. Reads 2 queries, writes 2 to 4 mutation requests. Throws `GitHubError` when GitHub fails.
 */
export async function setGpuCheckValue(input: {
  projects: ProjectPort;
  project: ProjectConfig;
  repo: RepoRef;
  issueNumber: number;
  value: "pass" | "warn" | "fail";
}): Promise<GpuBoardResult> {
  const { projects, project } = input;
  const lookup =
    "number" in project
      ? await projects.findProjectByNumber(project.owner, project.number)
      : await projects.findProjectByTitle(project.owner, project.title, {
          owner: input.repo.owner,
          name: input.repo.repo,
        });
  if (lookup.kind !== "organization") return { kind: "skipped", reason: lookup.kind };
  const board: BoardProject | null = lookup.project;
  if (!board) return { kind: "skipped", reason: "project-not-found" };
  if (board.closed) return { kind: "skipped", reason: "project-closed" };

  let field: BoardField | undefined = board.fields.find((candidate) =>
    sameName(candidate.name, GPU_CHECK_FIELD),
  );
  if (field && field.dataType !== "SINGLE_SELECT")
    return { kind: "skipped", reason: `field ${GPU_CHECK_FIELD} is not a single select` };
  if (!field) {
    const [created] = await projects.mutate(board.id, [
      {
        kind: "create-field",
        name: GPU_CHECK_FIELD,
        dataType: "SINGLE_SELECT",
        options: [...GPU_CHECK_OPTIONS],
      },
    ]);
    if (!created?.ok || !created.field) return refused("create-field", created);
    field = created.field;
  }
  let option = field.options.find((candidate) => sameName(candidate.name, input.value));
  if (!option) {
    // GitHub replaces the whole list (docs/board.md, "Adding options"): pass the existing ones again.
    const existing = field.options;
    const missing = GPU_CHECK_OPTIONS.filter(
      (wanted) => !existing.some((have) => sameName(have.name, wanted.name)),
    );
    const [updated] = await projects.mutate(board.id, [
      {
        kind: "set-options",
        fieldId: field.id,
        options: [
          ...existing.map(({ name, color, description }) => ({ name, color, description })),
          ...missing,
        ],
      },
    ]);
    if (!updated?.ok || !updated.field) return refused("set-options", updated);
    field = updated.field;
    option = field.options.find((candidate) => sameName(candidate.name, input.value));
    if (!option) return { kind: "skipped", reason: `option ${input.value} missing` };
  }

  const issues = await projects.findIssues({ owner: input.repo.owner, name: input.repo.repo }, [
    input.issueNumber,
  ]);
  const issue = issues.get(input.issueNumber);
  if (!issue) return { kind: "skipped", reason: "issue-not-found" };
  const [added] = await projects.mutate(board.id, [{ kind: "add-item", contentId: issue.nodeId }]);
  if (!added?.ok || !added.item) return refused("add-item", added);
  const [set] = await projects.mutate(board.id, [
    {
      kind: "set-value",
      itemId: added.item.id,
      fieldId: field.id,
      value: { singleSelectOptionId: option.id },
    },
  ]);
  if (!set?.ok) return refused("set-value", set);
  return { kind: "set" };
}

function refused(
  what: string,
  result: { ok: boolean; message?: string } | undefined,
): GpuBoardResult {
  const message = result && !result.ok && result.message ? `: ${result.message}` : "";
  return { kind: "skipped", reason: `${what} refused${message}` };
}
