import { escapeMarkdown } from "../render/escape-markdown.js";
import type { Language } from "../render/i18n.js";

/** What one board run did, in counts a person reads. */
export interface BoardSummary {
  fieldsCreated: string[];
  /** `Feld: Option` for each option added. */
  optionsAdded: string[];
  itemsAdded: number;
  itemsArchived: number;
  itemsUnarchived: number;
  /** Values Nova set because they differed. */
  valuesWritten: number;
  /** Values put back after GitHub replaced a field's options. */
  valuesRestored: number;
  /** Task items that needed no write. */
  unchanged: number;
  /** Fields whose name another field type uses (`Bereich (TEXT)`): left alone. */
  conflicts: string[];
  /** Mutations GitHub refused, with its message. */
  failed: string[];
  /** Writes left for a follow-up run. */
  remaining: number;
  /** Mutation requests and mutations sent. */
  mutationRequests: number;
  mutations: number;
}

/** Where the board stands after a run; the problems are what `/nova help` and the check run show. */
export type BoardStatus =
  | { kind: "off" }
  /** The sync reports these itself; the board waits for a valid config and checklist. */
  | { kind: "skipped"; reason: "invalid-config" | "checklist-missing" | "checklist-invalid" }
  | { kind: "user-owned"; owner: string }
  | { kind: "owner-not-found"; owner: string }
  | { kind: "project-not-found"; owner: string; number?: number; title?: string }
  | { kind: "project-closed"; owner: string; title: string; url: string }
  | { kind: "forbidden"; owner: string; message: string }
  | { kind: "failed"; message: string; transient: boolean }
  | {
      kind: "synced" | "dry-run";
      title: string;
      url: string;
      /** Nova created the project in this run. */
      created: boolean;
      summary: BoardSummary;
    };

/** The statuses a person has to act on: the configuration names a board Nova cannot use. */
const PROBLEM_KINDS = [
  "user-owned",
  "owner-not-found",
  "project-not-found",
  "project-closed",
  "forbidden",
] as const;

export type BoardProblem = Extract<BoardStatus, { kind: (typeof PROBLEM_KINDS)[number] }>;

export function isBoardProblem(status: BoardStatus): status is BoardProblem {
  return (PROBLEM_KINDS as readonly string[]).includes(status.kind);
}

/** The name of the check run a problem leaves on the pushed commit. */
export const BOARD_CHECK_NAME = "Nova: Projekt-Board";

/** A one-line title for the board's check run or a log line. */
export function renderBoardTitle(status: BoardStatus, lang: Language): string {
  const de = lang === "de";
  switch (status.kind) {
    case "user-owned":
      return de
        ? "Projekt eines Benutzerkontos: nicht erreichbar"
        : "User-owned project: not reachable";
    case "owner-not-found":
      return de ? "Projekt-Besitzer nicht gefunden" : "Project owner not found";
    case "project-not-found":
      return de ? "Projekt nicht gefunden" : "Project not found";
    case "project-closed":
      return de ? "Projekt ist geschlossen" : "Project is closed";
    case "forbidden":
      return de ? "Kein Zugriff auf das Projekt" : "No access to the project";
    case "failed":
      return de ? "Board-Abgleich fehlgeschlagen" : "Board sync failed";
    default:
      return de ? "Projekt-Board" : "Project board";
  }
}

/**
 * What Nova says about the board, as Markdown: for a problem, what is wrong and what to do; for a
 * run, what it changed. `/nova help` shows it; so do the board's check run and the log.
 */
export function renderBoardStatus(status: BoardStatus, lang: Language): string {
  const de = lang === "de";
  const config = "`.github/nova.yml`";
  switch (status.kind) {
    case "off":
      return de
        ? `Kein Projekt-Board eingerichtet (\`project\` in ${config}).`
        : `No project board configured (\`project\` in ${config}).`;
    case "skipped":
      return de
        ? "Projekt-Board: wartet auf eine gültige Konfiguration und Checkliste (siehe die Sync-Meldung)."
        : "Project board: waits for a valid configuration and checklist (see the sync's message).";
    case "user-owned":
      return de
        ? `Das Projekt-Board wird nicht abgeglichen: \`${status.owner}\` ist ein Benutzerkonto. ` +
            "Eine GitHub-App-Installation erreicht nur Projekte von Organisationen, keine Projekte " +
            "von Benutzerkonten. Legt das Board in einer Organisation an und tragt sie unter " +
            `\`project.owner\` in ${config} ein, oder entfernt \`project\`.`
        : `The project board is not synced: \`${status.owner}\` is a user account. ` +
            "A GitHub App installation can only reach projects owned by an organisation, not " +
            "projects owned by a user account. Create the board in an organisation and name it " +
            `in \`project.owner\` in ${config}, or remove \`project\`.`;
    case "owner-not-found":
      return de
        ? `Das Projekt-Board wird nicht abgeglichen: Das Konto \`${status.owner}\` gibt es nicht ` +
            `(oder Nova sieht es nicht). Bitte \`project.owner\` in ${config} prüfen.`
        : `The project board is not synced: there is no account \`${status.owner}\` (or Nova ` +
            `cannot see it). Check \`project.owner\` in ${config}.`;
    case "project-not-found": {
      const which =
        status.number !== undefined
          ? de
            ? `Nr. ${status.number}`
            : `number ${status.number}`
          : `„${escapeMarkdown(status.title ?? "")}“`;
      const hint =
        status.number !== undefined
          ? de
            ? `Die Nummer steht in der Adresse des Projekts (\`/orgs/${status.owner}/projects/${status.number}\`).`
            : `The number is the one in the project's address (\`/orgs/${status.owner}/projects/${status.number}\`).`
          : de
            ? "Mit `project.create: true` legt Nova es an."
            : "With `project.create: true` Nova creates it.";
      return de
        ? `Das Projekt-Board wird nicht abgeglichen: \`${status.owner}\` hat kein Projekt ${which}, das Nova sieht. ${hint}`
        : `The project board is not synced: \`${status.owner}\` has no project ${which} that Nova can see. ${hint}`;
    }
    case "project-closed":
      return de
        ? `Das Projekt [${escapeMarkdown(status.title)}](${status.url}) ist geschlossen; Nova schreibt nicht hinein. Öffnet es wieder oder tragt in ${config} ein anderes ein.`
        : `The project [${escapeMarkdown(status.title)}](${status.url}) is closed; Nova does not write to it. Reopen it or name another one in ${config}.`;
    case "forbidden":
      return de
        ? `Nova darf die Projekte von \`${status.owner}\` nicht bearbeiten. Die App braucht die ` +
            "Berechtigung „Organization projects: Read and write“ und muss in dieser Organisation " +
            `installiert sein. GitHub sagt: ${escapeMarkdown(status.message)}`
        : `Nova may not edit the projects of \`${status.owner}\`. The app needs the permission ` +
            '"Organization projects: Read and write" and must be installed in that organisation. ' +
            `GitHub says: ${escapeMarkdown(status.message)}`;
    case "failed":
      return de
        ? `Das Projekt-Board konnte nicht abgeglichen werden (${escapeMarkdown(status.message)}). ` +
            (status.transient
              ? "Nova versucht es gleich noch einmal."
              : "Nova versucht es beim nächsten Anlass wieder.")
        : `The project board could not be synced (${escapeMarkdown(status.message)}). ` +
            (status.transient
              ? "Nova tries again shortly."
              : "Nova tries again on the next event.");
    case "synced":
    case "dry-run":
      return renderRun(status, lang);
  }
}

function renderRun(
  status: Extract<BoardStatus, { kind: "synced" | "dry-run" }>,
  lang: Language,
): string {
  const de = lang === "de";
  const { summary } = status;
  const link = `[${escapeMarkdown(status.title)}](${status.url})`;
  const parts: string[] = [];
  const count = (value: number, one: string) => {
    if (value > 0) parts.push(`${value} ${one}`);
  };
  if (status.created) parts.push(de ? "angelegt" : "created");
  if (summary.fieldsCreated.length) {
    parts.push(`${de ? "Felder angelegt" : "fields created"}: ${summary.fieldsCreated.join(", ")}`);
  }
  if (summary.optionsAdded.length) {
    parts.push(
      `${de ? "Optionen ergänzt" : "options added"}: ${summary.optionsAdded.map(escapeMarkdown).join(", ")}`,
    );
  }
  count(summary.itemsAdded, de ? "Aufgaben eingetragen" : "tasks added");
  count(summary.valuesWritten, de ? "Werte gesetzt" : "values set");
  count(summary.itemsArchived, de ? "archiviert" : "archived");
  count(summary.itemsUnarchived, de ? "zurückgeholt" : "unarchived");
  count(
    summary.remaining,
    de ? "Änderungen für den nächsten Lauf" : "changes left for the next run",
  );
  const lines = [
    parts.length === 0
      ? de
        ? `Projekt-Board ${link}: aktuell (${summary.unchanged} Aufgaben unverändert).`
        : `Project board ${link}: up to date (${summary.unchanged} tasks unchanged).`
      : `${de ? "Projekt-Board" : "Project board"} ${link}${status.kind === "dry-run" ? (de ? " (Vorschau)" : " (preview)") : ""}: ${parts.join(", ")}.`,
  ];
  if (summary.conflicts.length) {
    lines.push(
      de
        ? `Nicht befüllt, weil der Name schon ein Feld anderen Typs hat: ${summary.conflicts.map(escapeMarkdown).join(", ")}.`
        : `Not filled because the name is taken by a field of another type: ${summary.conflicts.map(escapeMarkdown).join(", ")}.`,
    );
  }
  if (summary.failed.length) {
    lines.push(
      `${de ? "Von GitHub abgelehnt" : "Refused by GitHub"}: ${summary.failed.map(escapeMarkdown).join("; ")}`,
    );
  }
  return lines.join("\n\n");
}
