import type { Language } from "../render/i18n.js";
import type { ChecklistReadError } from "./read-checklist.js";
import { COMMANDS, type CommandName, type UsageError } from "./cli-args.js";

const OPTIONS_DE = `Optionen für alle Befehle:
  --checklist PFAD      Checkliste (Standard: docs/dgx-spark-plan.md)
  --lang de|en          Sprache der Ausgabe (Standard: de)
  --format FORMAT       md (Markdown), json oder text (fürs Terminal);
                        Standard: text im Terminal, sonst md
  -h, --help            diese Hilfe`;

const OPTIONS_EN = `Options for every command:
  --checklist PATH      checklist file (default: docs/dgx-spark-plan.md)
  --lang de|en          output language (default: de)
  --format FORMAT       md (Markdown), json, or text (for a terminal);
                        default: text in a terminal, else md
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
    report: `nova report – schreibt den Statusbericht von heute (Zeitzone status.timezone) nach
reports/status/ in den Statusbericht-Pull-Request auf nova/status, wie es die App nach Zeitplan tut:
öffnet ihn oder ergänzt den offenen; ohne Änderung seit dem letzten Bericht wird nichts geschrieben.
Token in GITHUB_TOKEN (contents: write, pull-requests: write, issues: write), API-Adresse in GITHUB_API_URL.

  --repo OWNER/NAME     das Repository (Pflicht)
  --dry-run             nur planen, nichts schreiben
  --bot-login LOGIN     Autor der Nova-Issues und -Pull-Requests (Standard: der Besitzer des Tokens)
  --lang de|en          Sprache der Ausgabe (Standard: de)
  --format md|json      Markdown oder JSON (Standard: md)

Exit-Codes: 0 geschrieben oder aktuell · 1 Konfiguration oder Checkliste fehlen · 2 falsche Eingabe · 3 GitHub-Fehler`,
    containers: `nova containers --checklist [PFADE] – prüft Compose-Dateien und Dockerfiles statisch für
GPU-Workloads auf dem DGX Spark: GPU-Reservierung (driver: nvidia, capabilities: [gpu]), festgelegte
Images (kein latest, besser Digest), Healthcheck, Restart-Policy, Benutzer ohne root, Speicherlimit,
kein privileged, keine Secrets im Klartext, Hinweis auf arm64-Images. PFADE sind Dateien oder Ordner
(Standard: das aktuelle Verzeichnis; gefunden werden compose*.yaml, docker-compose*.yml, Dockerfile*).

  --checklist           die statischen Prüfungen (derzeit die einzige Betriebsart)
  --lang de|en          Sprache der Ausgabe (Standard: de)
  --format md|json      Markdown oder JSON (Standard: md)

Exit-Codes: 0 keine Fehler (Warnungen erlaubt) · 1 Fehler gefunden · 2 falsche Eingabe oder Pfad fehlt`,
    "runner-key": `nova runner-key OWNER/REPO – gibt den Runner-Schlüssel eines Repositorys aus, abgeleitet
aus NOVA_RUNNER_SECRET, wie ihn die App beim Empfang von Berichten prüft. Auf dem Server der App
ausführen; der Schlüssel kommt auf den DGX als NOVA_RUNNER_KEY (siehe docs/runner.md).

  --lang de|en          Sprache der Meldungen (Standard: de)

Exit-Codes: 0 ausgegeben · 2 falsche Eingabe oder NOVA_RUNNER_SECRET fehlt`,
    plan: `nova plan – zeigt, was ein erster Abgleich in einem leeren Repository anlegen würde:
Labels und je Aufgabe ein Issue mit Titel und Labels. Schreibt nichts.

  --prefix NAME         Label-Präfix (Standard: dgx)

${OPTIONS_DE}`,
    tasks: `nova tasks – alle Aufgaben der Checkliste, auch verschachtelte: Zeile, Haken, ID, Titel,
Abschnitt und ID der übergeordneten Aufgabe. Zum Vergleich mit dem, was GitHub anzeigt, und für
Skripte (--format json).

${OPTIONS_DE}`,
    progress: `nova progress – Fortschritt je Abschnitt (erledigt/gesamt, Prozent, Balken) und gesamt.

${OPTIONS_DE}`,
    "step-plan": `nova step-plan – offene Aufgaben in einer Reihenfolge, die die Abhängigkeiten aus after=
beachtet, je Rolle eingeplant über Arbeitstage bis zur Lieferung, mit kritischem Pfad und
Gantt-Diagramm (im Terminal als Zeitleiste).

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
  nova tasks       every task with line, checkbox, id, title, section and parent task
  nova step-plan   open tasks in order, scheduled until delivery
  nova summary     next steps, recently done, blocked, days left
  nova lint        checklist problems with file:line:column
  nova sync        syncs a repository on GitHub (token in GITHUB_TOKEN)
  nova report      writes the status report as a pull request (token in GITHUB_TOKEN)
  nova containers  checks Compose files and Dockerfiles for GPU workloads on the DGX Spark
  nova runner-key  prints a repository's runner key (from NOVA_RUNNER_SECRET)

Help for one command: nova <command> --help
Colours: in a terminal, unless NO_COLOR is set; FORCE_COLOR=1 forces them.

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
    report: `nova report – writes today's status report (time zone status.timezone) to reports/status/
in the status pull request on nova/status, the way the app does on schedule: opens it or adds to the
open one; nothing is written when nothing changed since the last report. Token in GITHUB_TOKEN
(contents: write, pull-requests: write, issues: write), API address in GITHUB_API_URL.

  --repo OWNER/NAME     the repository (required)
  --dry-run             plan only, write nothing
  --bot-login LOGIN     author of Nova's issues and pull requests (default: the token's owner)
  --lang de|en          output language (default: de)
  --format md|json      Markdown or JSON (default: md)

Exit codes: 0 written or up to date · 1 configuration or checklist missing · 2 bad input · 3 GitHub error`,
    containers: `nova containers --checklist [PATHS] – static checks of Compose files and Dockerfiles for
GPU workloads on the DGX Spark: GPU reservation (driver: nvidia, capabilities: [gpu]), pinned images
(no latest, digest preferred), healthcheck, restart policy, non-root user, memory limit, no
privileged, no secrets in clear text, a reminder about arm64 images. PATHS are files or folders
(default: the working directory; it finds compose*.yaml, docker-compose*.yml, Dockerfile*).

  --checklist           the static checks (the only mode so far)
  --lang de|en          output language (default: de)
  --format md|json      Markdown or JSON (default: md)

Exit codes: 0 no errors (warnings allowed) · 1 errors found · 2 bad input or missing path`,
    "runner-key": `nova runner-key OWNER/REPO – prints a repository's runner key, derived from
NOVA_RUNNER_SECRET the way the app checks uploaded reports. Run it on the app's server; the key goes
to the DGX as NOVA_RUNNER_KEY (see docs/runner.md).

  --lang de|en          language of messages (default: de)

Exit codes: 0 printed · 2 bad input or NOVA_RUNNER_SECRET missing`,
    plan: `nova plan – shows what a first sync into an empty repository would create: labels and
one issue per task with its title and labels. Writes nothing.

  --prefix NAME         label prefix (default: dgx)

${OPTIONS_EN}`,
    tasks: `nova tasks – every task of the checklist, nested ones included: line, checkbox, id,
title, section and the parent task's id. For comparing with what GitHub shows, and for scripts
(--format json).

${OPTIONS_EN}`,
    progress: `nova progress – progress per section (done/total, percent, bar) and overall.

${OPTIONS_EN}`,
    "step-plan": `nova step-plan – open tasks in an order that respects after= dependencies, scheduled per
role over working days until delivery, with the critical path and a Gantt chart (a timeline in a
terminal).

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
  const { command, option, value, accepted, suggestions = [] } = error.facts;
  const see = command ? `nova ${command} --help` : "nova --help";
  const commands = COMMANDS.join(", ");
  if (lang === "en") {
    switch (error.key) {
      case "unknown-command":
        return suggestions.length > 0
          ? `unknown command "${command}". Did you mean ${suggestions.map((s) => `"nova ${s}"`).join(" or ")}? (see nova --help)`
          : `unknown command "${command}". Commands: ${commands} (see nova --help).`;
      case "unknown-option": {
        const guess = suggestions.length > 0 ? ` Did you mean ${suggestions.join(" or ")}?` : "";
        return command
          ? `unknown option ${option ?? ""} for "nova ${command}" (see ${see}).${guess}`
          : `unknown option ${option ?? ""} (see ${see}).${guess}`;
      }
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
      return suggestions.length > 0
        ? `unbekannter Befehl „${command}“. Meintest du ${suggestions.map((s) => `„nova ${s}“`).join(" oder ")}? (siehe nova --help)`
        : `unbekannter Befehl „${command}“. Befehle: ${commands} (siehe nova --help).`;
    case "unknown-option": {
      const guess = suggestions.length > 0 ? ` Meintest du ${suggestions.join(" oder ")}?` : "";
      return command
        ? `unbekannte Option ${option ?? ""} für „nova ${command}“ (siehe ${see}).${guess}`
        : `unbekannte Option ${option ?? ""} (siehe ${see}).${guess}`;
    }
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
