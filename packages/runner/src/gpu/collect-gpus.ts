import { parseSmiCsv } from "../parse/parse-smi-csv.js";
import { parseRejectedField, parseSmiHelpQuery } from "../parse/parse-smi-help-query.js";
import { parseSmiQueryText } from "../parse/parse-smi-query-text.js";
import { parseXml } from "../parse/parse-xml.js";
import { PROBES, queryGpuProbe } from "../probes/probe-catalog.js";
import { succeeded, type ProbeResult, type ProbeSource } from "../probes/probe-types.js";
import type { Gpu } from "@nova/protocol";
import { MINIMAL_QUERY_FIELDS, QUERY_FIELDS } from "./kpi-fields.js";
import { parseGpusFromCsv, parseGpusFromText, parseGpusFromXml } from "./parse-gpus.js";

export interface CollectedGpus {
  gpus: Gpu[];
  /** Which answer the KPIs came from; null when none did. */
  source: "csv" | "csv-supported" | "csv-minimal" | "xml" | "text" | null;
  /** `--query-gpu` fields this driver rejected (their KPIs are null and `unsupported`). */
  droppedFields: string[];
  /** Every probe asked, in order, for the evidence. */
  probes: ProbeResult[];
}

/**
 * Reads GPU KPIs with one `--query-gpu` CSV query. When the driver rejects a field (older
 * drivers lack `gpu_recovery_action` or `temperature.gpu.tlimit`), it asks again with only the
 * fields `--help-query-gpu` lists, then with a minimal set; when no CSV answer works it reads
 * `-q -x` XML, then `-q` text. A timeout stops the chain: a hung nvidia-smi will hang again.
 */
export async function collectGpus(probes: ProbeSource): Promise<CollectedGpus> {
  const asked: ProbeResult[] = [];
  const run = async (...args: Parameters<ProbeSource["run"]>): Promise<ProbeResult> => {
    const result = await probes.run(...args);
    asked.push(result);
    return result;
  };
  const done = (
    gpus: Gpu[],
    source: CollectedGpus["source"],
    dropped: string[] = [],
  ): CollectedGpus => ({
    // A dropped field's column is absent, so its KPI is already null and `unsupported`.
    gpus,
    source,
    droppedFields: dropped,
    probes: asked,
  });

  const full = await run(queryGpuProbe("smi-query-csv", QUERY_FIELDS));
  const fromFull = readCsv(full);
  if (fromFull !== null) return done(fromFull, "csv");
  if (full.timedOut) return done([], null);

  if (!full.missing && isFieldRejection(full)) {
    const help = await run(PROBES.smiHelpQueryGpu);
    if (help.timedOut) return done([], null);
    const valid = succeeded(help) ? parseSmiHelpQuery(help.stdout) : new Set<string>();
    if (valid.size > 0) {
      const fields = QUERY_FIELDS.filter((field) => valid.has(field));
      const dropped = QUERY_FIELDS.filter((field) => !valid.has(field));
      const supported = await run(queryGpuProbe("smi-query-csv-supported", fields));
      const fromSupported = readCsv(supported);
      if (fromSupported !== null) return done(fromSupported, "csv-supported", dropped);
      if (supported.timedOut) return done([], null);
    }
    const minimal = await run(queryGpuProbe("smi-query-csv-minimal", MINIMAL_QUERY_FIELDS));
    const fromMinimal = readCsv(minimal);
    if (fromMinimal !== null)
      return done(
        fromMinimal,
        "csv-minimal",
        QUERY_FIELDS.filter((field) => !MINIMAL_QUERY_FIELDS.includes(field)),
      );
    if (minimal.timedOut) return done([], null);
  }

  const xml = await run(PROBES.smiQueryXml);
  if (succeeded(xml)) {
    const log = parseXml(xml.stdout);
    const gpus = log === null ? [] : parseGpusFromXml(log);
    if (gpus.length > 0) return done(gpus, "xml");
  }
  if (xml.timedOut) return done([], null);

  const text = await run(PROBES.smiQueryText);
  if (succeeded(text)) {
    const gpus = parseGpusFromText(parseSmiQueryText(text.stdout));
    if (gpus.length > 0) return done(gpus, "text");
  }
  return done([], null);
}

function readCsv(result: ProbeResult): Gpu[] | null {
  if (!succeeded(result)) return null;
  const csv = parseSmiCsv(result.stdout);
  if (csv === null || csv.rows.length === 0) return null;
  return parseGpusFromCsv(csv);
}

/** nvidia-smi exits 2 ("invalid argument") and names the field it does not know. */
function isFieldRejection(result: ProbeResult): boolean {
  return result.exitCode === 2 || parseRejectedField(`${result.stdout}\n${result.stderr}`) !== null;
}
