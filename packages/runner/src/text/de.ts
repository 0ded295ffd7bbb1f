/**
 * What nova-runner says in German, the catalog every other language is typed against. `{name}`
 * marks a parameter that `say` fills in. Check messages that are whole sentences of one check
 * stay beside their check as `{ de, en }` pairs (the report carries both languages).
 */
export const de = {
  // The command line.
  usage: `nova-runner – prüft, ob ein DGX (oder ein anderer NVIDIA-Rechner) bereit ist, und meldet es an Nova.

  nova-runner check [--json] [--only IDs] [--expect-gpus N] [--min-driver V] [--min-cuda V]
                    [--smoke-image IMAGE] [--from DIR] [--upload] [--repository OWNER/REPO]
                    [--target issue:N|pr:N|sha:SHA|task:ID] [--lang de|en]
  nova-runner record DIR [Optionen von check] [--raw]
  nova-runner upload DATEI|-
  nova-runner flush

Exit-Codes: 0 alles bestanden, 1 Warnungen, 2 eine Prüfung schlug fehl, 3 der Runner selbst schlug fehl.
Umgebung: NOVA_URL, NOVA_REPOSITORY, NOVA_RUNNER_KEY, NOVA_TARGET, NOVA_SPOOL_DIR, NOVA_LANG.
Dokumentation: docs/runner.md
`,
  usageError: "Aufruf fehlerhaft: {problem}\n„nova-runner --help“ zeigt die Optionen.",
  missingConfig: "Für den Upload fehlt: {names}.",
  wrongRepository: "Der Bericht ist für {report}, konfiguriert ist {configured}.",
  invalidReport: "{file} ist kein gültiger nova.gpu-report/v1:\n{problems}",
  delivered: "Bericht {id} übertragen (HTTP {status}){url}.",
  duplicate: "Bericht {id} war schon übertragen (HTTP 200){url}.",
  alreadySent: "Bericht {id} war schon übertragen; er wird nicht erneut gesendet.",
  rejected: "Nova lehnt Bericht {id} ab (HTTP {status}): {error}{details}",
  deferred:
    "Bericht {id} bleibt im Spool {dir}: {reason}. „nova-runner flush“ oder der nächste Lauf sendet ihn.",
  conflict:
    "Bericht {id} wurde schon mit anderem Inhalt gespoolt oder gesendet; er wird nicht erneut gesendet.",
  spoolEmpty: "Der Spool {dir} ist leer.",
  recorded: "Aufzeichnung in {dir} gespeichert.",
  crashed: "nova-runner ist abgestürzt: {error}",

  // The report table (`nova-runner check` without --json).
  statusPass: "OK",
  statusWarn: "WARNUNG",
  statusFail: "FEHLER",
  statusSkip: "ÜBERSPR.",
  statusUnknown: "UNBEKANNT",
  headingStatus: "Status",
  headingCheck: "Prüfung",
  headingObserved: "Beobachtet",
  headingMessage: "Meldung",
  yes: "ja",
  no: "nein",
  /** Between the whole and the fractional part of a number: `121,7`. */
  decimalMark: ",",
  // Check messages built from parts.
  smokeSkipped: "; GPU-Container-Test übersprungen (NVML)",
  smokePassed: "; GPU-Container-Test bestanden",
  prerequisiteBlocked: "Übersprungen: Die Voraussetzung „{check}“ {because}.",
  prerequisiteFail: "ist fehlgeschlagen",
  prerequisiteUnknown: "ist unbestimmt",
  prerequisiteSkip: "wurde übersprungen",
  prerequisiteMissing: "lief nicht",
  prerequisitePass: "ist bestanden",
  prerequisiteWarn: "hat gewarnt",
} as const;
