import type { StatusOptionNames } from "../config/schema.js";
import { BOARD_OPTION_COLORS, type BoardOptionColor } from "../github/project-port.js";

/** The board fields Nova fills, by key. */
export type FieldKey = "status" | "section" | "order" | "role" | "target";

/** Where a task stands on the board. */
export type TaskState = "todo" | "inProgress" | "done";

export const TASK_STATES: readonly TaskState[] = ["todo", "inProgress", "done"];

/**
 * The fields as the team sees them. The names are German because the board is the team's; Nova
 * finds a field by its name (ignoring case) once per run and creates it when it is missing.
 */
export const BOARD_FIELDS: Readonly<
  Record<FieldKey, { name: string; dataType: "SINGLE_SELECT" | "NUMBER" | "DATE" }>
> = {
  status: { name: "Status", dataType: "SINGLE_SELECT" },
  section: { name: "Bereich", dataType: "SINGLE_SELECT" },
  order: { name: "Reihenfolge", dataType: "NUMBER" },
  role: { name: "Rolle", dataType: "SINGLE_SELECT" },
  target: { name: "Ziel", dataType: "DATE" },
};

export const FIELD_KEYS = Object.keys(BOARD_FIELDS) as FieldKey[];

/** What a state's option is called: the name Nova adds when none is there, and the names it accepts. */
export interface StatusName {
  add: string;
  recognised: string[];
}

/** GitHub's default options of a new project's `Status`, and the German names teams use. */
const STATUS_DEFAULTS: Readonly<Record<TaskState, StatusName>> = {
  todo: { add: "Todo", recognised: ["Todo", "Offen"] },
  inProgress: { add: "In Progress", recognised: ["In Progress", "In Arbeit"] },
  done: { add: "Done", recognised: ["Done", "Erledigt"] },
};

/** The colours GitHub gives the default options of a new project. */
export const STATUS_COLORS: Readonly<Record<TaskState, BoardOptionColor>> = {
  todo: "GREEN",
  inProgress: "YELLOW",
  done: "PURPLE",
};

/**
 * The option names per state: a configured name is the only one accepted for its state (and added
 * when missing); otherwise the English and German defaults are recognised. Pure.
 */
export function resolveStatusNames(
  configured: StatusOptionNames | undefined,
): Record<TaskState, StatusName> {
  const pick = (state: TaskState): StatusName => {
    const name = configured?.[state];
    return name ? { add: name, recognised: [name] } : STATUS_DEFAULTS[state];
  };
  return { todo: pick("todo"), inProgress: pick("inProgress"), done: pick("done") };
}

/** Field and option names are matched like GitHub shows them to people: trimmed, any case. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase("de") === b.trim().toLocaleLowerCase("de");
}

/** A stable colour for a new option: picked by a hash of its name, so adding one recolours none. */
export function pickOptionColor(name: string): BoardOptionColor {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return BOARD_OPTION_COLORS[hash % BOARD_OPTION_COLORS.length] ?? "GRAY";
}
