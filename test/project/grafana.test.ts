import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { createNovaMetrics } from "../../src/app/ops/metrics.js";

/**
 * docs/grafana/: the dashboards Grafana imports and the alert rules it provisions. Every query
 * must name a metric that exists: one of dcgm-exporter's default counters (the enabled lines of
 * docs/grafana/dcgm-exporter-counters.csv) or one of Nova's own (`/metrics`).
 */
const folder = new URL("../../docs/grafana/", import.meta.url);
const readJson = (name: string) =>
  JSON.parse(readFileSync(new URL(name, folder), "utf8")) as unknown;
const dashboards = readdirSync(folder).filter(
  (name) => name.endsWith(".json") && name !== "alert-rules.json",
);

/**
 * dcgm-exporter's default counters (its `etc/default-counters.csv`), vendored beside the
 * dashboards: the repository's only copy, so the test needs nothing outside the checkout.
 */
const VENDORED = new URL("dcgm-exporter-counters.csv", folder);
const counters = readFileSync(VENDORED, "utf8");
/** Enabled counters only: a commented-out line is a metric dcgm-exporter does not export. */
const dcgmMetrics = new Set(
  counters
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.split(",")[0]!.trim()),
);

/** Nova's metrics with the series a histogram adds, and Prometheus' own `up`. */
async function knownMetrics(): Promise<Set<string>> {
  const registry = createNovaMetrics({ processMetrics: true }).registry;
  const names = new Set<string>(["up", ...dcgmMetrics]);
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === "histogram")
      for (const suffix of ["_bucket", "_sum", "_count"]) names.add(metric.name + suffix);
  }
  return names;
}

const PROMQL_WORDS = new Set(
  (
    "sum min max avg count stddev stdvar topk bottomk quantile count_values group by without on ignoring " +
    "group_left group_right and or unless bool offset rate irate increase delta idelta deriv changes resets " +
    "histogram_quantile clamp clamp_min clamp_max abs ceil floor round exp ln log2 log10 sqrt time vector " +
    "scalar absent absent_over_time avg_over_time max_over_time min_over_time sum_over_time count_over_time " +
    "last_over_time label_replace label_join sort sort_desc predict_linear timestamp inf nan"
  ).split(" "),
);

/** The metric names a PromQL expression reads (label matchers, groupings and durations removed). */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, " ");
  return [
    ...new Set([...stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)].map((match) => match[0])),
  ].filter((word) => !PROMQL_WORDS.has(word));
}

interface Target {
  expr?: string;
  datasource?: { type?: string; uid?: string };
}
interface Panel {
  type: string;
  title: string;
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  __inputs?: Array<{ type: string; pluginId: string }>;
  templating: {
    list: Array<{ name: string; type: string; query: unknown; datasource?: { uid?: string } }>;
  };
  panels: Panel[];
}

const allPanels = (panels: readonly Panel[]): Panel[] =>
  panels.flatMap((panel) => [panel, ...allPanels(panel.panels ?? [])]);

it("finds dcgm-exporter's counter list", () => {
  expect(dcgmMetrics.has("DCGM_FI_DEV_GPU_TEMP")).toBe(true);
  expect(dcgmMetrics.has("DCGM_FI_DEV_ECC_DBE_VOL_TOTAL")).toBe(false); // commented out there
});

it("has the GPU and the Nova dashboard", () => {
  expect(dashboards.sort()).toEqual(["dgx-spark-gpu.json", "nova.json"]);
});

describe.each(dashboards)("%s", (name) => {
  const dashboard = readJson(name) as Dashboard;

  it("is an importable dashboard with a Prometheus datasource variable", () => {
    expect(typeof dashboard.uid).toBe("string");
    expect(dashboard.title).not.toBe("");
    // Grafana 10.4 writes schema version 39; older Grafana migrates lower versions on import.
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.__inputs).toContainEqual(
      expect.objectContaining({ type: "datasource", pluginId: "prometheus" }),
    );
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: "datasource", type: "datasource", query: "prometheus" }),
    );
  });

  it("queries through the datasource variable only", () => {
    for (const panel of allPanels(dashboard.panels).filter((panel) => panel.type !== "row")) {
      expect([panel.title, panel.datasource]).toEqual([
        panel.title,
        { type: "prometheus", uid: "${datasource}" },
      ]);
      for (const target of panel.targets ?? [])
        expect(target.datasource?.uid).toBe("${datasource}");
    }
    for (const variable of dashboard.templating.list.filter(
      (variable) => variable.type === "query",
    )) {
      expect(variable.datasource?.uid).toBe("${datasource}");
    }
  });

  it("names only metrics that exist", async () => {
    const known = await knownMetrics();
    const queries = [
      ...allPanels(dashboard.panels).flatMap((panel) =>
        (panel.targets ?? []).map((target) => target.expr ?? ""),
      ),
      ...dashboard.templating.list
        .filter((variable) => variable.type === "query")
        .map((variable) =>
          String((variable.query as { query?: string }).query ?? "").replace(
            /^label_values\(|,[^,]*\)$/g,
            "",
          ),
        ),
    ];
    expect(queries.length).toBeGreaterThan(5);
    for (const query of queries) {
      const names = metricNames(query);
      expect([query, names.length > 0]).toEqual([query, true]);
      expect([query, names.filter((metric) => !known.has(metric))]).toEqual([query, []]);
    }
  });
});

describe("alert-rules.json", () => {
  interface Rule {
    uid: string;
    title: string;
    condition: string;
    data: Array<{ refId: string; datasourceUid: string; model: { expr?: string } }>;
    annotations: { runbook_url: string; summary: string };
    labels: { severity: string };
  }
  const rules = (
    readJson("alert-rules.json") as { apiVersion: number; groups: Array<{ rules: Rule[] }> }
  ).groups.flatMap((group) => group.rules);
  const runbooks = new URL("../../docs/runbooks/", import.meta.url);

  it("is Grafana's provisioning format, each rule with a query, a condition and a severity", () => {
    expect((readJson("alert-rules.json") as { apiVersion: number }).apiVersion).toBe(1);
    expect(new Set(rules.map((rule) => rule.uid)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.data.map((step) => step.refId)).toContain(rule.condition);
      expect(["warning", "critical"]).toContain(rule.labels.severity);
      expect(rule.data[0]?.datasourceUid).toBe("${PROMETHEUS_DATASOURCE_UID}");
    }
  });

  it("links every rule to a runbook that exists, and covers every runbook it should", () => {
    const linked = rules.map(
      (rule) =>
        /^\$\{NOVA_RUNBOOK_BASE_URL\}\/([\w-]+\.md)$/.exec(rule.annotations.runbook_url)?.[1],
    );
    for (const file of linked) {
      expect(file).toBeDefined();
      expect([file, existsSync(new URL(file!, runbooks))]).toEqual([file, true]);
    }
    expect(new Set(linked)).toEqual(
      new Set([
        "gpu-overheating.md",
        "xid-errors.md",
        "ecc-row-remapping.md",
        "driver-library-mismatch.md",
        "container-toolkit.md",
        "time-sync-network.md",
        "nova-webhooks-rate-limits.md",
      ]),
    );
  });

  it("names only metrics that exist", async () => {
    const known = await knownMetrics();
    for (const rule of rules) {
      const expr = rule.data.find((step) => step.model.expr)?.model.expr ?? "";
      expect([rule.uid, metricNames(expr).filter((metric) => !known.has(metric))]).toEqual([
        rule.uid,
        [],
      ]);
    }
  });
});

it("reads metric names out of PromQL", () => {
  expect(
    metricNames(
      'histogram_quantile(0.95, sum by (le, event) (rate(nova_webhook_handler_duration_seconds_bucket{job=~"$job"}[5m])))',
    ),
  ).toEqual(["nova_webhook_handler_duration_seconds_bucket"]);
  expect(metricNames('min(up{job="nova"}) / clamp_min(sum(x_total), 1e-9)')).toEqual([
    "up",
    "x_total",
  ]);
});
