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
  // Formats: how the language writes dates, numbers, percentages and quotes.
  "format.date": "{day}.{month}.{year}",
  "format.decimalMark": ",",
  "format.percent": "{number}\u00A0%",
  "format.quote": "„{text}“",
  "format.locale": "de-DE",
  "format.shortDate": "{day}.{month}.",

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

  // Slash commands: what /nova help says about each command and flag; examples one per line.
  "commands.flag.limit.placeholder": "N",
  "commands.flag.limit.accepts": "eine ganze Zahl von 1 bis {max} (Standard {default})",
  "commands.flag.role.placeholder": '"Rolle"',
  "commands.flag.role.accepts":
    'einen Rollennamen mit 1 bis {max} Zeichen, mit Leerzeichen in Anführungszeichen, z. B. --role "Plattform"',
  "commands.flag.lang.placeholder": "de|en",
  "commands.flag.lang.accepts": "de oder en",
  "commands.progress.description":
    "Fortschritt je Abschnitt mit Balken; auf dem Issue einer Aufgabe auch ihre Abhängigkeiten und was sie blockiert.",
  "commands.stepPlan.description":
    "Der Schrittplan mit Terminen, kritischem Pfad und Gantt-Diagramm, wahlweise für eine Rolle.",
  "commands.summary.description":
    "Kurzer Stand: als Nächstes, zuletzt erledigt, blockiert, verbleibende Arbeitstage.",
  "commands.sync.description":
    "Gleicht die Issues jetzt mit der Checkliste ab und antwortet, was sich geändert hat.",
  "commands.report.description":
    "Schreibt den Statusbericht von heute jetzt in den Statusbericht-Pull-Request (öffnet oder aktualisiert ihn) und antwortet mit dem Link.",
  "commands.help.description":
    "Diese Hilfe: Befehle, Beispiele, wer sie ausführen darf, und die wirksame Konfiguration.",
  "commands.progress.examples": `/nova progress
/nova fortschritt --lang en`,
  "commands.stepPlan.examples": `/nova step-plan
/nova schrittplan --role "Plattform"`,
  "commands.summary.examples": `/nova summary
/nova zusammenfassung --limit=10`,
  "commands.sync.examples": `/nova sync
/nova abgleich`,
  "commands.report.examples": `/nova report
/nova bericht`,
  "commands.help.examples": `/nova help
/nova hilfe --lang en`,

  // Sync: the sync's check run, the issues' labels and comments, the milestone.
  "sync.milestone.title": "DGX Spark Lieferung",
  "sync.milestone.description":
    "Liefertermin der DGX Spark (`delivery:` in .github/nova.yml). Nova hält hier alle Aufgaben und Bereiche des Plans.",
  "sync.checklistMissing.title": "Checkliste nicht gefunden",
  "sync.checklistMissing.summary":
    "`{path}` gibt es in diesem Commit nicht. Der Pfad steht unter `checklist:` in `{config}`.",
  "sync.lintTitle_one": "Checkliste hat {count} Fehler: nichts abgeglichen",
  "sync.lintTitle_other": "Checkliste hat {count} Fehler: nichts abgeglichen",
  "sync.title.created": "{count} angelegt",
  "sync.title.updated": "{count} aktualisiert",
  "sync.title.closed": "{count} geschlossen",
  "sync.title.reopened": "{count} wiedereröffnet",
  "sync.title.unchanged": "{count} unverändert",
  "sync.title.upToDate": "aktuell: {count} unverändert",
  "sync.heading.created": "Angelegt",
  "sync.heading.updated": "Aktualisiert",
  "sync.heading.closed": "Geschlossen (erledigt)",
  "sync.heading.reopened": "Wiedereröffnet",
  "sync.heading.removed": "Geschlossen (aus der Checkliste entfernt)",
  "sync.structure.subIssuesAdded": "{count} Sub-Issues verknüpft",
  "sync.structure.subIssuesMoved": "{count} Sub-Issues in einen anderen Bereich verschoben",
  "sync.structure.reordered": "{count} Sub-Issues umsortiert",
  "sync.structure.blockedByAdded": "{count} „Blockiert durch“ angelegt",
  "sync.structure.blockedByRemoved": "{count} „Blockiert durch“ entfernt",
  "sync.structure.restored":
    "Von Hand entfernt, wiederhergestellt (die Checkliste bestimmt die Struktur): {issues}",
  "sync.structure.milestoneCreated": "Meilenstein „{title}“ angelegt",
  "sync.structure.milestoneUpdated": "Meilenstein „{title}“ aktualisiert",
  "sync.structure.unassignable":
    "⚠️ `@{login}` kann in diesem Repository keine Issues zugewiesen bekommen (owner= bei „{title}“); das Issue bleibt ohne diese Zuweisung.",
  "sync.missing.subIssues":
    "ℹ️ Dieser Server kennt keine Sub-Issues (z. B. GitHub Enterprise Server 3.19): die Bereichs-Labels ordnen die Aufgaben zu.",
  "sync.missing.dependencies":
    "ℹ️ Dieser Server kennt keine Abhängigkeiten zwischen Issues: das Label `/blocked` markiert wartende Aufgaben.",
  "sync.missing.milestones":
    "ℹ️ Dieser Server kennt keine Meilensteine: der Liefertermin steht nur in der Konfiguration.",
  "sync.label.plan": "Aufgabe aus dem DGX-Spark-Plan (von Nova verwaltet)",
  "sync.label.section": "Bereich: {title}",
  "sync.label.blocked": "Wartet auf eine offene Abhängigkeit (after=)",
  "sync.comment.sectionRemoved":
    "Diesen Bereich gibt es in der Checkliste nicht mehr (oder er heißt jetzt anders). Nova schließt das Issue als „nicht geplant“; kommt der Bereich zurück, wird es wieder geöffnet.",
  "sync.comment.removed":
    "Diese Aufgabe steht nicht mehr in der Checkliste. Nova schließt das Issue als „nicht geplant“; kommt die Aufgabe zurück, wird es wieder geöffnet.",
  "sync.comment.duplicate":
    "Doppelt angelegt (gleichzeitige Abgleiche): die Aufgabe wird in #{number} verfolgt.",

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

  // Bot pull requests: titles.
  "botPr.statusTitle": "Nova-Statusbericht {date}",
  "botPr.writeBackTitle": "Nova: Checkliste abgleichen",

  // GPU reports: statuses, counts, remediation actions, the words around runner values, the
  // latest report per host.
  "gpu.latest.noHostname": "(ohne Hostnamen)",
  "gpu.latest.pass": "{count} bestanden",
  "gpu.latest.warn": "{count} Warnungen",
  "gpu.latest.fail": "{count} fehlgeschlagen",
  "gpu.latest.skip": "{count} übersprungen",
  "gpu.latest.unknown": "{count} unklar",
  "gpu.status.pass": "OK",
  "gpu.status.warn": "Warnung",
  "gpu.status.fail": "Fehler",
  "gpu.status.skip": "übersprungen",
  "gpu.status.unknown": "unbekannt",
  "gpu.count.pass_one": "{count} OK",
  "gpu.count.pass_other": "{count} OK",
  "gpu.count.warn_one": "{count} Warnung",
  "gpu.count.warn_other": "{count} Warnungen",
  "gpu.count.fail_one": "{count} Fehler",
  "gpu.count.fail_other": "{count} Fehler",
  "gpu.count.skip_one": "{count} übersprungen",
  "gpu.count.skip_other": "{count} übersprungen",
  "gpu.count.unknown_one": "{count} unbekannt",
  "gpu.count.unknown_other": "{count} unbekannt",
  "gpu.unknownHost": "unbekannter Host",
  "gpu.truncated": "_(gekürzt)_",
  "gpu.yes": "ja",
  "gpu.no": "nein",
  "gpu.on": "an",
  "gpu.off": "aus",
  "gpu.instant": "{date}, {time} UTC",
  "gpu.notAvailable": "n. v.",
  "gpu.readError": "Lesefehler",
  "gpu.action.RESTART_APP": "Anwendung neu starten",
  "gpu.action.RESET_GPU": "GPU zurücksetzen",
  "gpu.action.REBOOT_SYSTEM": "System neu starten",
  "gpu.action.RMA": "Hardware austauschen (RMA)",
  "gpu.action.CONTACT_SUPPORT": "NVIDIA-Support kontaktieren",
  "gpu.action.FIX_CONFIG": "Konfiguration korrigieren",
  "gpu.action.CHECK_COOLING": "Kühlung prüfen",
  "gpu.action.CHECK_POWER": "Stromversorgung prüfen",
  "gpu.action.INSTALL_DRIVER": "Treiber installieren oder aktualisieren",
  "gpu.action.INSTALL_CONTAINER_TOOLKIT": "Docker bzw. NVIDIA Container Toolkit installieren",
  "gpu.action.FIX_TIME_SYNC": "Zeitsynchronisation einrichten",
  "gpu.action.FREE_DISK": "Speicherplatz freigeben",
  "gpu.action.CHECK_NETWORK": "Netzwerk prüfen",
  "gpu.failLabel": "Nova GPU-Check: der letzte Bericht ist fehlgeschlagen",

  // Config: problems with .github/nova.yml, one sentence each ("{subject} {predicate}.");
  // `config.accepted.*` are noun phrases that follow "must be".
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
  "config.accepted.labelPrefix": "1 bis {max} Buchstaben, Ziffern, `.`, `_` oder `-`, z. B. `dgx`",
  "config.accepted.sectionColors":
    'eine Zuordnung von bis zu {max} Abschnitts-Slugs zu Farben, z. B. `operative-vorbereitung: "D93F0B"`',
  "config.accepted.roleName":
    "ein Rollenname mit 1 bis {max} Zeichen ohne Leerzeichen am Anfang oder Ende",
  "config.accepted.sectionReference":
    "ein Abschnitts-Slug wie `operative-vorbereitung` oder eine Abschnittsnummer wie `6`",
  "config.accepted.roleMembers": "eine Liste von bis zu {max} GitHub-Logins",
  "config.accepted.roleSections": "eine Liste von bis zu {max} Abschnitts-Slugs oder -Nummern",
  "config.tooManyRoles": "hat {count} Rollen; erlaubt sind höchstens {max}",
  "config.sameRole":
    "bezeichnet dieselbe Rolle wie `{first}`: Groß- und Kleinschreibung zählt bei Rollennamen nicht",
  "config.accepted.roles": "eine Zuordnung von Rollennamen zu `{ members, sections }`",
  "config.accepted.interval":
    "ein Intervall von `15m` bis `7d`, geschrieben als Zahl mit `m`, `h` oder `d` (z. B. `30m`, `6h`, `1d`), oder `off`",
  "config.accepted.milestone":
    "ein Meilenstein-Titel mit 1 bis {max} Zeichen, z. B. `DGX Spark Lieferung`",
  "config.accepted.statusOption": "ein Optionsname mit 1 bis {max} Zeichen, z. B. `In Arbeit`",
  "config.accepted.projectTitle": "ein Projekttitel mit 1 bis {max} Zeichen",
  "config.projectNumberAndTitle":
    "nimmt entweder `number` (ein bestehendes Projekt) oder `title`, nicht beides",
  "config.projectNumberOrTitle":
    "braucht `number` (ein bestehendes Projekt) oder `title` (per Titel gesucht oder angelegt)",
  "config.projectCreateWithNumber":
    "geht nur mit `title`: ein Projekt mit `number` muss schon existieren",
  "config.accepted.cron":
    "ein Cron-Ausdruck mit 5 Feldern (Minute Stunde Tag Monat Wochentag), z. B. `0 6 * * 1-5`",
  "config.accepted.timezone": "eine IANA-Zeitzone wie `Europe/Berlin` oder `UTC`",
  "config.accepted.taskId":
    "eine Aufgaben-ID aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen, z. B. `nvidia-treiber-cuda-installationsskript-vorbereiten`",
  "config.accepted.path":
    "ein relativer Pfad im Repository, z. B. `docs/dgx-spark-plan.md` (ohne führendes `/`, ohne `..`, ohne Backslashes, höchstens {max} Zeichen)",
  "config.accepted.language": "`de` (Deutsch) oder `en` (Englisch)",
  "config.accepted.holidays": "eine Liste von bis zu {max} Daten der Form `JJJJ-MM-TT`",
  "config.accepted.sectionSlug":
    "ein Abschnitts-Slug aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen, z. B. `operative-vorbereitung`",
  "config.accepted.colour":
    'eine Farbe aus 6 Hex-Ziffern mit optionalem `#`, z. B. `76B900` (in YAML `"#76B900"` in Anführungszeichen: ein `#` ohne sie beginnt einen Kommentar)',
  "config.accepted.date": "ein gültiges Kalenderdatum der Form `JJJJ-MM-TT`, z. B. `2026-12-04`",
  "config.accepted.login": "ein GitHub-Login wie `alice` oder `@alice`",
  "config.accepted.boolean": "`true` oder `false`",
  "config.accepted.wholeNumber": "eine ganze Zahl zwischen {min} und {max}",
  "config.accepted.labelDescription": "ein Text mit 1 bis {max} Zeichen ohne `{…}`-Platzhalter",
  "config.accepted.labelDescriptionWithPlaceholder":
    "ein Text mit 1 bis {max} Zeichen; einziger Platzhalter ist {placeholderText}",
  "config.accepted.permission": "eine der Stufen {levels}",
  "config.file.notAMapping": "ist keine Zuordnung von Schlüsseln",
  "config.file.badExtends":
    "hat ein `_extends`, das nicht `repo`, `owner/repo` oder `owner/repo:pfad.yml` ist",
  "config.file.extendsLoop":
    "erweitert {file}, die schon gelesen wurde: `_extends` darf keine Schleife bilden",
  "config.file.extendsTooDeep": "erweitert mehr als {max} Dateien hintereinander (`_extends`)",
  "config.file.notAFile": "{file} ist keine Datei",
  "config.file.tooLarge":
    "hat {size} Bytes; Nova liest höchstens {max} Bytes (64 KiB) Konfiguration",
  "config.file.fromExtends": "{file} (aus `_extends`) {problem}",
  "config.file.missing": "gibt es nicht, oder Nova darf sie nicht lesen",
  "config.file.position": " (Zeile {line}, Spalte {column})",
  "config.yaml.tooLarge":
    "hat {size} Bytes; Nova liest höchstens {max} Bytes (64 KiB) Konfiguration",
  "config.yaml.notUtf8": "ist kein UTF-8-Text",
  "config.yaml.tooLong":
    "ist länger als {max} Zeichen (64 KiB), mehr als eine Konfiguration braucht",
  "config.yaml.controlCharacters": "enthält Steuerzeichen: es ist keine Textdatei",
  "config.yaml.invalidYaml": "ist kein gültiges YAML: {detail}",
  "config.yaml.unreadable": "ließ sich nicht lesen: {detail}",
  "config.yaml.tooIndented":
    "ist {indent} Leerzeichen tief eingerückt; Nova liest höchstens {max} Ebenen Verschachtelung",
  "config.yaml.tooDeep": "ist tiefer als {max} Ebenen verschachtelt",
  "config.yaml.tooManyAliases": "verwendet {count} Aliase (*name); Nova erlaubt höchstens {max}",
  "config.yaml.tooManyEntries":
    "hat mehr als {max} Schlüssel und Listeneinträge; so viele braucht keine Konfiguration",
  "config.accepted.fallback": "ein gültiger Wert",

  // Lint: checklist problems; each says what is wrong and what to do.
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

  // CLI: help texts (`{options}` and `{dates}` are shared blocks), mistakes on the command line,
  // failures.
  "cli.options": `Optionen für alle Befehle:
  --checklist PFAD      Checkliste (Standard: docs/dgx-spark-plan.md)
  --lang de|en          Sprache der Ausgabe (Standard: de)
  --format FORMAT       md (Markdown), json oder text (fürs Terminal);
                        Standard: text im Terminal, sonst md
  -h, --help            diese Hilfe`,
  "cli.dates": `  --delivery JJJJ-MM-TT Liefertermin (Standard: heute + 10 Arbeitstage)
  --today JJJJ-MM-TT    Stichtag statt heute (Europe/Berlin)`,
  "cli.help.help": `nova – der DGX-Spark-Plan als Werkzeug, offline auf einer Checkliste

Befehle:
  nova plan        was ein erster Abgleich in einem leeren Repository anlegen würde
  nova progress    Fortschritt je Abschnitt und gesamt
  nova tasks       alle Aufgaben mit Zeile, Haken, ID, Titel, Abschnitt und übergeordneter Aufgabe
  nova step-plan   offene Aufgaben in Reihenfolge, eingeplant bis zur Lieferung
  nova summary     nächste Schritte, zuletzt erledigt, blockiert, verbleibende Tage
  nova lint        Probleme der Checkliste mit Datei:Zeile:Spalte
  nova sync        gleicht ein Repository auf GitHub ab (Token in GITHUB_TOKEN)
  nova report      schreibt den Statusbericht als Pull Request (Token in GITHUB_TOKEN)
  nova containers  prüft Compose-Dateien und Dockerfiles für GPU-Workloads auf dem DGX Spark
  nova runner-key  gibt den Runner-Schlüssel eines Repositorys aus (aus NOVA_RUNNER_SECRET)

Hilfe zu einem Befehl: nova <befehl> --help
Farben: im Terminal, außer NO_COLOR ist gesetzt; FORCE_COLOR=1 erzwingt sie.

{options}

Exit-Codes: 0 in Ordnung · 1 lint fand Fehler · 2 falsche Eingabe · 3 interner Fehler`,
  "cli.help.lint": `nova lint – prüft die Checkliste: Zeichensalat (mit Korrektur), doppelte IDs, unbekannte
after=-IDs, zyklische Abhängigkeiten, Aufgaben ohne Titel, fehlerhafte Metadaten.
Exit-Code 1, wenn Fehler gefunden wurden (Warnungen allein: 0).

  --fix                 Zeichensalat in der Datei reparieren (sonst wird nichts geändert)

{options}`,
  "cli.help.progress": `nova progress – Fortschritt je Abschnitt (erledigt/gesamt, Prozent, Balken) und gesamt.

{options}`,
  "cli.help.stepPlan": `nova step-plan – offene Aufgaben in einer Reihenfolge, die die Abhängigkeiten aus after=
beachtet, je Rolle eingeplant über Arbeitstage bis zur Lieferung, mit kritischem Pfad und
Gantt-Diagramm (im Terminal als Zeitleiste).

  --role ROLLE          nur die Aufgaben einer Rolle zeigen
{dates}

{options}`,
  "cli.help.summary": `nova summary – die nächsten N Aufgaben, die letzten N erledigten, blockierte Aufgaben,
Gesamtfortschritt und verbleibende Arbeitstage bis zur Lieferung.

  --limit N             wie viele Aufgaben je Liste (1–50, Standard: 5)
{dates}

{options}`,
  "cli.help.plan": `nova plan – zeigt, was ein erster Abgleich in einem leeren Repository anlegen würde:
Labels und je Aufgabe ein Issue mit Titel und Labels. Schreibt nichts.

  --prefix NAME         Label-Präfix (Standard: dgx)

{options}`,
  "cli.help.sync": `nova sync – gleicht ein Repository auf GitHub ab, wie es die App nach einem Push tut:
Konfiguration (.github/nova.yml) und Checkliste vom Standard-Branch lesen, Issues und Labels anlegen,
aktualisieren, schließen. Token in GITHUB_TOKEN (in GitHub Actions: secrets.GITHUB_TOKEN mit
issues: write), API-Adresse in GITHUB_API_URL (Standard: https://api.github.com).

  --repo OWNER/NAME     das Repository (Pflicht)
  --dry-run             nur planen, nichts schreiben
  --bot-login LOGIN     Autor der Nova-Issues (Standard: der Besitzer des Tokens)
  --lang de|en          Sprache der Ausgabe (Standard: de)
  --format md|json      Markdown oder JSON (Standard: md)

Exit-Codes: 0 abgeglichen · 1 Konfiguration oder Checkliste verhindern den Abgleich · 2 falsche Eingabe · 3 GitHub-Fehler`,
  "cli.help.report": `nova report – schreibt den Statusbericht von heute (Zeitzone status.timezone) nach
reports/status/ in den Statusbericht-Pull-Request auf nova/status, wie es die App nach Zeitplan tut:
öffnet ihn oder ergänzt den offenen; ohne Änderung seit dem letzten Bericht wird nichts geschrieben.
Token in GITHUB_TOKEN (contents: write, pull-requests: write, issues: write), API-Adresse in GITHUB_API_URL.

  --repo OWNER/NAME     das Repository (Pflicht)
  --dry-run             nur planen, nichts schreiben
  --bot-login LOGIN     Autor der Nova-Issues und -Pull-Requests (Standard: der Besitzer des Tokens)
  --lang de|en          Sprache der Ausgabe (Standard: de)
  --format md|json      Markdown oder JSON (Standard: md)

Exit-Codes: 0 geschrieben oder aktuell · 1 Konfiguration oder Checkliste fehlen · 2 falsche Eingabe · 3 GitHub-Fehler`,
  "cli.help.containers": `nova containers --checklist [PFADE] – prüft Compose-Dateien und Dockerfiles statisch für
GPU-Workloads auf dem DGX Spark: GPU-Reservierung (driver: nvidia, capabilities: [gpu]), festgelegte
Images (kein latest, besser Digest), Healthcheck, Restart-Policy, Benutzer ohne root, Speicherlimit,
kein privileged, keine Secrets im Klartext, Hinweis auf arm64-Images. PFADE sind Dateien oder Ordner
(Standard: das aktuelle Verzeichnis; gefunden werden compose*.yaml, docker-compose*.yml, Dockerfile*).

  --checklist           die statischen Prüfungen (derzeit die einzige Betriebsart)
  --lang de|en          Sprache der Ausgabe (Standard: de)
  --format md|json      Markdown oder JSON (Standard: md)

Exit-Codes: 0 keine Fehler (Warnungen erlaubt) · 1 Fehler gefunden · 2 falsche Eingabe oder Pfad fehlt`,
  "cli.help.runnerKey": `nova runner-key OWNER/REPO – gibt den Runner-Schlüssel eines Repositorys aus, abgeleitet
aus NOVA_RUNNER_SECRET, wie ihn die App beim Empfang von Berichten prüft. Auf dem Server der App
ausführen; der Schlüssel kommt auf den DGX als NOVA_RUNNER_KEY (siehe docs/runner.md).

  --lang de|en          Sprache der Meldungen (Standard: de)

Exit-Codes: 0 ausgegeben · 2 falsche Eingabe oder NOVA_RUNNER_SECRET fehlt`,
  "cli.help.tasks": `nova tasks – alle Aufgaben der Checkliste, auch verschachtelte: Zeile, Haken, ID, Titel,
Abschnitt und ID der übergeordneten Aufgabe. Zum Vergleich mit dem, was GitHub anzeigt, und für
Skripte (--format json).

{options}`,
  "cli.usage.unknownCommand":
    "unbekannter Befehl „{command}“. Befehle: {commands} (siehe nova --help).",
  "cli.usage.unknownCommandSuggest":
    "unbekannter Befehl „{command}“. Meintest du {suggestions}? (siehe nova --help)",
  "cli.usage.suggestedCommand": "„nova {command}“",
  "cli.usage.or": " oder ",
  "cli.usage.unknownOption": "unbekannte Option {option} (siehe {see}).",
  "cli.usage.unknownCommandOption":
    "unbekannte Option {option} für „nova {command}“ (siehe {see}).",
  "cli.usage.didYouMean": " Meintest du {suggestions}?",
  "cli.usage.badValue": "{option} akzeptiert „{value}“ nicht: erwartet {accepted} (siehe {see}).",
  "cli.usage.missingValue": "{option} braucht einen Wert (siehe {see}).",
  "cli.usage.anOption": "eine Option",
  "cli.usage.extraArgument": "unerwartetes Argument „{value}“ für „nova {command}“ (siehe {see}).",
  "cli.read.notFound": "Checkliste nicht gefunden: {path} (Pfad mit --checklist angeben).",
  "cli.read.directory": "{path} ist ein Verzeichnis, keine Checkliste (eine .md-Datei angeben).",
  "cli.read.tooLarge": "{path} ist zu groß ({mb} MB; höchstens 4 MB).",
  "cli.read.binary": "{path} ist keine Textdatei (erwartet wird Markdown in UTF-8).",
  "cli.read.unreadable": "{path} kann nicht gelesen werden (Rechte prüfen).",
  "cli.githubError": "nova: GitHub antwortete {status}: {message}",
  "cli.githubNoStatus": "nicht",
  "cli.internalError": "nova: interner Fehler: {detail}. Bitte mit dem aufgerufenen Befehl melden.",
  "cli.setup.noToken":
    "GITHUB_TOKEN ist nicht gesetzt: nova sync und nova report brauchen ein Token mit Schreibrecht (Issues; für report auch Inhalte und Pull Requests).",
  "cli.setup.noRunnerSecret":
    "NOVA_RUNNER_SECRET fehlt oder ist kürzer als 32 Bytes; den Schlüssel auf dem Server der App ausgeben, wo das Geheimnis gesetzt ist.",
  "cli.setup.noPulls": "Diese Verbindung zu GitHub kann keine Pull Requests schreiben.",
  "cli.sync.checklistMissing": "Checkliste nicht gefunden: {path}",
  "cli.sync.dryRun":
    "Probelauf: nichts wurde geschrieben. Ein Abgleich jetzt würde die Issues so ändern:",
  "cli.lint.error": "Fehler",
  "cli.lint.warning": "Warnung",
  "cli.lint.clean": "{checklist}: keine Probleme.",
  "cli.lint.errors_one": "{number} Fehler",
  "cli.lint.errors_other": "{number} Fehler",
  "cli.lint.warnings_one": "{number} Warnung",
  "cli.lint.warnings_other": "{number} Warnungen",
  "cli.lint.counts": "{errors}, {warnings}.",
  "cli.lint.fixed": "Zeichensalat in der Datei repariert.",

  // Terminal: the CLI's views for a terminal (and `nova tasks` in Markdown).
  "timeline.legend":
    "Arbeitstage; rot: kritischer Pfad, gelb: gefährdet, ┃ Liefertermin ({delivery}).",
  "terminal.sync.upToDate":
    "Alles ist auf dem neuesten Stand: {count} Issues entsprechen der Checkliste.",
  "terminal.sync.count": "Anzahl",
  "terminal.sync.row.created": "angelegt",
  "terminal.sync.row.updated": "aktualisiert",
  "terminal.sync.row.closed": "geschlossen (erledigt)",
  "terminal.sync.row.reopened": "wiedereröffnet",
  "terminal.sync.row.removed": "geschlossen (entfernt)",
  "terminal.sync.row.unchanged": "unverändert",
  "terminal.sync.labels": "Neue Labels:",
  "terminal.sync.proposals":
    "Vorschläge für die Checkliste (jemand hat ein Issue auf GitHub geschlossen oder wieder geöffnet; Nova lässt es so und schlägt die Änderung der Checkliste vor):",
  "terminal.sync.tick": "abhaken",
  "terminal.sync.untick": "Haken entfernen",
  "terminal.sync.remaining":
    "{count} weitere Änderungen folgen im nächsten Lauf (höchstens {max} Schreibzugriffe je Lauf).",
  "terminal.sync.skipped":
    "{count} Änderungen übersprungen, weil jemand das Issue währenddessen geändert hat; der nächste Lauf prüft erneut.",
  "terminal.sync.error": "GitHub hat den Lauf unterbrochen ({error}); Nova versucht es erneut.",
  "terminal.progress.title": "Fortschritt",
  "terminal.progress.done": "{done} von {total} Aufgaben erledigt",
  "terminal.progress.empty": "Der Plan enthält noch keine Aufgaben.",
  "terminal.progress.columns.0": "Abschnitt",
  "terminal.progress.columns.1": "Erledigt",
  "terminal.progress.columns.2": "Fortschritt",
  "terminal.progress.columns.3": "Anteil",
  "terminal.summary.title": "Zusammenfassung",
  "terminal.summary.asOf": "Stand: {today}",
  "terminal.summary.done": "{done} von {total} Aufgaben erledigt",
  "terminal.summary.passed": "Der Liefertermin am {delivery} ist verstrichen.",
  "terminal.summary.left": "Noch {days} bis zum Liefertermin am {delivery}.",
  "terminal.summary.met": "Voraussichtlich fertig am {finish}.",
  "terminal.summary.late": "Voraussichtlich erst am {finish} fertig, nach dem Liefertermin.",
  "terminal.summary.next": "Als Nächstes",
  "terminal.summary.from": "ab",
  "terminal.summary.noneOpen": "Keine offenen Aufgaben.",
  "terminal.summary.recent": "Zuletzt erledigt",
  "terminal.summary.noneDone": "Noch nichts erledigt.",
  "terminal.summary.blocked": "Blockiert",
  "terminal.summary.waitsFor": "wartet auf",
  "terminal.summary.noneBlocked": "Keine Aufgabe ist blockiert.",
  "terminal.stepPlan.title": "Schrittplan",
  "terminal.stepPlan.asOf": "Stand: {today} · Liefertermin: {delivery}",
  "terminal.stepPlan.met": "Der Liefertermin ist zu halten.",
  "terminal.stepPlan.metDetail":
    "Voraussichtlich fertig am {finish}: {needed} nötig, {available} verfügbar.",
  "terminal.stepPlan.missed": "Der Liefertermin ist gefährdet.",
  "terminal.stepPlan.missedDetail":
    "Voraussichtlich erst am {finish} fertig: {needed} nötig, nur {available} verfügbar.",
  "terminal.stepPlan.critical": "Kritischer Pfad:",
  "terminal.stepPlan.criticalNote": "jede Verzögerung dort verschiebt den Fertigstellungstermin.",
  "terminal.stepPlan.effort": "Aufwand {days}, vom {start} bis zum {finish}",
  "terminal.stepPlan.columns.0": "Schritt",
  "terminal.stepPlan.columns.1": "Aufgabe",
  "terminal.stepPlan.columns.2": "Beginn",
  "terminal.stepPlan.columns.3": "Ende",
  "terminal.stepPlan.columns.4": "Dauer",
  "terminal.stepPlan.columns.5": "Hinweise",
  "terminal.stepPlan.noRoleTasks": "Für die Rolle „{role}“ gibt es keine offenen Aufgaben.",
  "terminal.stepPlan.allDone": "Alle Aufgaben sind erledigt.",
  "terminal.tasks.title": "Aufgaben",
  "terminal.tasks.columns.0": "Zeile",
  "terminal.tasks.columns.1": "Erledigt",
  "terminal.tasks.columns.2": "ID",
  "terminal.tasks.columns.3": "Titel",
  "terminal.tasks.columns.4": "Abschnitt",
  "terminal.tasks.columns.5": "Übergeordnet",
  "terminal.tasks.count_one": "{count} Aufgabe, davon {done} erledigt.",
  "terminal.tasks.count_other": "{count} Aufgaben, davon {done} erledigt.",
  "terminal.tasks.none": "Die Checkliste enthält keine Aufgaben.",
  "terminal.tasks.noSection": "Vor dem ersten Abschnitt",
  "terminal.plan.title": "Abgleich-Vorschau",
  "terminal.plan.lead":
    "Ein erster Abgleich in ein leeres Repository würde {labels} und {issues} anlegen (eins je Bereich, eins je Aufgabe), {subIssues} als Sub-Issues ihres Bereichs verknüpfen und {blockedBy} anlegen ({writes}). Jetzt wird nichts geschrieben.",
  "terminal.plan.labels_one": "{count} Label",
  "terminal.plan.labels_other": "{count} Labels",
  "terminal.plan.issues_one": "{count} Issue",
  "terminal.plan.issues_other": "{count} Issues",
  "terminal.plan.subIssues_one": "{count} Aufgabe",
  "terminal.plan.subIssues_other": "{count} Aufgaben",
  "terminal.plan.blockedBy_one": "{count} „Blockiert durch“-Beziehung",
  "terminal.plan.blockedBy_other": "{count} „Blockiert durch“-Beziehungen",
  "terminal.plan.writes_one": "{count} Schreibzugriff",
  "terminal.plan.writes_other": "{count} Schreibzugriffe",
  "terminal.plan.labelColumns.0": "Label",
  "terminal.plan.labelColumns.1": "Farbe",
  "terminal.plan.labelColumns.2": "Beschreibung",
  "terminal.plan.issueColumns.0": "Zeile",
  "terminal.plan.issueColumns.1": "Titel",
  "terminal.plan.issueColumns.2": "Labels",
  "terminal.plan.issueColumns.3": "Status",
  "terminal.plan.open": "offen",
  "terminal.plan.closed": "geschlossen (erledigt)",

  // Containers: `nova containers` findings (every placeholder but `{reason}` is a code span) and
  // the report around them.
  "containers.path.notFound": "nova: {path}: nicht gefunden",
  "containers.path.tooLarge": "nova: {path}: zu groß (höchstens 1 MB)",
  "containers.path.unreadable": "nova: {path}: nicht lesbar",
  "containers.finding.unreadable": "Datei nicht lesbar: {reason}.",
  "containers.finding.gpuReservationMissing":
    "GPU-Workload ohne GPU-Reservierung: {devices} mit {driver} und {gpu} angeben.",
  "containers.finding.gpuReservationCapabilities":
    "Die Geräte-Reservierung nennt keine {gpu}; ohne sie bekommt der Container keine GPU.",
  "containers.finding.gpuReservationDriver": "Die GPU-Reservierung nennt nicht {driver}.",
  "containers.finding.gpuLegacyRuntime":
    "{runtime} ist die alte Schreibweise; besser {devices} mit {driver} und {gpu}.",
  "containers.finding.imageUnpinned":
    "Image {image} ohne Tag (also {latest}): auf einen Digest ({digest}) oder mindestens ein festes Tag festlegen.",
  "containers.finding.imageLatest":
    "Image {image} nutzt {latest}: auf einen Digest ({digest}) oder ein festes Tag festlegen.",
  "containers.finding.imageNoDigest":
    "Image {image} hat ein Tag, aber keinen Digest; ein Digest macht den Stand reproduzierbar.",
  "containers.finding.imageVariable":
    "Image {image} hängt von einer Variablen ab; ob es festgelegt ist, lässt sich nicht prüfen.",
  "containers.finding.healthcheckMissing":
    "Kein Healthcheck (außer das Image bringt einen mit); ohne ihn meldet Docker einen hängenden Dienst als gesund.",
  "containers.finding.healthcheckDisabled": "Der Healthcheck ist abgeschaltet.",
  "containers.finding.restartMissing":
    "Keine Restart-Policy: {restart} (oder {onFailure}) setzen, damit der Dienst einen Absturz oder Neustart des DGX übersteht.",
  "containers.finding.userRoot": "Läuft als {user}: einen unprivilegierten Benutzer setzen.",
  "containers.finding.userUnset":
    "Kein Benutzer gesetzt: ohne {userInstruction}/{userKey} läuft der Container meist als root.",
  "containers.finding.memoryLimitGpu":
    "Kein Speicherlimit ({memory}): auf dem GB10 teilen sich CPU und GPU denselben Speicher, ein Workload ohne Limit kann das ganze System aushungern.",
  "containers.finding.memoryLimit": "Kein Speicherlimit ({memory} oder {memLimit}).",
  "containers.finding.privileged":
    "{privileged} gibt dem Container das ganze Host-System; für die GPU genügt die Geräte-Reservierung.",
  "containers.finding.capabilities":
    "{capAdd} gibt weitreichende Rechte; nur die nötigen Capabilities hinzufügen.",
  "containers.finding.literalSecret":
    "{variable} steht als Klartext in der Datei: als Secret oder aus der Umgebung ({substitution}) übergeben.",
  "containers.finding.platformAmd64":
    "Plattform {platform}: der DGX Spark ist arm64 (Grace); unter Emulation gibt es keine GPU.",
  "containers.finding.arm64Image":
    "Sicherstellen, dass {image} für {arm64} existiert (DGX Spark); ein Digest muss der des Multi-Arch-Index oder des arm64-Manifests sein.",
  "containers.title": "Container-Checkliste (DGX Spark)",
  "containers.errors_one": "{number} Fehler",
  "containers.errors_other": "{number} Fehler",
  "containers.warnings_one": "{number} Warnung",
  "containers.warnings_other": "{number} Warnungen",
  "containers.notes_one": "{number} Hinweis",
  "containers.notes_other": "{number} Hinweise",
  "containers.files_one": "1 Datei geprüft",
  "containers.files_other": "{count} Dateien geprüft",
  "containers.none": "Keine Compose-Dateien oder Dockerfiles gefunden.",
  "containers.clean": "Keine Befunde.",
  "containers.head": "| | Datei | Zeile | Dienst/Stufe | Befund |",
  "containers.passed": "Bestanden: keine Fehler.",
  "containers.failed": "Nicht bestanden: Fehler beheben (Exit-Code 1).",
  "containers.label.error": "Fehler",
  "containers.label.warning": "Warnung",
  "containers.label.info": "Hinweis",
} as const;
