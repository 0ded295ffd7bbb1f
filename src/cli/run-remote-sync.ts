import { findOpenWriteBack } from "../bot-pr/find-write-back-pull.js";
import { renderConfigProblems } from "../config/parse-config.js";
import { renderCheckTitle, renderSyncCheck, syncRepository } from "../sync/sync-repository.js";
import type { CliOptions } from "./cli-args.js";
import { EXIT, type CliIo } from "./cli-io.js";
import { decideOutput } from "./output-mode.js";
import { say } from "../render/i18n.js";

/**
 * `nova sync --repo owner/name [--dry-run]`: the app's sync engine from a terminal or a
 * GitHub Actions step. Exit 0 when synced (or planned), 1 when the repository's config or
 * checklist stops the sync.
 */
export async function runRemoteSync(options: CliOptions, io: CliIo): Promise<number> {
  const { port, botLogin, pulls } = await io.connectGitHub(options.repo!, options.botLogin);
  const messages: string[] = [];
  const log = {
    info: () => {},
    warn: (data: object, message?: string) =>
      messages.push(`${message ?? ""} ${JSON.stringify(data)}`),
  };
  const result = await syncRepository({
    port,
    botLogin,
    reason: "command",
    dryRun: options.dryRun,
    // Issues held for Nova's open write-back pull request stay as people left them.
    ...(pulls
      ? {
          readPendingWriteBack: async () =>
            (await findOpenWriteBack(pulls, botLogin))?.body.pending() ?? new Map(),
        }
      : {}),
    log,
  });
  if (options.format === "json") {
    io.stdout(
      `${JSON.stringify(result.status === "invalid-config" || result.status === "checklist-missing" || result.status === "checklist-invalid" ? result : { status: result.status, sha: result.sha, report: result.report, needsFollowUp: result.needsFollowUp }, null, 2)}\n`,
    );
    return result.status === "synced" || result.status === "dry-run" ? EXIT.ok : EXIT.lintErrors;
  }
  switch (result.status) {
    case "invalid-config":
      io.stdout(`${renderConfigProblems(result.problems, options.lang)}\n`);
      return EXIT.lintErrors;
    case "checklist-missing":
      io.stdout(`${say(options.lang, "cli.sync.checklistMissing", { path: result.path })}\n`);
      return EXIT.lintErrors;
    case "checklist-invalid":
      io.stdout(
        `${result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join("\n")}\n`,
      );
      return EXIT.lintErrors;
    default: {
      // A dry run says what a sync now would do; "merging" belongs to the pull request preview.
      const heading = options.dryRun
        ? say(options.lang, "cli.sync.dryRun")
        : renderCheckTitle(result.report, options.lang);
      const output = decideOutput(options, io);
      const maxWrites = result.config.sync.maxWritesPerRun;
      if (output.mode === "text") {
        const { renderSyncText } = await import("./terminal/render-sync-text.js");
        io.stdout(
          `${output.style.bold(heading)}\n\n${renderSyncText(result.report, options.lang, output.style, maxWrites)}`,
        );
      } else {
        io.stdout(
          `${heading}\n\n${renderSyncCheck(result.report, options.lang, false, maxWrites)}`,
        );
      }
      return EXIT.ok;
    }
  }
}
