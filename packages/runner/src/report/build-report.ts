import type { RunFacts } from "../checks/check-types.js";
import {
  REPORT_SCHEMA_ID,
  gpuReportSchema,
  worstStatus,
  type CheckResult,
  type GpuReport,
  type Target,
} from "@nova/protocol";
import { summarizeChecks } from "./summarize-report.js";

export interface BuildReportInput {
  id: string;
  createdAt: Date;
  repository: string | null;
  target: Target | undefined;
  runnerVersion: string;
  results: readonly CheckResult[];
  facts: RunFacts;
}

/**
 * Assembles `nova.gpu-report/v1` and validates it against the schema, so the runner never
 * writes or uploads a report the server would reject as malformed.
 */
export function buildReport(input: BuildReportInput): GpuReport {
  const { facts, results } = input;
  const report: GpuReport = {
    schema: REPORT_SCHEMA_ID,
    id: input.id,
    createdAt: input.createdAt.toISOString(),
    repository: input.repository,
    ...(input.target === undefined ? {} : { target: input.target }),
    runner: { version: input.runnerVersion },
    host: facts.host,
    status: worstStatus(results.map((result) => result.status)),
    summary: summarizeChecks(results),
    software: { driver: facts.driver, cuda: facts.cuda, toolkit: facts.toolkit, dcgm: facts.dcgm },
    gpus: facts.gpus,
    checks: [...results],
  };
  return gpuReportSchema.parse(report);
}
