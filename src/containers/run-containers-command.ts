import type { Style } from "../render/ansi-style.js";
import { createStyle } from "../render/ansi-style.js";
import { say, type Language } from "../render/i18n.js";
import { checkContainerFiles } from "./check-container-files.js";
import { ContainerPathError, findContainerFiles } from "./find-container-files.js";
import {
  renderContainersJson,
  renderContainersReport,
  renderContainersText,
} from "./render-containers-report.js";

export interface ContainersCommandOptions {
  paths: readonly string[];
  /** `text`: drawn for a terminal with `style` (the CLI decides; see docs/cli.md). */
  format: "md" | "json" | "text";
  lang: Language;
  style?: Style;
}

export interface ContainersCommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * `nova containers --checklist [paths]`: static checks of Compose files and Dockerfiles for GPU
 * workloads on a DGX Spark. Exit 0 without errors, 1 with errors, 2 when a path is missing.
 */
export async function runContainersCommand(
  options: ContainersCommandOptions,
  io: ContainersCommandIo,
): Promise<number> {
  let files;
  try {
    files = await findContainerFiles(options.paths, io.cwd);
  } catch (error) {
    if (!(error instanceof ContainerPathError)) throw error;
    const key = {
      "not-found": "containers.path.notFound",
      "too-large": "containers.path.tooLarge",
      unreadable: "containers.path.unreadable",
    } as const;
    io.stderr(`${say(options.lang, key[error.reason], { path: error.path })}\n`);
    return 2;
  }
  const report = checkContainerFiles(files);
  io.stdout(
    options.format === "json"
      ? renderContainersJson(report, options.lang)
      : options.format === "text"
        ? renderContainersText(report, options.lang, options.style ?? createStyle(false))
        : renderContainersReport(report, options.lang),
  );
  return report.passed ? 0 : 1;
}
