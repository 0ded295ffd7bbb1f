import type { GitHubError } from "../github/github-error.js";
import { toGitHubError } from "../github/github-error.js";
import type {
  BoardField,
  BoardMutation,
  BoardMutationResult,
  ProjectPort,
} from "../github/project-port.js";
import { sameName, type FieldKey } from "./board-fields.js";
import type { BoardOp, BoardPlan } from "./plan-board.js";
import { POINTS_PER_MUTATION, type PointBudget } from "./point-budget.js";

/** Aliased mutations per request: large enough for few requests, small enough to stay well inside GitHub's 10 s. */
export const MUTATIONS_PER_REQUEST = 50;

/** One minute of GitHub's secondary budget (2,000 points at 5 a mutation); the rest waits for a follow-up run. */
export const MAX_MUTATIONS_PER_RUN = 400;

export interface ApplyBoardOptions {
  projectId: string;
  budget: PointBudget;
  maxMutations?: number;
  batchSize?: number;
}

export interface ApplyBoardResult {
  /** Mutation requests sent. */
  requests: number;
  /** Mutations sent (a restore that turned out unneeded is not one). */
  mutations: number;
  applied: BoardOp[];
  /** Mutations GitHub refused, with its message. */
  failed: Array<{ op: BoardOp; message: string }>;
  /** Ops left for a follow-up run (budget spent, or GitHub failed the request). */
  remaining: BoardOp[];
  /** Items GitHub said are on the board already without naming them: their values wait for the next run. */
  unnamedItems: number;
  error: GitHubError | null;
}

/** An op ready to send: the mutation and what to do with its result. */
interface Prepared {
  op: BoardOp;
  mutation: BoardMutation;
}

/**
 * The only writer of the board. Structure first (fields, options, items: the value writes need
 * their ids), then values, each as batches of aliased mutations paced by the point budget. A
 * restore whose option kept its id is dropped here, where the new ids are known.
 */
export async function applyBoard(
  plan: BoardPlan,
  port: ProjectPort,
  options: ApplyBoardOptions,
): Promise<ApplyBoardResult> {
  const maxMutations = options.maxMutations ?? MAX_MUTATIONS_PER_RUN;
  const batchSize = options.batchSize ?? MUTATIONS_PER_REQUEST;
  const fields = new Map<FieldKey, BoardField>();
  for (const [key, field] of Object.entries(plan.fields) as Array<[FieldKey, BoardField | null]>) {
    if (field) fields.set(key, field);
  }
  const itemIds = new Map<string, string>();
  const result: ApplyBoardResult = {
    requests: 0,
    mutations: 0,
    applied: [],
    failed: [],
    remaining: [],
    unnamedItems: 0,
    error: null,
  };

  /** Sends prepared mutations in batches; returns false when the run must stop. */
  const send = async (
    prepared: Prepared[],
    onResult: (entry: Prepared, outcome: BoardMutationResult) => void,
  ): Promise<boolean> => {
    for (let start = 0; start < prepared.length; start += batchSize) {
      const batch = prepared.slice(start, start + batchSize);
      const room = maxMutations - result.mutations;
      if (room <= 0) {
        result.remaining.push(...prepared.slice(start).map((entry) => entry.op));
        return false;
      }
      const sending = batch.slice(0, room);
      await options.budget.take(sending.length * POINTS_PER_MUTATION);
      let outcomes: BoardMutationResult[];
      try {
        outcomes = await port.mutate(
          options.projectId,
          sending.map((entry) => entry.mutation),
        );
      } catch (error) {
        result.error = toGitHubError(error);
        result.remaining.push(...prepared.slice(start).map((entry) => entry.op));
        return false;
      }
      result.requests++;
      result.mutations += sending.length;
      sending.forEach((entry, index) => {
        const outcome = outcomes[index] ?? { ok: false, message: "no answer", type: null };
        if (outcome.ok || isAlreadyThere(entry.op, outcome.message)) {
          result.applied.push(entry.op);
        } else {
          result.failed.push({ op: entry.op, message: outcome.message });
        }
        onResult(entry, outcome);
      });
      if (sending.length < batch.length) {
        result.remaining.push(...prepared.slice(start + sending.length).map((entry) => entry.op));
        return false;
      }
    }
    return true;
  };

  const unarchive: Prepared[] = [];
  const structureDone = await send(
    plan.structure.map((op) => ({ op, mutation: toStructureMutation(op) })),
    ({ op }, outcome) => {
      if (!outcome.ok) {
        if (isAlreadyThere(op, outcome.message)) result.unnamedItems++;
        return;
      }
      if ((op.kind === "create-field" || op.kind === "add-options") && outcome.field) {
        fields.set(op.field, outcome.field);
      }
      if (op.kind === "add-item" && outcome.item) {
        itemIds.set(op.taskId, outcome.item.id);
        // GitHub answers an issue that is on the board already with its (maybe archived) item.
        if (outcome.item.archived) {
          const again: BoardOp = {
            kind: "unarchive-item",
            itemId: outcome.item.id,
            issueNumber: op.issueNumber,
          };
          unarchive.push({ op: again, mutation: { kind: "unarchive-item", itemId: again.itemId } });
        }
      }
    },
  );
  if (!structureDone) {
    result.remaining.push(...plan.values);
    return result;
  }

  const values: Prepared[] = [...unarchive];
  for (const op of plan.values) {
    if (op.kind !== "set-value") continue;
    const itemId = "itemId" in op.item ? op.item.itemId : itemIds.get(op.item.taskId);
    const field = fields.get(op.field);
    // The item or field could not be made (a failure is already recorded): nothing to write to.
    if (!itemId || !field) continue;
    let value: Extract<BoardMutation, { kind: "set-value" }>["value"];
    if ("option" in op.value) {
      const wanted = op.value.option;
      const option = field.options.find((candidate) => sameName(candidate.name, wanted));
      if (!option) {
        result.failed.push({ op, message: `option "${wanted}" is missing in ${field.name}` });
        continue;
      }
      if (op.restoreOf === option.id) continue;
      value = { singleSelectOptionId: option.id };
    } else {
      value = "number" in op.value ? { number: op.value.number } : { date: op.value.date };
    }
    values.push({ op, mutation: { kind: "set-value", itemId, fieldId: field.id, value } });
  }
  await send(values, () => undefined);
  return result;
}

function toStructureMutation(op: BoardOp): BoardMutation {
  switch (op.kind) {
    case "create-field":
      return { kind: "create-field", name: op.name, dataType: op.dataType, options: op.options };
    case "add-options":
      return { kind: "set-options", fieldId: op.fieldId, options: op.options };
    case "add-item":
      return { kind: "add-item", contentId: op.contentId };
    case "archive-item":
      return { kind: "archive-item", itemId: op.itemId };
    case "unarchive-item":
      return { kind: "unarchive-item", itemId: op.itemId };
    case "set-value":
      throw new Error("set-value is not a structure op");
  }
}

/** "Already in project" is what Nova wanted (actions/add-to-project treats it the same way). */
function isAlreadyThere(op: BoardOp, message: string): boolean {
  return op.kind === "add-item" && /already (?:exists|in (?:the |this )?project)/i.test(message);
}
