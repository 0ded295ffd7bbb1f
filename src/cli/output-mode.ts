import type { CliOptions } from "./cli-args.js";
import type { CliIo } from "./cli-io.js";
import { createStyle, decideColours, type Style } from "../render/ansi-style.js";

/** How a command prints: Markdown (what the bot posts), JSON, or drawn for a terminal. */
export interface Output {
  mode: "md" | "json" | "text";
  style: Style;
  /** Terminal width for tables and the timeline (80 when unknown). */
  width: number;
}

/**
 * `--format` wins; without it a terminal gets text and a pipe or file gets Markdown, so scripts
 * and `> report.md` keep today's output. Colours only ever go with text.
 */
export function decideOutput(options: CliOptions, io: CliIo): Output {
  const mode = options.formatGiven ? options.format : io.isTTY ? "text" : "md";
  const colours = mode === "text" && decideColours(io.env ?? {}, io.isTTY === true);
  return { mode, style: createStyle(colours), width: io.columns ?? 80 };
}
