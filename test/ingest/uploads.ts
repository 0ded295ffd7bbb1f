import type { CheckResult, GpuReport } from "@nova/protocol";
import { deriveRunnerKey, signReport } from "@nova/protocol";
import { RUNNER_SECRET } from "../integration/start-nova-server.js";

export const REPOSITORY = "acme/dgx";

/** A check as the runner writes it. */
export function check(
  id: string,
  status: CheckResult["status"],
  extra: Partial<CheckResult> = {},
): CheckResult {
  return {
    id,
    status,
    observed: { value: "580.126.09", unit: null },
    expected: ">= 580",
    message: { de: `Prüfung ${id}: ${status}`, en: `Check ${id}: ${status}` },
    remediation:
      status === "warn" || status === "fail"
        ? { action: "INSTALL_DRIVER", runbook: "docs/runbooks/driver-library-mismatch.md" }
        : null,
    evidence: [
      {
        command: "nvidia-smi -L",
        exitCode: 0,
        durationMs: 12,
        timedOut: false,
        stdout: "GPU 0: NVIDIA GB10 (UUID: GPU-masked)\n",
        truncated: false,
      },
    ],
    dependsOn: [],
    durationMs: 12,
    ...extra,
  };
}

let counter = 0;

/** A fresh report id (a valid UUID). */
export function newId(): string {
  counter += 1;
  return `4f9c7a8e-2b1d-4c3e-9f5a-${counter.toString(16).padStart(12, "0")}`;
}

/** A valid report: a DGX Spark whose memory values the driver does not report. */
export function buildReport(overrides: Partial<GpuReport> = {}): GpuReport {
  const checks = overrides.checks ?? [
    check("kernel-module", "pass"),
    check("nvml", "pass"),
    check("driver-version", "pass"),
  ];
  const summary = { pass: 0, warn: 0, fail: 0, skip: 0, unknown: 0 };
  for (const item of checks) summary[item.status] += 1;
  const status =
    summary.fail > 0
      ? "fail"
      : summary.unknown > 0
        ? "unknown"
        : summary.warn > 0
          ? "warn"
          : "pass";
  return {
    schema: "nova.gpu-report/v1",
    id: newId(),
    createdAt: "2026-01-12T09:00:00.000Z",
    repository: REPOSITORY,
    runner: { version: "0.1.0" },
    host: {
      hostname: "spark-01",
      os: "Ubuntu 24.04.3 LTS",
      kernel: "6.11.0-1016-nvidia",
      arch: "aarch64",
      model: "NVIDIA DGX Spark",
      dgxRelease: "DGX OS 7.2.3",
    },
    status,
    summary,
    software: { driver: "580.126.09", cuda: "13.0", toolkit: "1.17.8", dcgm: null },
    gpus: [
      {
        index: 0,
        name: "NVIDIA GB10",
        uuid: null,
        busId: "0000000F:01:00.0",
        memoryTotalMiB: null,
        memoryUsedMiB: null,
        memoryFreeMiB: null,
        utilizationGpuPercent: 3,
        utilizationMemoryPercent: null,
        temperatureC: 41,
        temperatureLimitMarginC: null,
        memoryTemperatureC: null,
        powerDrawW: 11.5,
        powerLimitW: null,
        fanPercent: null,
        performanceState: "P8",
        persistenceMode: true,
        computeCapability: "12.1",
        migMode: null,
        eccMode: null,
        eccCorrectedVolatile: null,
        eccUncorrectedVolatile: null,
        eccUncorrectedAggregate: null,
        retiredPagesPending: null,
        remappedRowsCorrectable: null,
        remappedRowsUncorrectable: null,
        remappedRowsPending: null,
        remappedRowsFailure: null,
        hwSlowdown: null,
        hwThermalSlowdown: null,
        hwPowerBrakeSlowdown: null,
        swThermalSlowdown: null,
        recoveryAction: null,
        unsupported: [
          "memoryTotalMiB",
          "memoryUsedMiB",
          "memoryFreeMiB",
          "utilizationMemoryPercent",
          "powerLimitW",
          "eccUncorrectedVolatile",
        ],
        errors: [],
      },
    ],
    checks,
    ...overrides,
  };
}

export interface PostOptions {
  repository?: string | null;
  /** The key to sign with (default: the repository's key from the test secret). */
  key?: string;
  /** Unix seconds (default: now). */
  timestamp?: number;
  /** A signature header to send instead of a computed one; null sends none. */
  signature?: string | null;
  idempotencyKey?: string | null;
  contentType?: string;
  /** Sign this text but send `body` (a body changed after signing). */
  signedBody?: string;
}

export interface PostResult {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** Signs and POSTs a body as the runner does (docs/runner-protocol.md). */
export async function postReport(
  baseUrl: string,
  body: string,
  options: PostOptions = {},
): Promise<PostResult> {
  const repository = options.repository === undefined ? REPOSITORY : options.repository;
  const key = options.key ?? deriveRunnerKey(RUNNER_SECRET, repository ?? REPOSITORY);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature === undefined
      ? signReport(key, options.signedBody ?? body, timestamp)
      : options.signature;
  let id: string | undefined;
  try {
    id = (JSON.parse(body) as { id?: string }).id;
  } catch {
    id = undefined;
  }
  const idempotencyKey = options.idempotencyKey === undefined ? id : options.idempotencyKey;
  const headers: Record<string, string> = {
    "Content-Type": options.contentType ?? "application/json",
  };
  if (repository !== null) headers["X-Nova-Repository"] = repository;
  if (signature !== null) headers["X-Nova-Signature"] = signature;
  if (idempotencyKey !== null && idempotencyKey !== undefined)
    headers["Idempotency-Key"] = idempotencyKey;
  const response = await fetch(`${baseUrl}/nova/v1/reports`, { method: "POST", headers, body });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { raw: text };
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
