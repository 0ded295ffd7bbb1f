/**
 * The words and icons of a published GPU report, per language: check statuses, remediation
 * actions, the placeholder for values the driver does not report. Whole sentences are in the
 * templates (`templates/<lang>/gpu-*.hbs`).
 */
import type { Language } from "../render/i18n.js";
import type { CheckStatus, RemediationAction } from "@nova/protocol";

export const STATUS_ICONS: Readonly<Record<CheckStatus, string>> = {
  pass: "✅",
  warn: "⚠️",
  fail: "❌",
  skip: "⏭️",
  unknown: "❔",
};

export const STATUS_WORDS: Readonly<Record<Language, Record<CheckStatus, string>>> = {
  de: { pass: "OK", warn: "Warnung", fail: "Fehler", skip: "übersprungen", unknown: "unbekannt" },
  en: { pass: "pass", warn: "warning", fail: "failure", skip: "skipped", unknown: "unknown" },
};

/** Counted statuses: singular and plural (`1 Warnung`, `2 Warnungen`; `1 failure`, `2 failures`). */
const COUNT_WORDS: Readonly<Record<Language, Record<CheckStatus, readonly [string, string]>>> = {
  de: {
    pass: ["OK", "OK"],
    warn: ["Warnung", "Warnungen"],
    fail: ["Fehler", "Fehler"],
    skip: ["übersprungen", "übersprungen"],
    unknown: ["unbekannt", "unbekannt"],
  },
  en: {
    pass: ["passed", "passed"],
    warn: ["warning", "warnings"],
    fail: ["failure", "failures"],
    skip: ["skipped", "skipped"],
    unknown: ["undecided", "undecided"],
  },
};

/** Statuses worst first, as counts are listed. */
const COUNT_ORDER: readonly CheckStatus[] = ["fail", "unknown", "warn", "pass", "skip"];

/** "2 Fehler, 1 Warnung, 11 OK": the counts that are not zero, worst first ("" when all are). */
export function formatCounts(
  summary: Readonly<Record<CheckStatus, number>>,
  lang: Language,
): string {
  return COUNT_ORDER.filter((status) => summary[status] > 0)
    .map((status) => {
      const [one, other] = COUNT_WORDS[lang][status];
      return `${summary[status]} ${summary[status] === 1 ? one : other}`;
    })
    .join(", ");
}

/**
 * The report's small words: what the renderer says around runner values. One record per
 * language, so no sentence is chosen by a language test in code.
 */
export interface ReportText {
  unknownHost: string;
  truncated: string;
  yes: string;
  no: string;
  on: string;
  off: string;
  /** A moment: `{date}` (formatDate) and `{time}` (HH:MM, UTC). */
  instant: string;
}

export const REPORT_TEXT: Readonly<Record<Language, ReportText>> = {
  de: {
    unknownHost: "unbekannter Host",
    truncated: "_(gekürzt)_",
    yes: "ja",
    no: "nein",
    on: "an",
    off: "aus",
    instant: "{date}, {time} UTC",
  },
  en: {
    unknownHost: "unknown host",
    truncated: "_(truncated)_",
    yes: "yes",
    no: "no",
    on: "on",
    off: "off",
    instant: "{date} {time} UTC",
  },
};

/** Shown for a GPU value the driver does not report (`unsupported[]`): never a 0. */
export const NOT_AVAILABLE: Readonly<Record<Language, string>> = { de: "n. v.", en: "n/a" };

/** Shown for a GPU value `nvidia-smi` answered with `[Unknown Error]` (`errors[]`). */
export const READ_ERROR: Readonly<Record<Language, string>> = {
  de: "Lesefehler",
  en: "read error",
};

export const ACTION_WORDS: Readonly<Record<Language, Record<RemediationAction, string>>> = {
  de: {
    RESTART_APP: "Anwendung neu starten",
    RESET_GPU: "GPU zurücksetzen",
    REBOOT_SYSTEM: "System neu starten",
    RMA: "Hardware austauschen (RMA)",
    CONTACT_SUPPORT: "NVIDIA-Support kontaktieren",
    FIX_CONFIG: "Konfiguration korrigieren",
    CHECK_COOLING: "Kühlung prüfen",
    CHECK_POWER: "Stromversorgung prüfen",
    INSTALL_DRIVER: "Treiber installieren oder aktualisieren",
    INSTALL_CONTAINER_TOOLKIT: "Docker bzw. NVIDIA Container Toolkit installieren",
    FIX_TIME_SYNC: "Zeitsynchronisation einrichten",
    FREE_DISK: "Speicherplatz freigeben",
    CHECK_NETWORK: "Netzwerk prüfen",
  },
  en: {
    RESTART_APP: "Restart the application",
    RESET_GPU: "Reset the GPU",
    REBOOT_SYSTEM: "Reboot the system",
    RMA: "Replace the hardware (RMA)",
    CONTACT_SUPPORT: "Contact NVIDIA support",
    FIX_CONFIG: "Fix the configuration",
    CHECK_COOLING: "Check the cooling",
    CHECK_POWER: "Check the power supply",
    INSTALL_DRIVER: "Install or update the driver",
    INSTALL_CONTAINER_TOOLKIT: "Install Docker or the NVIDIA Container Toolkit",
    FIX_TIME_SYNC: "Set up time synchronisation",
    FREE_DISK: "Free disk space",
    CHECK_NETWORK: "Check the network",
  },
};

/** The check run's conclusion for a report's status: warnings (and undecided checks) are neutral. */
export function conclusionFor(status: CheckStatus): "success" | "neutral" | "failure" {
  if (status === "fail") return "failure";
  if (status === "pass") return "success";
  return "neutral";
}

/** The board's `GPU-Check` option for a status: only pass and fail are themselves. */
export function boardValueFor(status: CheckStatus): "pass" | "warn" | "fail" {
  if (status === "fail") return "fail";
  if (status === "pass") return "pass";
  return "warn";
}
