/**
 * `nova.gpu-report/v1`: the report `nova-runner` writes and uploads, defined once. The runner
 * builds it, the app's ingestion validates uploads against it, and
 * `docs/schemas/gpu-report.v1.json` is generated from it (`npm run schema:runner`; a test keeps
 * the committed file equal to the generated one).
 *
 * This module is shared by the runner (bundled for the DGX) and the server (the app), so it
 * imports zod and nothing from Node. The upload protocol around it is in docs/runner-protocol.md.
 */
import { z } from "zod";
import { REPOSITORY_PATTERN, TASK_ID_PATTERN } from "./patterns.js";

/** The value of the report's `schema` field. */
export const REPORT_SCHEMA_ID = "nova.gpu-report/v1";

/** Outcomes of a check; summarize-report.ts ranks them for the report's overall `status`. */
export const CHECK_STATUSES = ["pass", "warn", "fail", "skip", "unknown"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/**
 * What a person should do about a finding. A fixed list so the app can group, translate and
 * link them; each has a runbook in docs/runbooks/ (see remediation.ts). The XID actions of
 * NVIDIA's catalog map onto these (classify-xid.ts).
 */
export const REMEDIATION_ACTIONS = [
  "RESTART_APP",
  "RESET_GPU",
  "REBOOT_SYSTEM",
  "RMA",
  "CONTACT_SUPPORT",
  "FIX_CONFIG",
  "CHECK_COOLING",
  "CHECK_POWER",
  "INSTALL_DRIVER",
  "INSTALL_CONTAINER_TOOLKIT",
  "FIX_TIME_SYNC",
  "FREE_DISK",
  "CHECK_NETWORK",
] as const;
export type RemediationAction = (typeof REMEDIATION_ACTIONS)[number];

/** Largest stdout excerpt kept as evidence, in UTF-8 bytes. */
export const EVIDENCE_MAX_BYTES = 4096;

const nullableNumber = z.number().nullable();
const nullableInteger = z.number().int().nullable();
const nullableBoolean = z.boolean().nullable();
const nullableText = z.string().max(256).nullable();

export const localizedTextSchema = z.strictObject({
  de: z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
});

export const evidenceSchema = z.strictObject({
  /** The command as run (argv joined by spaces), `read <path>` or `GET <url>`. */
  command: z.string().max(1000),
  /** Exit code; null when the command did not run, was killed or timed out. */
  exitCode: nullableInteger,
  durationMs: z.number().int().nonnegative(),
  timedOut: z.boolean(),
  /** The start of stdout (or the lines that matter, e.g. XID lines), at most 4 KiB. */
  stdout: z.string().max(EVIDENCE_MAX_BYTES),
  /** True when stdout was cut to fit. */
  truncated: z.boolean(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const remediationSchema = z.strictObject({
  action: z.enum(REMEDIATION_ACTIONS),
  /** Runbook path in the Nova repository, with an anchor: `docs/runbooks/disk-space.md#free-space`. */
  runbook: z.string().regex(/^docs\/runbooks\/[a-z0-9-]+\.md(#[a-z0-9-]+)?$/),
});
export type Remediation = z.infer<typeof remediationSchema>;

export const observedSchema = z.strictObject({
  value: z.union([z.number(), z.string().max(500), z.boolean()]).nullable(),
  unit: z.string().max(40).nullable(),
  /** What the value is when the check id does not say it, e.g. `unified memory available`. */
  label: z.string().max(120).optional(),
  /**
   * `label` in both languages, numbers written the language's way (optional, added within v1). The app shows
   * this when present and falls back to `label` (English) for reports of earlier runners.
   */
  labelText: localizedTextSchema.optional(),
});
export type Observed = z.infer<typeof observedSchema>;

export const checkResultSchema = z.strictObject({
  /** Kebab-case check id (`kernel-module`, `nvml`, …); a string so newer runners can add checks. */
  id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  status: z.enum(CHECK_STATUSES),
  observed: observedSchema.nullable(),
  /** The expectation in words and numbers, e.g. `>= 580`, `1 GPU`, `T.Limit margin > 5 °C`. */
  expected: z.string().max(200).nullable(),
  /** `expected` in both languages (optional, added within v1); absent in earlier runners' reports. */
  expectedText: localizedTextSchema.optional(),
  message: localizedTextSchema,
  remediation: remediationSchema.nullable(),
  evidence: z.array(evidenceSchema).max(8),
  /** Checks this one needs; when one of them did not pass or warn, this one is `skip`. */
  dependsOn: z.array(z.string()).max(16),
  durationMs: z.number().int().nonnegative(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/**
 * One GPU's KPIs. Every value the driver does not report (`[N/A]`, `[Not Supported]`,
 * `[Insufficient Permissions]`) is null, never 0, and its name is in `unsupported`; a value
 * nvidia-smi answered with `[Unknown Error]` is null and named in `errors`. On DGX Spark (GB10)
 * the memory fields are null: its memory is unified with the CPU's (see the memory-health check).
 */
export const gpuSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  name: z.string().max(200),
  uuid: nullableText,
  busId: nullableText,
  memoryTotalMiB: nullableNumber,
  memoryUsedMiB: nullableNumber,
  memoryFreeMiB: nullableNumber,
  utilizationGpuPercent: nullableNumber,
  utilizationMemoryPercent: nullableNumber,
  temperatureC: nullableNumber,
  /** Distance to the slowdown limit (nvidia-smi's "T.Limit"), in °C; small means hot. */
  temperatureLimitMarginC: nullableNumber,
  memoryTemperatureC: nullableNumber,
  powerDrawW: nullableNumber,
  powerLimitW: nullableNumber,
  fanPercent: nullableNumber,
  performanceState: nullableText,
  persistenceMode: nullableBoolean,
  computeCapability: nullableText,
  migMode: nullableBoolean,
  eccMode: nullableBoolean,
  eccCorrectedVolatile: nullableInteger,
  eccUncorrectedVolatile: nullableInteger,
  eccUncorrectedAggregate: nullableInteger,
  retiredPagesPending: nullableBoolean,
  remappedRowsCorrectable: nullableInteger,
  remappedRowsUncorrectable: nullableInteger,
  remappedRowsPending: nullableBoolean,
  remappedRowsFailure: nullableBoolean,
  hwSlowdown: nullableBoolean,
  hwThermalSlowdown: nullableBoolean,
  hwPowerBrakeSlowdown: nullableBoolean,
  swThermalSlowdown: nullableBoolean,
  /** nvidia-smi's "GPU Recovery Action": `None`, or what the driver asks for (reset, reboot, …). */
  recoveryAction: nullableText,
  unsupported: z.array(z.string().max(64)).max(64),
  errors: z.array(z.string().max(64)).max(64),
});
export type Gpu = z.infer<typeof gpuSchema>;

/** Where the app posts the report; absent means the task named by `gpu.task` in `.github/nova.yml`. */
export const targetSchema = z.union([
  z.strictObject({ issue: z.number().int().positive() }),
  z.strictObject({ pullRequest: z.number().int().positive() }),
  z.strictObject({ sha: z.string().regex(/^[0-9a-f]{40}$/) }),
  z.strictObject({ task: z.string().max(200).regex(TASK_ID_PATTERN) }),
]);
export type Target = z.infer<typeof targetSchema>;

export const hostSchema = z.strictObject({
  hostname: nullableText,
  /** PRETTY_NAME of /etc/os-release, e.g. `Ubuntu 24.04.3 LTS`. */
  os: nullableText,
  kernel: nullableText,
  /** `uname -m`: `aarch64` on DGX Spark, `x86_64` elsewhere. */
  arch: nullableText,
  /** Board or system model (DMI product name or device-tree model). */
  model: nullableText,
  /** DGX_PRETTY_NAME (or DGX_NAME) and version from /etc/dgx-release; null on other machines. */
  dgxRelease: nullableText,
});
export type Host = z.infer<typeof hostSchema>;

export const summarySchema = z.strictObject({
  pass: z.number().int().nonnegative(),
  warn: z.number().int().nonnegative(),
  fail: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
});
export type Summary = z.infer<typeof summarySchema>;

export const softwareSchema = z.strictObject({
  driver: nullableText,
  cuda: nullableText,
  toolkit: nullableText,
  dcgm: nullableText,
});
export type Software = z.infer<typeof softwareSchema>;

/** The report. The upload body is exactly this, serialised as JSON. */
export const gpuReportSchema = z.strictObject({
  schema: z.literal(REPORT_SCHEMA_ID),
  /** A random UUID; also the upload's `Idempotency-Key`. */
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  /**
   * "owner/repo" the report is for. Null in a report made without `--repository` or
   * `NOVA_REPOSITORY` (a local check); the runner fills it in before the first upload, and the
   * server rejects a body whose repository differs from the `X-Nova-Repository` header.
   */
  repository: z.string().regex(REPOSITORY_PATTERN).nullable(),
  target: targetSchema.optional(),
  runner: z.strictObject({ version: z.string().max(64) }),
  host: hostSchema,
  /** The worst check status. */
  status: z.enum(CHECK_STATUSES),
  summary: summarySchema,
  software: softwareSchema,
  gpus: z.array(gpuSchema).max(64),
  checks: z.array(checkResultSchema).max(64),
});
export type GpuReport = z.infer<typeof gpuReportSchema>;
