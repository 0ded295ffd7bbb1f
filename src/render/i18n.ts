/** The languages Nova writes in. German is the default; `en` switches. */
export type Language = "de" | "en";

export const LANGUAGES: readonly Language[] = ["de", "en"];

export const DEFAULT_LANGUAGE: Language = "de";

/**
 * Shared vocabulary of the reports (markers, labels, units). Whole sentences live in the
 * templates, which exist per language; these are the words several templates and the gantt chart
 * share. `{name}` is a parameter; keys ending in `_one`/`_other` are picked by a `count`
 * parameter (see {@link translate}).
 */
const de = {
  noRole: "Ohne Rolle",
  unsectioned: "Ohne Abschnitt",
  critical: "kritischer Pfad",
  atRisk: "gefährdet",
  "risk.delivery": "endet nach dem Liefertermin",
  "risk.due": "Fälligkeit {due} überschritten",
  cycle: "Abhängigkeitszyklus",
  writeBackPending: "Checkliste noch nicht nachgezogen",
  steps_one: "Schritt {steps}",
  steps_other: "Schritte {steps}",
  waitsFor_one: "wartet auf Schritt {steps}",
  waitsFor_other: "wartet auf die Schritte {steps}",
  workingDays_one: "{days} Arbeitstag",
  workingDays_other: "{days} Arbeitstage",
  "gantt.milestones": "Meilensteine",
  "gantt.delivery": "Liefertermin",
  "gantt.axisFormat": "%d.%m.",
  "gantt.axisFormatMonth": "%m.%Y",
  tasks_one: "{count} Aufgabe",
  tasks_other: "{count} Aufgaben",
} as const;

export type MessageKey = keyof typeof de;

const en: Record<MessageKey, string> = {
  noRole: "No role",
  unsectioned: "Outside sections",
  critical: "critical path",
  atRisk: "at risk",
  "risk.delivery": "ends after delivery",
  "risk.due": "misses its due date {due}",
  cycle: "dependency cycle",
  writeBackPending: "checklist not yet updated",
  steps_one: "step {steps}",
  steps_other: "steps {steps}",
  waitsFor_one: "waits for step {steps}",
  waitsFor_other: "waits for steps {steps}",
  workingDays_one: "{days} working day",
  workingDays_other: "{days} working days",
  "gantt.milestones": "Milestones",
  "gantt.delivery": "Delivery",
  "gantt.axisFormat": "%m-%d",
  "gantt.axisFormatMonth": "%Y-%m",
  tasks_one: "{count} task",
  tasks_other: "{count} tasks",
};

export const MESSAGES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  de,
  en,
};

/** Whether `value` is a supported language code. */
export function isLanguage(value: unknown): value is Language {
  return value === "de" || value === "en";
}

/**
 * The message `key` in `lang` with `{name}` parameters filled in. With a numeric `count`
 * parameter, `key_one` (count 1) or `key_other` is used when it exists. Parameters are inserted
 * as given: escape user text before passing it. Throws on an unknown key, so a typo in a template
 * fails the tests instead of printing the key.
 */
export function translate(
  lang: Language,
  key: string,
  params: Readonly<Record<string, unknown>> = {},
): string {
  const messages: Readonly<Record<string, string>> = MESSAGES[lang];
  const count = params["count"];
  const plural =
    typeof count === "number" ? messages[`${key}_${count === 1 ? "one" : "other"}`] : undefined;
  const message = plural ?? messages[key];
  if (message === undefined) {
    throw new Error(`Unknown message key for ${lang}: ${key}`);
  }
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
