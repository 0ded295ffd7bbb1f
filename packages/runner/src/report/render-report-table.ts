import type { CheckStatus, GpuReport, Observed } from "@nova/protocol";
import { say, type Language, type RunnerMessageKey } from "../text/say.js";

const LABEL_KEYS = {
  pass: "statusPass",
  warn: "statusWarn",
  fail: "statusFail",
  skip: "statusSkip",
  unknown: "statusUnknown",
} as const satisfies Record<CheckStatus, RunnerMessageKey>;

/** The status as the table prints it: `OK`/`PASS`, `FEHLER`/`FAIL`, … */
function label(language: Language, status: CheckStatus): string {
  return say(language, LABEL_KEYS[status]);
}

function headings(language: Language): [string, string, string, string] {
  return [
    say(language, "headingStatus"),
    say(language, "headingCheck"),
    say(language, "headingObserved"),
    say(language, "headingMessage"),
  ];
}

const COLORS: Readonly<Record<CheckStatus, string>> = {
  pass: "\u001b[32m",
  warn: "\u001b[33m",
  fail: "\u001b[31m",
  skip: "\u001b[90m",
  unknown: "\u001b[35m",
};
const RESET = "\u001b[0m";

/**
 * The report as a terminal table: one line per check, the remediation below each finding, a
 * summary line. Colour only when asked (the caller passes `color` for a TTY without NO_COLOR).
 */
export function renderReportTable(
  report: GpuReport,
  options: { language: Language; color: boolean },
): string {
  const { language, color } = options;
  const paint = (status: CheckStatus, text: string): string =>
    color ? `${COLORS[status]}${text}${RESET}` : text;
  const rows = report.checks.map(
    (check) =>
      [
        check.status,
        label(language, check.status),
        check.id,
        formatObserved(check.observed, language),
        check.message[language],
      ] as const,
  );
  const heading = headings(language);
  const widths = [0, 1, 2].map((column) =>
    Math.max(heading[column]!.length, ...rows.map((row) => row[column + 1]!.length)),
  );
  const pad = (text: string, width: number): string =>
    text + " ".repeat(Math.max(0, width - text.length));
  const lines: string[] = [];
  const host = [report.host.hostname, report.host.dgxRelease ?? report.host.os, report.host.arch]
    .filter((part) => part !== null)
    .join(" · ");
  lines.push(`nova-runner ${report.runner.version} · ${host}`);
  lines.push(
    heading.map((heading, at) => (at < 3 ? pad(heading, widths[at]!) : heading)).join("  "),
  );
  for (const [status, label, id, observed, message] of rows) {
    lines.push(
      `${paint(status, pad(label, widths[0]!))}  ${pad(id, widths[1]!)}  ${pad(observed, widths[2]!)}  ${message}`,
    );
    const check = report.checks.find((candidate) => candidate.id === id);
    if (check?.remediation)
      lines.push(
        `${" ".repeat(widths[0]! + 2)}→ ${check.remediation.action}: ${check.remediation.runbook}`,
      );
  }
  const { summary } = report;
  const counts = (Object.keys(summary) as CheckStatus[])
    .filter((status) => summary[status] > 0)
    .map((status) => `${summary[status]} ${label(language, status)}`)
    .join(", ");
  lines.push("");
  lines.push(`${paint(report.status, label(language, report.status))} · ${counts} · ${report.id}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The observed value in the table's language (yes/no, the decimal mark); the label stays out to
 * keep the table narrow (the message says what the value is).
 */
function formatObserved(observed: Observed | null, language: Language): string {
  if (observed === null || observed.value === null) return "–";
  const value =
    typeof observed.value === "boolean"
      ? say(language, observed.value ? "yes" : "no")
      : typeof observed.value === "number"
        ? String(observed.value).replace(".", say(language, "decimalMark"))
        : observed.value;
  return observed.unit === null ? value : `${value} ${observed.unit}`;
}
