import type { ProbeSource } from "../probes/probe-types.js";
import { say as sayText, type Language, type RunnerMessageKey } from "../text/say.js";
import type { CheckResult, CheckStatus, Host } from "@nova/protocol";
import {
  say,
  type CheckDefinition,
  type CheckId,
  type CheckOptions,
  type CheckOutcome,
  type RunFacts,
} from "./check-types.js";

export interface RunChecksInput {
  checks: readonly CheckDefinition[];
  probes: ProbeSource;
  options: CheckOptions;
  host: Host;
  /** `--only`: these checks and the checks they depend on; undefined runs all. */
  only?: ReadonlySet<string>;
  now?: () => number;
}

/**
 * Runs the checks in order. A check whose prerequisite did not pass or warn is `skip` with the
 * reason; a check that throws is `unknown` with the error, so one broken check never hides the
 * others' results.
 */
export async function runChecks(
  input: RunChecksInput,
): Promise<{ results: CheckResult[]; facts: RunFacts }> {
  const now = input.now ?? Date.now;
  const selected = selectChecks(input.checks, input.only);
  let facts: RunFacts = {
    host: input.host,
    driver: null,
    cuda: null,
    toolkit: null,
    dcgm: null,
    listedGpus: [],
    gpus: [],
  };
  const statuses = new Map<CheckId, CheckStatus>();
  const results: CheckResult[] = [];
  for (const check of selected) {
    const started = now();
    const blocked = check.dependsOn.find((id) => {
      const status = statuses.get(id);
      return status !== "pass" && status !== "warn";
    });
    let outcome: CheckOutcome;
    if (blocked !== undefined) outcome = skipped(blocked, statuses.get(blocked));
    else {
      try {
        outcome = await check.run({
          probes: input.probes,
          options: input.options,
          facts,
          statuses,
        });
      } catch (error) {
        outcome = crashed(error);
      }
    }
    if (outcome.facts !== undefined) facts = { ...facts, ...outcome.facts };
    statuses.set(check.id, outcome.status);
    results.push({
      id: check.id,
      status: outcome.status,
      observed: outcome.observed,
      expected: outcome.expected?.en ?? null,
      ...(outcome.expected === null ? {} : { expectedText: outcome.expected }),
      // The schema caps messages at 2000 characters; a long list of GPUs or XIDs must not
      // turn a finding into an invalid report.
      message: { de: outcome.message.de.slice(0, 2000), en: outcome.message.en.slice(0, 2000) },
      remediation: outcome.remediation,
      evidence: outcome.evidence.slice(0, 8),
      dependsOn: [...check.dependsOn],
      durationMs: Math.max(0, Math.round(now() - started)),
    });
  }
  return { results, facts };
}

/** The checks `--only` names plus everything they depend on, in registry order. */
export function selectChecks(
  checks: readonly CheckDefinition[],
  only: ReadonlySet<string> | undefined,
): CheckDefinition[] {
  if (only === undefined) return [...checks];
  const wanted = new Set<string>();
  const add = (id: string): void => {
    if (wanted.has(id)) return;
    wanted.add(id);
    for (const dependency of checks.find((check) => check.id === id)?.dependsOn ?? [])
      add(dependency);
  };
  for (const id of only) add(id);
  return checks.filter((check) => wanted.has(check.id));
}

const BLOCKED_BECAUSE = {
  fail: "prerequisiteFail",
  unknown: "prerequisiteUnknown",
  skip: "prerequisiteSkip",
  missing: "prerequisiteMissing",
  // A prerequisite that passed or warned does not block; listed for completeness.
  pass: "prerequisitePass",
  warn: "prerequisiteWarn",
} as const satisfies Record<CheckStatus | "missing", RunnerMessageKey>;

function skipped(blocked: CheckId, status: CheckStatus | undefined): CheckOutcome {
  const because = BLOCKED_BECAUSE[status ?? "missing"];
  const text = (language: Language): string =>
    sayText(language, "prerequisiteBlocked", {
      check: blocked,
      because: sayText(language, because),
    });
  return {
    status: "skip",
    observed: null,
    expected: null,
    message: { de: text("de"), en: text("en") },
    remediation: null,
    evidence: [],
  };
}

function crashed(error: unknown): CheckOutcome {
  const text = error instanceof Error ? error.message : String(error);
  return {
    status: "unknown",
    observed: null,
    expected: null,
    message: say(`Die Prüfung ist abgestürzt: ${text}`, `The check crashed: ${text}`),
    remediation: null,
    evidence: [],
  };
}
