import type { Style } from "../render/ansi-style.js";
import { say, translate, type Language, type SayKey } from "../render/i18n.js";
import { escapeMarkdown } from "../render/escape-markdown.js";
import { formatNumber } from "../render/format-values.js";
import type { CheckId, ContainersReport, Finding, Severity } from "./container-findings.js";

type Facts = Record<string, string>;
type Code = (text: string | undefined) => string;

/** The code spans the messages name: configuration as the user writes it. */
const CODE = {
  devices: "deploy.resources.reservations.devices",
  driver: "driver: nvidia",
  gpu: "capabilities: [gpu]",
  runtime: "runtime: nvidia",
  latest: "latest",
  digest: "@sha256:…",
  restart: "restart: unless-stopped",
  onFailure: "on-failure",
  userInstruction: "USER",
  userKey: "user:",
  memory: "deploy.resources.limits.memory",
  memLimit: "mem_limit",
  privileged: "privileged: true",
  substitution: "${…}",
  arm64: "linux/arm64",
} as const;

/** The catalog key of one finding's sentence: what is wrong, and what to do. */
function findingKey(check: CheckId, facts: Facts): SayKey {
  switch (check) {
    case "gpu-reservation":
      return facts.problem === "missing"
        ? "containers.finding.gpuReservationMissing"
        : facts.problem === "capabilities"
          ? "containers.finding.gpuReservationCapabilities"
          : "containers.finding.gpuReservationDriver";
    case "memory-limit":
      return facts.gpu === "yes"
        ? "containers.finding.memoryLimitGpu"
        : "containers.finding.memoryLimit";
    default:
      return FINDING_KEYS[check];
  }
}

const FINDING_KEYS = {
  unreadable: "containers.finding.unreadable",
  "gpu-legacy-runtime": "containers.finding.gpuLegacyRuntime",
  "image-unpinned": "containers.finding.imageUnpinned",
  "image-latest": "containers.finding.imageLatest",
  "image-no-digest": "containers.finding.imageNoDigest",
  "image-variable": "containers.finding.imageVariable",
  "healthcheck-missing": "containers.finding.healthcheckMissing",
  "healthcheck-disabled": "containers.finding.healthcheckDisabled",
  "restart-missing": "containers.finding.restartMissing",
  "user-root": "containers.finding.userRoot",
  "user-unset": "containers.finding.userUnset",
  privileged: "containers.finding.privileged",
  capabilities: "containers.finding.capabilities",
  "literal-secret": "containers.finding.literalSecret",
  "platform-amd64": "containers.finding.platformAmd64",
  "arm64-image": "containers.finding.arm64Image",
} as const satisfies Record<Exclude<CheckId, "gpu-reservation" | "memory-limit">, SayKey>;

/**
 * One finding's sentence with its code spans drawn by `code` (Markdown or terminal). Every
 * placeholder but `reason` (escaped text) is a code span, so the parameters are built by name
 * and filled by `translate`.
 */
function renderFinding(finding: Finding, lang: Language, code: Code): string {
  const { facts } = finding;
  const spans: Record<string, string> = {};
  for (const [name, text] of Object.entries({
    ...CODE,
    image: facts.image,
    user: facts.user,
    variable: facts.variable,
    platform: facts.platform,
    capAdd: `cap_add: ${facts.capability ?? ""}`,
  })) {
    spans[name] = code(text);
  }
  spans.reason = escapeMarkdown(facts.reason);
  return translate(lang, findingKey(finding.check, facts), spans);
}

/** The report's counts: "1 Fehler · 2 Warnungen · 0 Hinweise". */
function renderCounts(counts: Record<Severity, number>, lang: Language): string {
  return [
    say(lang, "containers.errors", {
      count: counts.error,
      number: formatNumber(counts.error, lang),
    }),
    say(lang, "containers.warnings", {
      count: counts.warning,
      number: formatNumber(counts.warning, lang),
    }),
    say(lang, "containers.notes", { count: counts.info, number: formatNumber(counts.info, lang) }),
  ].join(" · ");
}

/** The texts of the report in `lang` (the catalog's `containers.*`). */
const readText = (lang: Language) => ({
  title: say(lang, "containers.title"),
  counts: (counts: Record<Severity, number>) => renderCounts(counts, lang),
  files: (count: number) => say(lang, "containers.files", { count }),
  none: say(lang, "containers.none"),
  clean: say(lang, "containers.clean"),
  head: say(lang, "containers.head"),
  passed: say(lang, "containers.passed"),
  failed: say(lang, "containers.failed"),
});

const ICONS: Record<Severity, string> = { error: "❌", warning: "⚠️", info: "ℹ️" };

/** A Markdown code span that survives any backticks and a table cell. */
function code(text: string | undefined): string {
  const value = (text ?? "").replace(/\s+/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = value.startsWith("`") || value.endsWith("`") ? " " : "";
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** The message of one finding, in Markdown. */
export function renderFindingMessage(finding: Finding, lang: Language): string {
  return renderFinding(finding, lang, code);
}

/** The report as Markdown (the workflow's artifact, a job summary, a terminal). */
export function renderContainersReport(report: ContainersReport, lang: Language): string {
  const t = readText(lang);
  const lines = [`## ${t.title}`, ""];
  lines.push(
    `${report.passed ? "✅" : "❌"} ${report.passed ? t.passed : t.failed} ${t.counts(report.counts)} — ${t.files(report.files.length)}.`,
  );
  lines.push("");
  if (report.files.length === 0) {
    lines.push(t.none);
  } else if (report.findings.length === 0) {
    lines.push(t.clean);
  } else {
    lines.push(t.head, "| --- | --- | --- | --- | --- |");
    for (const finding of report.findings) {
      lines.push(
        `| ${ICONS[finding.severity]} | ${code(finding.file)} | ${finding.line ?? ""} | ${finding.where ? code(finding.where) : ""} | ${renderFindingMessage(finding, lang)} |`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

const LABEL_KEYS = {
  error: "containers.label.error",
  warning: "containers.label.warning",
  info: "containers.label.info",
} as const;

/**
 * The report for a terminal: the verdict, then one finding per line as
 * `severity file:line (service): message`, severities coloured, code in cyan. The same
 * sentences as the Markdown.
 */
export function renderContainersText(
  report: ContainersReport,
  lang: Language,
  style: Style,
): string {
  const t = readText(lang);
  const paint = { error: style.red, warning: style.yellow, info: style.cyan };
  // Code stands out in cyan; without colours it keeps its backticks, so it still stands apart.
  const plain = (text: string | undefined) => {
    const value = (text ?? "").replace(/\s+/g, " ");
    return style.colours ? style.cyan(value) : `\`${value}\``;
  };
  const label = (severity: Severity) => say(lang, LABEL_KEYS[severity]);
  const width = Math.max(...(["error", "warning", "info"] as const).map((s) => label(s).length));
  const lines = [style.bold(t.title), ""];
  const verdict = `${report.passed ? t.passed : t.failed}`;
  lines.push(
    `${report.passed ? style.green(`✓ ${verdict}`) : style.red(`✗ ${verdict}`)} ${t.counts(report.counts)} — ${t.files(report.files.length)}.`,
    "",
  );
  if (report.files.length === 0) lines.push(t.none);
  else if (report.findings.length === 0) lines.push(t.clean);
  for (const finding of report.findings) {
    const where = `${finding.file}${finding.line ? `:${finding.line}` : ""}${finding.where ? ` (${finding.where})` : ""}`;
    lines.push(
      `${paint[finding.severity](label(finding.severity).padEnd(width))} ${style.bold(where)}: ${renderFinding(finding, lang, plain)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The report as JSON: the findings with their rendered messages. */
export function renderContainersJson(report: ContainersReport, lang: Language): string {
  return `${JSON.stringify(
    {
      ...report,
      findings: report.findings.map((finding) => ({
        ...finding,
        message: renderFindingMessage(finding, lang),
      })),
    },
    null,
    2,
  )}\n`;
}
