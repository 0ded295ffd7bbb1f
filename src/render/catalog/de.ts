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

  // Board: the project board's check run, /nova help and the log.
  "board.title.userOwned": "Projekt eines Benutzerkontos: nicht erreichbar",
  "board.title.ownerNotFound": "Projekt-Besitzer nicht gefunden",
  "board.title.projectNotFound": "Projekt nicht gefunden",
  "board.title.projectClosed": "Projekt ist geschlossen",
  "board.title.forbidden": "Kein Zugriff auf das Projekt",
  "board.title.failed": "Board-Abgleich fehlgeschlagen",
  "board.title.other": "Projekt-Board",
  "board.off": "Kein Projekt-Board eingerichtet (`project` in {config}).",
  "board.skipped":
    "Projekt-Board: wartet auf eine gültige Konfiguration und Checkliste (siehe die Sync-Meldung).",
  "board.userOwned":
    "Das Projekt-Board wird nicht abgeglichen: `{owner}` ist ein Benutzerkonto. Eine GitHub-App-Installation erreicht nur Projekte von Organisationen, keine Projekte von Benutzerkonten. Legt das Board in einer Organisation an und tragt sie unter `project.owner` in {config} ein, oder entfernt `project`.",
  "board.ownerNotFound":
    "Das Projekt-Board wird nicht abgeglichen: Das Konto `{owner}` gibt es nicht (oder Nova sieht es nicht). Bitte `project.owner` in {config} prüfen.",
  "board.projectNumber": "Nr. {number}",
  "board.projectTitle": "„{title}“",
  "board.numberHint":
    "Die Nummer steht in der Adresse des Projekts (`/orgs/{owner}/projects/{number}`).",
  "board.createHint": "Mit `project.create: true` legt Nova es an.",
  "board.projectNotFound":
    "Das Projekt-Board wird nicht abgeglichen: `{owner}` hat kein Projekt {which}, das Nova sieht. {hint}",
  "board.projectClosed":
    "Das Projekt [{title}]({url}) ist geschlossen; Nova schreibt nicht hinein. Öffnet es wieder oder tragt in {config} ein anderes ein.",
  "board.forbidden":
    "Nova darf die Projekte von `{owner}` nicht bearbeiten. Die App braucht die Berechtigung „Organization projects: Read and write“ und muss in dieser Organisation installiert sein. GitHub sagt: {message}",
  "board.failed": "Das Projekt-Board konnte nicht abgeglichen werden ({message}). {retry}",
  "board.retrySoon": "Nova versucht es gleich noch einmal.",
  "board.retryLater": "Nova versucht es beim nächsten Anlass wieder.",
  "board.run.created": "angelegt",
  "board.run.fieldsCreated": "Felder angelegt: {fields}",
  "board.run.optionsAdded": "Optionen ergänzt: {options}",
  "board.run.itemsAdded": "{count} Aufgaben eingetragen",
  "board.run.valuesWritten": "{count} Werte gesetzt",
  "board.run.itemsArchived": "{count} archiviert",
  "board.run.itemsUnarchived": "{count} zurückgeholt",
  "board.run.remaining": "{count} Änderungen für den nächsten Lauf",
  "board.run.upToDate": "Projekt-Board {link}: aktuell ({unchanged} Aufgaben unverändert).",
  "board.run.changed": "Projekt-Board {link}: {changes}.",
  "board.run.changedPreview": "Projekt-Board {link} (Vorschau): {changes}.",
  "board.run.conflicts": "Nicht befüllt, weil der Name schon ein Feld anderen Typs hat: {fields}.",
  "board.run.failed": "Von GitHub abgelehnt: {failures}",

  // Config: problems with .github/nova.yml, one sentence each.
  "config.problem": "{subject} {predicate}.",
  "config.theFile": "Die Datei",
  "config.more_one": "- … und {count} weitere Problem.",
  "config.more_other": "- … und {count} weitere Probleme.",
  "config.notAMapping":
    "muss eine Zuordnung von Schlüsseln sein, z. B. `language: en` (gefunden: {found})",
  "config.forbiddenKey":
    "ist nicht erlaubt: `__proto__`, `constructor` und `prototype` können keine Schlüssel sein",
  "config.tooDeep":
    "ist tiefer als {limit} Ebenen verschachtelt; so tief reicht keine Nova-Einstellung",
  "config.tooManyEntries": "hat {count} Einträge; erlaubt sind höchstens {limit}",
  "config.tooLong": "ist {length} Zeichen lang; erlaubt sind höchstens {limit}",
  "config.tooLarge": "enthält mehr als {limit} Werte; so viele braucht keine Nova-Konfiguration",
  "config.unsupportedValue": "enthält einen Wert, den YAML nicht schreiben kann",
  "config.invalid": "muss {accepted} sein (gefunden: {found})",
  "config.missing": "fehlt; erwartet wird {accepted}",
  "config.unknownKey": "ist kein bekannter Schlüssel. Bekannt sind hier: {known}",
  "config.unknownKeySuggest":
    "ist kein bekannter Schlüssel (meintet ihr {suggestion}?). Bekannt sind hier: {known}",
  "config.invalidKey": "ist hier kein gültiger Schlüssel: erwartet wird {accepted}",
  "config.unreadable": "ließ sich nicht als einfache Daten lesen",
  "config.found.nothing": "nichts",
  "config.found.null": "ein leerer Wert",
  "config.found.emptyText": "ein leerer Text",
  "config.found.list_one": "eine Liste mit {count} Eintrag",
  "config.found.list_other": "eine Liste mit {count} Einträgen",
  "config.found.mapping": "eine Zuordnung",
  "config.found.other": "ein anderer Wert",
  "config.accepted.mapping": "eine Zuordnung mit den Schlüsseln {keys}",

  // Lint: checklist problems, each says what is wrong and what to do.
  "lint.mojibake":
    "Zeichensalat (UTF-8 als {codePages} gelesen): {found} sollte {fixed} lauten. Nova liest den reparierten Text; nova lint --fix schreibt die Korrektur in die Datei.",
  "lint.codePageSeparator": " und dann ",
  "lint.duplicateId":
    "Die Aufgaben-ID {id} ist doppelt (auch in Zeile {otherLine}). IDs müssen eindeutig sein: gebt einer der Aufgaben <!-- nova: id=… --> mit einer eigenen ID.",
  "lint.unknownDependency":
    "after={id} verweist auf keine Aufgabe dieses Plans. Prüft die ID (nova plan zeigt jede Aufgabe mit ihrer ID).",
  "lint.dependencyCycle":
    "Zyklische Abhängigkeit: {cycle}. Mindestens ein after= muss entfernt werden.",
  "lint.taskWithoutTitle": "Aufgabe ohne Titel: nach „- [ ]“ fehlt der Text.",
  "lint.metaMalformed": "Ungültige Metadaten {entry}: {rule}.",
  "lint.metaUnknownKey":
    "Unbekannter Metadaten-Schlüssel {key} wird ignoriert. Bekannt sind: id, after, role, estimate, due, owner.",
  "lint.taskOutsideSection":
    "Aufgabe außerhalb eines Abschnitts: Nova ordnet sie keinem Bereich zu. Setzt eine „## …“-Überschrift davor.",
  "lint.limit.time":
    "Die Checkliste ließ sich nicht in {max} ms lesen (Zeitbudget der Vorschau überschritten). Nova liest sie nicht; vereinfacht oder teilt sie.",
  "lint.limit.chars":
    "Die Checkliste ist zu groß: {found} Zeichen, höchstens {max}. Nova liest sie nicht; teilt sie auf.",
  "lint.limit.tasks":
    "Zu viele Aufgaben: mehr als {max} (hier mindestens {found}). Nova liest nur die ersten {max}.",
  "lint.limit.depth":
    "Zu tief verschachtelt: {found} Ebenen aus Zitaten und Listen, höchstens {max}. Nova liest tiefere Ebenen nicht.",
  "lint.limit.markup":
    "Zu viel Auszeichnung in einem Absatz: {found} Zeichen wie * _ ~ [ ] ` <, höchstens {max}. Nova liest den Absatz als reinen Text.",
  "lint.rule.id":
    "eine ID besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. cuda-install",
  "lint.rule.after": "after= erwartet durch Komma getrennte Aufgaben-IDs",
  "lint.rule.estimate": "eine Schätzung sieht aus wie 2d, 1,5d, 4h oder 1w",
  "lint.rule.due": "ein Datum wird als JJJJ-MM-TT geschrieben, z. B. 2026-12-04",
  "lint.rule.owner": "ein GitHub-Login, z. B. @alice",
  "lint.rule.empty": "der Wert fehlt",
  "lint.rule.syntax": "jeder Eintrag hat die Form schlüssel=wert, getrennt durch ;",
} as const;
