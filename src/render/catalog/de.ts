/**
 * German, Nova's default language: every sentence and word that code says (whole bodies and
 * replies are templates, `templates/de/*.hbs`). `en.ts` has the same keys; a missing one does not
 * compile, and `test/render/catalog.test.ts` checks that both have the same placeholders.
 *
 * Keys are grouped by area (`cli.`, `config.`, `lint.`, …). `{name}` is a parameter, filled by
 * `say` (typed) or the templates' `t` helper; keys ending in `_one`/`_other` are picked by a
 * `count` parameter. Parameters are inserted as given: escape user text before passing it.
 */
export const de = {
  // Formats: how the language writes dates, numbers and quotes.
  "format.date": "{day}.{month}.{year}",
  "format.decimalMark": ",",
  "format.percent": "{number}\u00A0%",
  "format.quote": "„{text}“",
  "format.locale": "de-DE",

  // Reports: words several templates, the Gantt chart and the terminal share.
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
