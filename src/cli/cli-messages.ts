import type { Language } from "../render/i18n.js";
import type { ChecklistReadError } from "./read-checklist.js";
import type { CommandName, UsageError } from "./cli-args.js";

const OPTIONS_DE = `Optionen für alle Befehle:
  --checklist PFAD      Checkliste (Standard: docs/dgx-spark-plan.md)
  --lang de|en          Sprache der Ausgabe (Standard: de)
  --format md|json      Markdown oder JSON (Standard: md)
  -h, --help            diese Hilfe`;

const OPTIONS_EN = `Options for every command:
  --checklist PATH      checklist file (default: docs/dgx-spark-plan.md)
  --lang de|en          output language (default: de)
  --format md|json      Markdown or JSON (default: md)
  -h, --help            this help`;

const DATES_DE = `  --delivery JJJJ-MM-TT Liefertermin (Standard: heute + 10 Arbeitstage)
  --today JJJJ-MM-TT    Stichtag statt heute (Europe/Berlin)`;
const DATES_EN = `  --delivery YYYY-MM-DD delivery date (default: today + 10 working days)
  --today YYYY-MM-DD    reference date instead of today (Europe/Berlin)`;

const HELP: Record<Language, Record<CommandName | "help", string>> = {
  de: {
    help: `nova – der DGX-Spark-Plan als Werkzeug, offline auf einer Checkliste

Befehle:
  nova plan        was ein erster Abgleich in einem leeren Repository anlegen würde
  nova progress    Fortschritt je Abschnitt und gesamt
  nova step-plan   offene Aufgaben in Reihenfolge, eingeplant bis zur Lieferung
  nova summary     nächste Schritte, zuletzt erledigt, blockiert, verbleibende Tage
  nova lint        Probleme der Checkliste mit Datei:Zeile:Spalte
  nova sync        gleicht ein Repository auf GitHub ab (Token in GITHUB_TOKEN)

Hilfe zu einem Befehl: nova <befehl> --help

${OPTIONS_DE}

Exit-Codes: 0 in Ordnung · 1 lint fand Fehler · 2 falsche Eingabe · 3 interner Fehler`,
    sync: `nova sync – gleicht ein Repository auf GitHub ab, wie es die App nach einem Push tut:
Konfiguration (.github/nova.yml) und Checkliste vom Standard-Branch lesen, Issues und Labels anlegen,
aktualisieren, schließen. Token in GITHUB_TOKEN (in GitHub Actions: secrets.GITHUB_TOKEN mit
issues: write), API-Adresse in GITHUB_API_URL (Standard: https://api.github.com).

  --repo OWNER/NAME     das Repository (Pflicht)
  --dry-run             nur planen, nichts schreiben
  --bot-login LOGIN     Autor der Nova-Issues (Standard: der Besitzer des Tokens)
  --lang de|en          Sprache der Ausgabe (Standard: de)
  --format md|json      Markdown oder JSON (Standard: md)

Exit-Codes: 0 abgeglichen · 1 Konfiguration oder Checkliste verhindern den Abgleich · 2 falsche Eingabe · 3 GitHub-Fehler`,
    plan: `nova plan – zeigt, was ein erster Abgleich in einem leeren Repository anlegen würde:
Labels und je Aufgabe ein Issue mit Titel und Labels. Schreibt nichts.

  --prefix NAME         Label-Präfix (Standard: dgx)
${OPTIONS_DE}`,
    progress: `nova progress – Fortschritt je Abschnitt (erledigt/gesamt, Prozent, Balken) und gesamt.

${OPTIONS_DE}`,
    "step-plan": `nova step-plan – offene Aufgaben in einer Reihenfolge, die after=-Abhängigkeiten achtet,
je Rolle eingeplant über Arbeitstage bis zur Lieferung, mit kritischem Pfad und Gantt-Diagramm.

  --role ROLLE          nur die Aufgaben einer Rolle zeigen
${DATES_DE}
${OPTIONS_DE}`,
    summary: `nova summary – die nächsten N Aufgaben, die letzten N erledigten, blockierte Aufgaben,
Gesamtfortschritt und verbleibende Arbeitstage bis zur Lieferung.

  --limit N             wie viele Aufgaben je Liste (1–50, Standard: 5)
${DATES_DE}
${OPTIONS_DE}`,
    lint: `nova lint – prüft die Checkliste: Zeichensalat (mit Korrektur), doppelte IDs, unbekannte
after=-IDs, zyklische Abhängigkeiten, Aufgaben ohne Titel, fehlerhafte Metadaten.
Exit-Code 1, wenn Fehler gefunden wurden (Warnungen allein: 0).

  --fix                 Zeichensalat in der Datei reparieren (sonst wird nichts geändert)
${OPTIONS_DE}`,
  },
  en: {
    help: `nova – the DGX Spark plan as a tool, offline on a checklist file

Commands:
  nova plan        what a first sync into an empty repository would create
  nova progress    progress per section and overall
  nova step-plan   open tasks in order, scheduled until delivery
  nova summary     next steps, recently done, blocked, days left
  nova lint        checklist problems with file:line:column
  nova sync        syncs a repository on GitHub (token in GITHUB_TOKEN)

Help for one command: nova <command> --help

${OPTIONS_EN}

Exit codes: 0 fine · 1 lint found errors · 2 bad input · 3 internal error`,
    sync: `nova sync – syncs a repository on GitHub the way the app does after a push: reads the
configuration (.github/nova.yml) and the checklist from the default branch, creates, updates and
closes issues and labels. Token in GITHUB_TOKEN (in GitHub Actions: secrets.GITHUB_TOKEN with
issues: write), API address in GITHUB_API_URL (default: https://api.github.com).

  --repo OWNER/NAME     the repository (required)
  --dry-run             plan only, write nothing
  --bot-login LOGIN     author of Nova's issues (default: the token's owner)
  --lang de|en          output language (default: de)
  --format md|json      Markdown or JSON (default: md)

Exit codes: 0 synced · 1 the configuration or checklist stops the sync · 2 bad input · 3 GitHub error`,
    plan: `nova plan – shows what a first sync into an empty repository would create: labels and
one issue per task with its title and labels. Writes nothing.

  --prefix NAME         label prefix (default: dgx)
${OPTIONS_EN}`,
    progress: `nova progress – progress per section (done/total, percent, bar) and overall.

${OPTIONS_EN}`,
    "step-plan": `nova step-plan – open tasks in an order that respects after= dependencies, scheduled per
role over working days until delivery, with the critical path and a Gantt chart.

  --role ROLE           show only one role's tasks
${DATES_EN}
${OPTIONS_EN}`,
    summary: `nova summary – the next N tasks, the last N completed, blocked tasks, overall progress
and working days left until delivery.

  --limit N             how many tasks per list (1–50, default: 5)
${DATES_EN}
${OPTIONS_EN}`,
    lint: `nova lint – checks the checklist: mojibake (with the fix), duplicate ids, unknown after= ids,
dependency cycles, tasks without a title, malformed metadata.
Exit code 1 when errors were found (warnings alone: 0).

  --fix                 repair mojibake in the file (nothing else is ever changed)
${OPTIONS_EN}`,
  },
};

/** The help text of a command. */
export function renderHelp(command: CommandName | "help", lang: Language): string {
  return HELP[lang][command];
}

/** One clear line for a command-line mistake. */
export function renderUsageError(error: UsageError, lang: Language): string {
  const { command, option, value, accepted } = error.facts;
  const see = command ? `nova ${command} --help` : "nova --help";
  if (lang === "en") {
    switch (error.key) {
      case "unknown-command":
        return `unknown command "${command}". Commands: lint, progress, step-plan, summary, plan, sync (see nova --help).`;
      case "unknown-option":
        return `unknown option ${option ?? ""} for "nova ${command}" (see ${see}).`;
      case "bad-value":
        return `${option} does not accept "${value}": expected ${accepted} (see ${see}).`;
      case "missing-value":
        return `${option ?? "an option"} needs a value (see ${see}).`;
      case "extra-argument":
        return `unexpected argument "${value ?? ""}" for "nova ${command}" (see ${see}).`;
    }
  }
  switch (error.key) {
    case "unknown-command":
      return `unbekannter Befehl „${command}“. Befehle: lint, progress, step-plan, summary, plan, sync (siehe nova --help).`;
    case "unknown-option":
      return `unbekannte Option ${option ?? ""} für „nova ${command}“ (siehe ${see}).`;
    case "bad-value":
      return `${option} akzeptiert „${value}“ nicht: erwartet ${accepted} (siehe ${see}).`;
    case "missing-value":
      return `${option ?? "eine Option"} braucht einen Wert (siehe ${see}).`;
    case "extra-argument":
      return `unerwartetes Argument „${value ?? ""}“ für „nova ${command}“ (siehe ${see}).`;
  }
}

/** One clear line for a checklist that cannot be read. */
export function renderReadError(error: ChecklistReadError, lang: Language): string {
  const mb = ((error.size ?? 0) / 1024 / 1024).toFixed(1);
  const de: Record<ChecklistReadError["reason"], string> = {
    "not-found": `Checkliste nicht gefunden: ${error.path} (Pfad mit --checklist angeben).`,
    directory: `${error.path} ist ein Verzeichnis, keine Checkliste (eine .md-Datei angeben).`,
    "too-large": `${error.path} ist zu groß (${mb.replace(".", ",")} MB; höchstens 4 MB).`,
    binary: `${error.path} ist keine Textdatei (erwartet wird Markdown in UTF-8).`,
    unreadable: `${error.path} kann nicht gelesen werden (Rechte prüfen).`,
  };
  const en: Record<ChecklistReadError["reason"], string> = {
    "not-found": `checklist not found: ${error.path} (give the path with --checklist).`,
    directory: `${error.path} is a directory, not a checklist (give a .md file).`,
    "too-large": `${error.path} is too large (${mb} MB; at most 4 MB).`,
    binary: `${error.path} is not a text file (expected Markdown in UTF-8).`,
    unreadable: `${error.path} cannot be read (check permissions).`,
  };
  return (lang === "en" ? en : de)[error.reason];
}
