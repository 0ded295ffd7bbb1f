import { parseArgs } from "node:util";
import { CHECK_IDS } from "../checks/check-types.js";
import { REPOSITORY_PATTERN, targetSchema, type Target } from "@nova/protocol";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "../text/say.js";

/** What `check` and `record` accept on top of the defaults (a DGX Spark's). */
export interface CheckArgs {
  only?: string[];
  expectGpus?: number;
  minDriver?: string;
  minCuda?: string;
  smokeImage?: string;
}

interface Common {
  language: Language;
  repository?: string;
  target?: Target;
}

export type RunnerArgs = Common &
  (
    | { command: "check"; check: CheckArgs; json: boolean; from?: string; upload: boolean }
    | { command: "record"; check: CheckArgs; json: boolean; dir: string; raw: boolean }
    | { command: "upload"; file: string }
    | { command: "flush" }
    | { command: "help" }
    | { command: "version" }
  );

/** A mistake on the command line; the message names the option and what it accepts. */
export class RunnerUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunnerUsageError";
  }
}

const CHECK_OPTIONS = {
  json: { type: "boolean" },
  only: { type: "string" },
  "expect-gpus": { type: "string" },
  "min-driver": { type: "string" },
  "min-cuda": { type: "string" },
  "smoke-image": { type: "string" },
} as const;
const COMMON_OPTIONS = {
  lang: { type: "string" },
  repository: { type: "string" },
  target: { type: "string" },
} as const;
const OPTIONS = {
  check: {
    ...COMMON_OPTIONS,
    ...CHECK_OPTIONS,
    from: { type: "string" },
    upload: { type: "boolean" },
  },
  record: { ...COMMON_OPTIONS, ...CHECK_OPTIONS, raw: { type: "boolean" } },
  upload: { ...COMMON_OPTIONS },
  flush: { ...COMMON_OPTIONS },
} as const;

/**
 * Parses `nova-runner <command> [options]`. Environment variables fill in what flags leave
 * open (`NOVA_REPOSITORY`, `NOVA_TARGET`, `NOVA_LANG`); flags win.
 */
export function parseRunnerArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): RunnerArgs {
  const [command, ...rest] = argv;
  const fallbackLanguage: Language = isLanguage(env.NOVA_LANG) ? env.NOVA_LANG : DEFAULT_LANGUAGE;
  if (command === undefined || command === "help" || command === "--help" || command === "-h")
    return { command: "help", language: languageFrom(argv, fallbackLanguage) };
  if (command === "--version" || command === "version")
    return { command: "version", language: fallbackLanguage };
  if (!(command in OPTIONS)) throw new RunnerUsageError(`unknown command "${command}"`);
  const name = command as keyof typeof OPTIONS;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: OPTIONS[name],
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new RunnerUsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const text = (key: string): string | undefined => {
    const value = values[key];
    return typeof value === "string" ? value : undefined;
  };
  const common: Common = {
    language: parseLanguage(text("lang") ?? env.NOVA_LANG ?? DEFAULT_LANGUAGE),
  };
  const repository = text("repository") ?? (env.NOVA_REPOSITORY?.trim() || undefined);
  if (repository !== undefined) {
    if (!REPOSITORY_PATTERN.test(repository))
      throw new RunnerUsageError(`--repository "${repository}": expected owner/repo`);
    common.repository = repository;
  }
  const target = text("target") ?? (env.NOVA_TARGET?.trim() || undefined);
  if (target !== undefined) common.target = parseTarget(target);
  const positionals = parsed.positionals;
  const expectPositionals = (count: number, what: string): void => {
    if (positionals.length !== count)
      throw new RunnerUsageError(
        count === 0 ? `unexpected argument "${positionals[0]}"` : `${command} needs ${what}`,
      );
  };
  switch (name) {
    case "check": {
      expectPositionals(0, "");
      const from = text("from");
      return {
        ...common,
        command: "check",
        check: parseCheckArgs(text),
        json: values.json === true,
        upload: values.upload === true,
        ...(from === undefined ? {} : { from }),
      };
    }
    case "record":
      expectPositionals(1, "a directory: nova-runner record DIR");
      return {
        ...common,
        command: "record",
        check: parseCheckArgs(text),
        json: values.json === true,
        dir: positionals[0]!,
        raw: values.raw === true,
      };
    case "upload":
      expectPositionals(1, "a report file (or - for stdin): nova-runner upload FILE");
      return { ...common, command: "upload", file: positionals[0]! };
    case "flush":
      expectPositionals(0, "");
      return { ...common, command: "flush" };
  }
}

function parseCheckArgs(text: (key: string) => string | undefined): CheckArgs {
  const args: CheckArgs = {};
  const only = text("only");
  if (only !== undefined) {
    const ids = only
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    const unknown = ids.filter((id) => !(CHECK_IDS as readonly string[]).includes(id));
    if (ids.length === 0 || unknown.length > 0)
      throw new RunnerUsageError(`--only "${only}": known checks are ${CHECK_IDS.join(", ")}`);
    args.only = ids;
  }
  const gpus = text("expect-gpus");
  if (gpus !== undefined) {
    if (!/^\d{1,3}$/.test(gpus) || Number(gpus) < 1)
      throw new RunnerUsageError(`--expect-gpus "${gpus}": expected a whole number from 1`);
    args.expectGpus = Number(gpus);
  }
  for (const [flag, key] of [
    ["min-driver", "minDriver"],
    ["min-cuda", "minCuda"],
  ] as const) {
    const version = text(flag);
    if (version === undefined) continue;
    if (!/^\d+(\.\d+){0,3}$/.test(version))
      throw new RunnerUsageError(`--${flag} "${version}": expected a version like 580 or 13.0`);
    args[key] = version;
  }
  const image = text("smoke-image");
  if (image !== undefined) {
    // The image is one argv element of `docker run`; refuse anything that reads as an option.
    if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(image))
      throw new RunnerUsageError(
        `--smoke-image "${image}": expected an image reference like nvcr.io/nvidia/cuda:13.0.0-base-ubuntu24.04`,
      );
    args.smokeImage = image;
  }
  return args;
}

/** `issue:12`, `pr:7`, `sha:<40 hex>`, `task:<task id>` → the report's `target`. */
export function parseTarget(text: string): Target {
  const match = /^(issue|pr|pull-request|sha|task):(.+)$/.exec(text.trim());
  const [, kind, value] = match ?? [];
  const candidate =
    kind === "issue"
      ? { issue: Number(value) }
      : kind === "pr" || kind === "pull-request"
        ? { pullRequest: Number(value) }
        : kind === "sha"
          ? { sha: value?.toLowerCase() }
          : kind === "task"
            ? { task: value }
            : undefined;
  const parsed = targetSchema.safeParse(candidate);
  if (!parsed.success)
    throw new RunnerUsageError(
      `--target "${text}": expected issue:N, pr:N, sha:<40 hex> or task:<task id>`,
    );
  return parsed.data;
}

function parseLanguage(value: string): Language {
  if (isLanguage(value)) return value;
  throw new RunnerUsageError(`--lang "${value}": expected de or en`);
}

function languageFrom(argv: readonly string[], fallback: Language): Language {
  const at = argv.indexOf("--lang");
  const value = at < 0 ? undefined : argv[at + 1];
  return isLanguage(value) ? value : fallback;
}
