import { gpuReportSchema } from "@nova/protocol";
import { parseUploadConfig, spoolAndFlush } from "./deliver.js";
import type { RunnerArgs } from "./runner-args.js";
import type { RunnerDeps } from "./runner-deps.js";
import { say } from "../text/say.js";

/**
 * `upload FILE|-`: validates a saved report (`check --json > report.json`), fills in the
 * repository when the report has none, then spools and sends it. 0 delivered, 1 waiting in the
 * spool, 3 invalid, rejected or not configured.
 */
export async function runUploadCommand(
  args: Extract<RunnerArgs, { command: "upload" }>,
  deps: RunnerDeps,
): Promise<number> {
  const { language } = args;
  const text = args.file === "-" ? await deps.readStdin() : await deps.readFile(args.file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    deps.stderr(
      `${say(language, "invalidReport", { file: args.file, problems: String(error) })}\n`,
    );
    return 3;
  }
  const parsed = gpuReportSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("\n");
    deps.stderr(`${say(language, "invalidReport", { file: args.file, problems })}\n`);
    return 3;
  }
  const report = parsed.data;
  const repository = args.repository ?? report.repository ?? undefined;
  const loaded = parseUploadConfig(deps.env, repository);
  if ("missing" in loaded) {
    deps.stderr(`${say(language, "missingConfig", { names: loaded.missing.join(", ") })}\n`);
    return 3;
  }
  const { config } = loaded;
  if (
    report.repository !== null &&
    report.repository.toLowerCase() !== config.repository.toLowerCase()
  ) {
    deps.stderr(
      `${say(language, "wrongRepository", { report: report.repository, configured: config.repository })}\n`,
    );
    return 3;
  }
  const body = JSON.stringify({ ...report, repository: report.repository ?? config.repository });
  return spoolAndFlush(deps, language, config, {
    format: "nova.spool/v1",
    id: report.id,
    repository: config.repository,
    body,
    spooledAt: deps.now().toISOString(),
  });
}

/** `flush`: sends what waits in the spool. 0 all sent (or nothing waiting), 1 some wait, 3 rejected. */
export async function runFlushCommand(
  args: Extract<RunnerArgs, { command: "flush" }>,
  deps: RunnerDeps,
): Promise<number> {
  const loaded = parseUploadConfig(deps.env, args.repository);
  if ("missing" in loaded) {
    deps.stderr(`${say(args.language, "missingConfig", { names: loaded.missing.join(", ") })}\n`);
    return 3;
  }
  return spoolAndFlush(deps, args.language, loaded.config, null);
}
