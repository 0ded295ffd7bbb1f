/** What the CLI itself says (check messages live with the checks), in German and English. */
export type Language = "de" | "en";

const de = {
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
} as const;

export type RunnerMessageKey = keyof typeof de;

const en: Record<RunnerMessageKey, string> = {
  usage: `nova-runner – checks whether a DGX (or another NVIDIA machine) is ready, and reports to Nova.

  nova-runner check [--json] [--only IDS] [--expect-gpus N] [--min-driver V] [--min-cuda V]
                    [--smoke-image IMAGE] [--from DIR] [--upload] [--repository OWNER/REPO]
                    [--target issue:N|pr:N|sha:SHA|task:ID] [--lang de|en]
  nova-runner record DIR [check options] [--raw]
  nova-runner upload FILE|-
  nova-runner flush

Exit codes: 0 all passed, 1 warnings, 2 a check failed, 3 the runner itself failed.
Environment: NOVA_URL, NOVA_REPOSITORY, NOVA_RUNNER_KEY, NOVA_TARGET, NOVA_SPOOL_DIR, NOVA_LANG.
Documentation: docs/runner.md
`,
  usageError: "Usage error: {problem}\n`nova-runner --help` lists the options.",
  missingConfig: "Uploading needs: {names}.",
  wrongRepository: "The report is for {report}, but {configured} is configured.",
  invalidReport: "{file} is not a valid nova.gpu-report/v1:\n{problems}",
  delivered: "Report {id} delivered (HTTP {status}){url}.",
  duplicate: "Report {id} was already delivered (HTTP 200){url}.",
  alreadySent: "Report {id} was already delivered; it is not sent again.",
  rejected: "Nova rejected report {id} (HTTP {status}): {error}{details}",
  deferred:
    "Report {id} stays in the spool {dir}: {reason}. `nova-runner flush` or the next run sends it.",
  conflict: "Report {id} was already spooled or sent with a different body; it is not sent again.",
  spoolEmpty: "The spool {dir} is empty.",
  recorded: "Recording saved in {dir}.",
  crashed: "nova-runner crashed: {error}",
};

const MESSAGES: Readonly<Record<Language, Readonly<Record<RunnerMessageKey, string>>>> = { de, en };

/** A CLI message with `{name}` parameters filled in. */
export function message(
  language: Language,
  key: RunnerMessageKey,
  params: Record<string, string | number> = {},
): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
