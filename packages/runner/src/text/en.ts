import type { RunnerMessages } from "./messages.js";

/** What nova-runner says in English: the keys of the German catalog, no more, no fewer. */
export const en: RunnerMessages = {
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

  statusPass: "PASS",
  statusWarn: "WARN",
  statusFail: "FAIL",
  statusSkip: "SKIP",
  statusUnknown: "UNKNOWN",
  headingStatus: "Status",
  headingCheck: "Check",
  headingObserved: "Observed",
  headingMessage: "Message",
  yes: "yes",
  no: "no",
  decimalMark: ".",
  smokeSkipped: "; GPU container smoke test skipped (NVML)",
  smokePassed: "; GPU container smoke test passed",
  prerequisiteBlocked: 'Skipped: prerequisite "{check}" {because}.',
  prerequisiteFail: "failed",
  prerequisiteUnknown: "is unknown",
  prerequisiteSkip: "was skipped",
  prerequisiteMissing: "did not run",
  prerequisitePass: "passed",
  prerequisiteWarn: "warned",
};
