import { GitHubError } from "../github/github-error.js";
import { parseCliArgs, peekLanguage, UsageError, type CliOptions } from "./cli-args.js";
import { CliSetupError, EXIT, type CliIo } from "./cli-io.js";
import { renderHelp, renderReadError, renderUsageError } from "./cli-messages.js";
import { say } from "../render/i18n.js";
import { decideOutput } from "./output-mode.js";
import { ChecklistReadError } from "./read-checklist.js";

export { CliSetupError, EXIT, type CliIo } from "./cli-io.js";

/**
 * Runs `nova <argv>` and returns the exit code. Every expected failure (a usage mistake, an
 * unreadable file) is one clear line on stderr and exit code 2, never a stack trace.
 *
 * Each command's code is imported when that command runs: the offline commands never load
 * Probot, Octokit or the sync engine, which would cost most of a cold start (docs/cli.md).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = peekLanguage(argv);
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      io.stdout(`${renderHelp(options.command, options.lang)}\n`);
      return EXIT.ok;
    }
    return await runCommand(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`nova: ${renderUsageError(error, lang)}\n`);
      return EXIT.badInput;
    }
    if (error instanceof CliSetupError) {
      io.stderr(`nova: ${error.messages[lang]}\n`);
      return EXIT.badInput;
    }
    if (error instanceof GitHubError) {
      const status = error.status || say(lang, "cli.githubNoStatus");
      io.stderr(`${say(lang, "cli.githubError", { status, message: error.message })}\n`);
      return EXIT.internal;
    }
    if (error instanceof ChecklistReadError) {
      io.stderr(`nova: ${renderReadError(error, lang)}\n`);
      return EXIT.badInput;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`${say(lang, "cli.internalError", { detail })}\n`);
    return EXIT.internal;
  }
}

async function runCommand(options: CliOptions, io: CliIo): Promise<number> {
  const { command } = options;
  switch (command) {
    case "help":
      io.stdout(`${renderHelp("help", options.lang)}\n`);
      return EXIT.ok;
    case "sync":
      return (await import("./run-remote-sync.js")).runRemoteSync(options, io);
    case "report":
      return (await import("./run-remote-report.js")).runRemoteReport(options, io);
    case "runner-key":
      return (await import("./runner-key-command.js")).runRunnerKeyCommand(options, io);
    case "containers": {
      const { runContainersCommand } = await import("../containers/run-containers-command.js");
      const { mode, style } = decideOutput(options, io);
      return runContainersCommand({ ...options, format: mode, style }, io);
    }
    default:
      return (await import("./run-offline-command.js")).runOfflineCommand(
        { ...options, command },
        io,
      );
  }
}
