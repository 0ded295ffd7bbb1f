import { RUNNER_VERSION } from "../runner-version.js";
import { RunnerUsageError, parseRunnerArgs } from "./runner-args.js";
import type { RunnerDeps } from "./runner-deps.js";
import { DEFAULT_LANGUAGE, isLanguage, say, type Language } from "../text/say.js";
import { runCheckCommand } from "./run-check-command.js";
import { runFlushCommand, runUploadCommand } from "./upload-command.js";

/** Exit code when the runner itself failed (bad usage, missing configuration, a crash). */
export const RUNNER_FAILED = 3;

/**
 * `nova-runner <command>`: parses the arguments and runs the command against the given
 * dependencies. Never throws; returns the exit code.
 */
export async function runRunnerCli(argv: readonly string[], deps: RunnerDeps): Promise<number> {
  const language = peekLanguage(argv, deps);
  try {
    const args = parseRunnerArgs(argv, deps.env);
    switch (args.command) {
      case "help":
        deps.stdout(say(args.language, "usage"));
        return 0;
      case "version":
        deps.stdout(`${RUNNER_VERSION}\n`);
        return 0;
      case "check":
      case "record":
        return await runCheckCommand(args, deps);
      case "upload":
        return await runUploadCommand(args, deps);
      case "flush":
        return await runFlushCommand(args, deps);
    }
  } catch (error) {
    if (error instanceof RunnerUsageError) {
      deps.stderr(`${say(language, "usageError", { problem: error.message })}\n`);
      return RUNNER_FAILED;
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    deps.stderr(`${say(language, "crashed", { error: text })}\n`);
    return RUNNER_FAILED;
  }
}

/** The language for messages about a command line that may itself be broken. */
function peekLanguage(argv: readonly string[], deps: RunnerDeps): Language {
  const at = argv.indexOf("--lang");
  const value = at < 0 ? deps.env.NOVA_LANG : argv[at + 1];
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}
