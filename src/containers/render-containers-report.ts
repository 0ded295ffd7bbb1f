import type { Style } from "../render/ansi-style.js";
import type { Language } from "../render/i18n.js";
import { escapeMarkdown } from "../render/escape-markdown.js";
import { formatCount } from "../render/format-values.js";
import type { CheckId, ContainersReport, Finding, Severity } from "./container-findings.js";

type Facts = Record<string, string>;
type Message = (facts: Facts, code: (text: string | undefined) => string) => string;

/** One sentence per check and language: what is wrong, and what to do. */
const MESSAGES: Record<Language, Record<CheckId, Message>> = {
  de: {
    unreadable: (f) => `Datei nicht lesbar: ${escapeMarkdown(f.reason)}.`,
    "gpu-reservation": (f, c) =>
      f.problem === "missing"
        ? `GPU-Workload ohne GPU-Reservierung: ${c("deploy.resources.reservations.devices")} mit ${c("driver: nvidia")} und ${c("capabilities: [gpu]")} angeben.`
        : f.problem === "capabilities"
          ? `Die Geräte-Reservierung nennt keine ${c("capabilities: [gpu]")}; ohne sie bekommt der Container keine GPU.`
          : `Die GPU-Reservierung nennt nicht ${c("driver: nvidia")}.`,
    "gpu-legacy-runtime": (_f, c) =>
      `${c("runtime: nvidia")} ist die alte Schreibweise; besser ${c("deploy.resources.reservations.devices")} mit ${c("driver: nvidia")} und ${c("capabilities: [gpu]")}.`,
    "image-unpinned": (f, c) =>
      `Image ${c(f.image)} ohne Tag (also ${c("latest")}): auf einen Digest (${c("@sha256:…")}) oder mindestens ein festes Tag festlegen.`,
    "image-latest": (f, c) =>
      `Image ${c(f.image)} nutzt ${c("latest")}: auf einen Digest (${c("@sha256:…")}) oder ein festes Tag festlegen.`,
    "image-no-digest": (f, c) =>
      `Image ${c(f.image)} hat ein Tag, aber keinen Digest; ein Digest macht den Stand reproduzierbar.`,
    "image-variable": (f, c) =>
      `Image ${c(f.image)} hängt von einer Variablen ab; ob es festgelegt ist, lässt sich nicht prüfen.`,
    "healthcheck-missing": () =>
      `Kein Healthcheck (außer das Image bringt einen mit); ohne ihn meldet Docker einen hängenden Dienst als gesund.`,
    "healthcheck-disabled": () => `Der Healthcheck ist abgeschaltet.`,
    "restart-missing": (_f, c) =>
      `Keine Restart-Policy: ${c("restart: unless-stopped")} (oder ${c("on-failure")}) setzen, damit der Dienst einen Absturz oder Neustart des DGX übersteht.`,
    "user-root": (f, c) => `Läuft als ${c(f.user)}: einen unprivilegierten Benutzer setzen.`,
    "user-unset": (_f, c) =>
      `Kein Benutzer gesetzt: ohne ${c("USER")}/${c("user:")} läuft der Container meist als root.`,
    "memory-limit": (f, c) =>
      f.gpu === "yes"
        ? `Kein Speicherlimit (${c("deploy.resources.limits.memory")}): auf dem GB10 teilen sich CPU und GPU denselben Speicher, ein Workload ohne Limit kann das ganze System aushungern.`
        : `Kein Speicherlimit (${c("deploy.resources.limits.memory")} oder ${c("mem_limit")}).`,
    privileged: (_f, c) =>
      `${c("privileged: true")} gibt dem Container das ganze Host-System; für die GPU genügt die Geräte-Reservierung.`,
    capabilities: (f, c) =>
      `${c(`cap_add: ${f.capability ?? ""}`)} gibt weitreichende Rechte; nur die nötigen Capabilities hinzufügen.`,
    "literal-secret": (f, c) =>
      `${c(f.variable)} steht als Klartext in der Datei: als Secret oder aus der Umgebung (${c("${…}")}) übergeben.`,
    "platform-amd64": (f, c) =>
      `Plattform ${c(f.platform)}: der DGX Spark ist arm64 (Grace); unter Emulation gibt es keine GPU.`,
    "arm64-image": (f, c) =>
      `Sicherstellen, dass ${c(f.image)} für ${c("linux/arm64")} existiert (DGX Spark); ein Digest muss der des Multi-Arch-Index oder des arm64-Manifests sein.`,
  },
  en: {
    unreadable: (f) => `File cannot be read: ${escapeMarkdown(f.reason)}.`,
    "gpu-reservation": (f, c) =>
      f.problem === "missing"
        ? `GPU workload without a GPU reservation: add ${c("deploy.resources.reservations.devices")} with ${c("driver: nvidia")} and ${c("capabilities: [gpu]")}.`
        : f.problem === "capabilities"
          ? `The device reservation names no ${c("capabilities: [gpu]")}; without it the container gets no GPU.`
          : `The GPU reservation does not name ${c("driver: nvidia")}.`,
    "gpu-legacy-runtime": (_f, c) =>
      `${c("runtime: nvidia")} is the legacy form; prefer ${c("deploy.resources.reservations.devices")} with ${c("driver: nvidia")} and ${c("capabilities: [gpu]")}.`,
    "image-unpinned": (f, c) =>
      `Image ${c(f.image)} has no tag (so ${c("latest")}): pin a digest (${c("@sha256:…")}) or at least a fixed tag.`,
    "image-latest": (f, c) =>
      `Image ${c(f.image)} uses ${c("latest")}: pin a digest (${c("@sha256:…")}) or a fixed tag.`,
    "image-no-digest": (f, c) =>
      `Image ${c(f.image)} has a tag but no digest; a digest makes it reproducible.`,
    "image-variable": (f, c) =>
      `Image ${c(f.image)} depends on a variable; whether it is pinned cannot be checked.`,
    "healthcheck-missing": () =>
      `No healthcheck (unless the image has one); without it Docker reports a hung service as healthy.`,
    "healthcheck-disabled": () => `The healthcheck is disabled.`,
    "restart-missing": (_f, c) =>
      `No restart policy: set ${c("restart: unless-stopped")} (or ${c("on-failure")}) so the service survives a crash or a reboot of the DGX.`,
    "user-root": (f, c) => `Runs as ${c(f.user)}: set an unprivileged user.`,
    "user-unset": (_f, c) =>
      `No user set: without ${c("USER")}/${c("user:")} the container usually runs as root.`,
    "memory-limit": (f, c) =>
      f.gpu === "yes"
        ? `No memory limit (${c("deploy.resources.limits.memory")}): on the GB10, CPU and GPU share one memory, so a workload without a limit can starve the whole system.`
        : `No memory limit (${c("deploy.resources.limits.memory")} or ${c("mem_limit")}).`,
    privileged: (_f, c) =>
      `${c("privileged: true")} hands the container the whole host; the device reservation is all a GPU needs.`,
    capabilities: (f, c) =>
      `${c(`cap_add: ${f.capability ?? ""}`)} grants sweeping rights; add only the capabilities needed.`,
    "literal-secret": (f, c) =>
      `${c(f.variable)} is written into the file in clear text: pass it as a secret or from the environment (${c("${…}")}).`,
    "platform-amd64": (f, c) =>
      `Platform ${c(f.platform)}: the DGX Spark is arm64 (Grace); emulated containers get no GPU.`,
    "arm64-image": (f, c) =>
      `Make sure ${c(f.image)} exists for ${c("linux/arm64")} (DGX Spark); a digest must be the multi-arch index's or the arm64 manifest's.`,
  },
};

const ICONS: Record<Severity, string> = { error: "❌", warning: "⚠️", info: "ℹ️" };

const TEXT = {
  de: {
    title: "Container-Checkliste (DGX Spark)",
    counts: (c: Record<Severity, number>) =>
      [
        formatCount(c.error, "Fehler", "Fehler", "de"),
        formatCount(c.warning, "Warnung", "Warnungen", "de"),
        formatCount(c.info, "Hinweis", "Hinweise", "de"),
      ].join(" · "),
    files: (n: number) => (n === 1 ? "1 Datei geprüft" : `${n} Dateien geprüft`),
    none: "Keine Compose-Dateien oder Dockerfiles gefunden.",
    clean: "Keine Befunde.",
    head: "| | Datei | Zeile | Dienst/Stufe | Befund |",
    passed: "Bestanden: keine Fehler.",
    failed: "Nicht bestanden: Fehler beheben (Exit-Code 1).",
  },
  en: {
    title: "Containers checklist (DGX Spark)",
    counts: (c: Record<Severity, number>) =>
      [
        formatCount(c.error, "error", "errors", "en"),
        formatCount(c.warning, "warning", "warnings", "en"),
        formatCount(c.info, "note", "notes", "en"),
      ].join(" · "),
    files: (n: number) => (n === 1 ? "1 file checked" : `${n} files checked`),
    none: "No Compose files or Dockerfiles found.",
    clean: "No findings.",
    head: "| | File | Line | Service/stage | Finding |",
    passed: "Passed: no errors.",
    failed: "Failed: fix the errors (exit code 1).",
  },
} as const;

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
  return MESSAGES[lang][finding.check](finding.facts, code);
}

/** The report as Markdown (the workflow's artifact, a job summary, a terminal). */
export function renderContainersReport(report: ContainersReport, lang: Language): string {
  const t = TEXT[lang];
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

const LABELS: Record<Language, Record<Severity, string>> = {
  de: { error: "Fehler", warning: "Warnung", info: "Hinweis" },
  en: { error: "error", warning: "warning", info: "note" },
};

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
  const t = TEXT[lang];
  const paint = { error: style.red, warning: style.yellow, info: style.cyan };
  // Code stands out in cyan; without colours it keeps its backticks, so it still stands apart.
  const plain = (text: string | undefined) => {
    const value = (text ?? "").replace(/\s+/g, " ");
    return style.colours ? style.cyan(value) : `\`${value}\``;
  };
  const width = Math.max(...Object.values(LABELS[lang]).map((label) => label.length));
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
      `${paint[finding.severity](LABELS[lang][finding.severity].padEnd(width))} ${style.bold(where)}: ${MESSAGES[lang][finding.check](finding.facts, plain)}`,
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
