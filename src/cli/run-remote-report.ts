import { renderStatusResult } from "../bot-pr/render-status-result.js";
import { runStatusReport } from "../bot-pr/run-status-report.js";
import { renderConfigProblems } from "../config/parse-config.js";
import type { CliOptions } from "./cli-args.js";
import { CliSetupError, EXIT, type CliIo } from "./cli-io.js";
import { sayEach } from "../render/i18n.js";

/**
 * `nova report --repo owner/name [--dry-run]`: today's status report into the status pull
 * request, exactly as the app's schedule does (`trigger: "cli"`, so a pull request closed
 * unmerged today does not stop it). Exit 0 when written or up to date, 1 when the repository's
 * config or checklist stops it.
 */
export async function runRemoteReport(options: CliOptions, io: CliIo): Promise<number> {
  const { port, botLogin, pulls } = await io.connectGitHub(options.repo!, options.botLogin);
  if (!pulls) {
    throw new CliSetupError(sayEach("cli.setup.noPulls"));
  }
  const result = await runStatusReport({
    github: port,
    pulls,
    botLogin,
    now: io.now().getTime(),
    trigger: "cli",
    dryRun: options.dryRun,
    log: { info: () => {}, warn: () => {} },
  });
  const failed = result.status === "invalid-config" || result.status === "checklist-missing";
  if (options.format === "json") {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else if (result.status === "invalid-config") {
    io.stdout(`${renderConfigProblems(result.problems, options.lang)}\n`);
  } else {
    io.stdout(renderStatusResult(result, options.lang));
  }
  return failed ? EXIT.lintErrors : EXIT.ok;
}
