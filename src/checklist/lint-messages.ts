/**
 * Lint messages in German and English. Each is a function of the facts it names, so a message
 * always says what is wrong and what to do.
 */
import type { Language } from "../render/i18n.js";
import { MAX_INLINE_MARKUP } from "../markdown/inline.js";
import { PLAN_LIMITS, PLAN_PARSE_BUDGET_MS } from "./plan-limits.js";

export interface LintFacts {
  /** Mojibake: the text as found and as repaired, and the code pages undone. */
  found?: string;
  fixed?: string;
  codePages?: string[];
  id?: string;
  otherLine?: number;
  cycle?: string[];
  key?: string;
  value?: string;
  rule?: string;
  /** For plan-limit: which limit, and what the plan has. */
  limit?: "chars" | "tasks" | "depth" | "markup" | "time";
  amount?: number;
}

const LIMIT_VALUES: Record<NonNullable<LintFacts["limit"]>, number> = {
  ...PLAN_LIMITS,
  markup: MAX_INLINE_MARKUP,
  time: PLAN_PARSE_BUDGET_MS,
};

const number = (lang: Language, value: number) =>
  value.toLocaleString(lang === "de" ? "de-DE" : "en-US");

const LIMITS_DE: Record<NonNullable<LintFacts["limit"]>, (found: string, max: string) => string> = {
  time: (_found, max) =>
    `Die Checkliste ließ sich nicht in ${max} ms lesen (Zeitbudget der Vorschau überschritten). Nova liest sie nicht; vereinfacht oder teilt sie.`,
  chars: (found, max) =>
    `Die Checkliste ist zu groß: ${found} Zeichen, höchstens ${max}. Nova liest sie nicht; teilt sie auf.`,
  tasks: (found, max) =>
    `Zu viele Aufgaben: mehr als ${max} (hier mindestens ${found}). Nova liest nur die ersten ${max}.`,
  depth: (found, max) =>
    `Zu tief verschachtelt: ${found} Ebenen aus Zitaten und Listen, höchstens ${max}. Nova liest tiefere Ebenen nicht.`,
  markup: (found, max) =>
    `Zu viel Auszeichnung in einem Absatz: ${found} Zeichen wie * _ ~ [ ] \` <, höchstens ${max}. Nova liest den Absatz als reinen Text.`,
};

const LIMITS_EN: Record<NonNullable<LintFacts["limit"]>, (found: string, max: string) => string> = {
  time: (_found, max) =>
    `The checklist could not be read within ${max} ms (the preview's time budget). Nova does not read it; simplify or split it.`,
  chars: (found, max) =>
    `The checklist is too large: ${found} characters, at most ${max}. Nova does not read it; split it up.`,
  tasks: (found, max) =>
    `Too many tasks: more than ${max} (here at least ${found}). Nova reads only the first ${max}.`,
  depth: (found, max) =>
    `Nested too deeply: ${found} levels of quotes and lists, at most ${max}. Nova does not read deeper levels.`,
  markup: (found, max) =>
    `Too much markup in one paragraph: ${found} characters such as * _ ~ [ ] \` <, at most ${max}. Nova reads the paragraph as plain text.`,
};

const renderLimit = (lang: Language, f: LintFacts) => {
  const limit = f.limit ?? "chars";
  const render = (lang === "de" ? LIMITS_DE : LIMITS_EN)[limit];
  return render(number(lang, f.amount ?? 0), number(lang, LIMIT_VALUES[limit]));
};

type MessageSet = Record<string, (facts: LintFacts) => string>;

const quote = (lang: Language, text: string) => (lang === "de" ? `„${text}“` : `"${text}"`);

const RULES_DE: Record<string, string> = {
  id: "eine ID besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. cuda-install",
  after: "after= erwartet durch Komma getrennte Aufgaben-IDs",
  estimate: "eine Schätzung sieht aus wie 2d, 1,5d, 4h oder 1w",
  due: "ein Datum wird als JJJJ-MM-TT geschrieben, z. B. 2026-12-04",
  owner: "ein GitHub-Login, z. B. @alice",
  empty: "der Wert fehlt",
  syntax: "jeder Eintrag hat die Form schlüssel=wert, getrennt durch ;",
};

const RULES_EN: Record<string, string> = {
  id: "an id is lowercase letters, digits and hyphens, e.g. cuda-install",
  after: "after= takes comma-separated task ids",
  estimate: "an estimate looks like 2d, 1.5d, 4h or 1w",
  due: "a date is written YYYY-MM-DD, e.g. 2026-12-04",
  owner: "a GitHub login, e.g. @alice",
  empty: "the value is missing",
  syntax: "each entry is key=value, separated by ;",
};

const DE: MessageSet = {
  mojibake: (f) =>
    `Zeichensalat (UTF-8 als ${(f.codePages ?? []).join(" und dann ")} gelesen): ${quote("de", f.found ?? "")} sollte ${quote("de", f.fixed ?? "")} lauten. Nova liest den reparierten Text; nova lint --fix schreibt die Korrektur in die Datei.`,
  "duplicate-id": (f) =>
    `Die Aufgaben-ID ${quote("de", f.id ?? "")} ist doppelt (auch in Zeile ${f.otherLine}). IDs müssen eindeutig sein: gebt einer der Aufgaben <!-- nova: id=… --> mit einer eigenen ID.`,
  "unknown-dependency": (f) =>
    `after=${f.id} verweist auf keine Aufgabe dieses Plans. Prüft die ID (nova plan zeigt jede Aufgabe mit ihrer ID).`,
  "dependency-cycle": (f) =>
    `Zyklische Abhängigkeit: ${(f.cycle ?? []).join(" → ")}. Mindestens ein after= muss entfernt werden.`,
  "task-without-title": () => `Aufgabe ohne Titel: nach „- [ ]“ fehlt der Text.`,
  "meta-malformed": (f) =>
    `Ungültige Metadaten ${quote("de", f.value === undefined ? (f.key ?? "") : `${f.key}=${f.value}`)}: ${RULES_DE[f.rule ?? "syntax"]}.`,
  "meta-unknown-key": (f) =>
    `Unbekannter Metadaten-Schlüssel ${quote("de", f.key ?? "")} wird ignoriert. Bekannt sind: id, after, role, estimate, due, owner.`,
  "task-outside-section": () =>
    `Aufgabe außerhalb eines Abschnitts: Nova ordnet sie keinem Bereich zu. Setzt eine „## …“-Überschrift davor.`,
  "plan-limit": (f) => renderLimit("de", f),
};

const EN: MessageSet = {
  mojibake: (f) =>
    `Mojibake (UTF-8 read as ${(f.codePages ?? []).join(" and then ")}): ${quote("en", f.found ?? "")} should read ${quote("en", f.fixed ?? "")}. Nova reads the repaired text; nova lint --fix writes the repair into the file.`,
  "duplicate-id": (f) =>
    `Task id ${quote("en", f.id ?? "")} is used twice (also on line ${f.otherLine}). Ids must be unique: give one of the tasks its own <!-- nova: id=… -->.`,
  "unknown-dependency": (f) =>
    `after=${f.id} names no task in this plan. Check the id (nova plan lists every task with its id).`,
  "dependency-cycle": (f) =>
    `Dependency cycle: ${(f.cycle ?? []).join(" → ")}. Remove at least one after=.`,
  "task-without-title": () => `Task without a title: there is no text after "- [ ]".`,
  "meta-malformed": (f) =>
    `Malformed metadata ${quote("en", f.value === undefined ? (f.key ?? "") : `${f.key}=${f.value}`)}: ${RULES_EN[f.rule ?? "syntax"]}.`,
  "meta-unknown-key": (f) =>
    `Unknown metadata key ${quote("en", f.key ?? "")} is ignored. Known keys: id, after, role, estimate, due, owner.`,
  "task-outside-section": () =>
    `Task outside any section: Nova cannot assign it to an area. Put a "## …" heading before it.`,
  "plan-limit": (f) => renderLimit("en", f),
};

/** The message for a lint code in the given language. */
export function renderLintMessage(code: string, facts: LintFacts, lang: Language): string {
  const set = lang === "en" ? EN : DE;
  const render = set[code];
  return render ? render(facts) : code;
}
