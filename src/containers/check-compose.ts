import { isMap, isScalar, LineCounter, parseDocument, type Node, type YAMLMap } from "yaml";
import type { Finding } from "./container-findings.js";
import { hasVariable, judgeImagePin, parseImageReference } from "./image-reference.js";
import { isLiteralSecret } from "./secret-values.js";

/** Images that only make sense with a GPU (NGC, CUDA, the usual inference servers). */
const GPU_IMAGE =
  /(?:^|\/)(?:nvcr\.io|nvidia)\/|cuda|pytorch|tensorflow|tensorrt|triton|vllm|ollama|\bnim\b|dcgm|rapids/i;
const GPU_ENV = ["NVIDIA_VISIBLE_DEVICES", "NVIDIA_DRIVER_CAPABILITIES", "CUDA_VISIBLE_DEVICES"];
const ROOT_USERS = new Set(["root", "0", "0:0", "root:root", "root:0", "0:root"]);
const RISKY_CAPABILITIES = new Set(["ALL", "SYS_ADMIN"]);

type Json = Record<string, unknown>;

/**
 * Checks one Compose file's services for running GPU workloads on a DGX Spark (see
 * docs/containers.md for each rule). Pure: the text in, findings out.
 */
export function checkCompose(
  file: string,
  text: string,
): { findings: Finding[]; services: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    return {
      services: 0,
      findings: [
        {
          check: "unreadable",
          severity: "error",
          file,
          line: error.linePos?.[0]?.line ?? 1,
          facts: { reason: (error.message.split("\n")[0] ?? "").replace(/:$/, "") },
        },
      ],
    };
  }
  const servicesNode = doc.get("services", true);
  if (!isMap(servicesNode)) {
    return {
      services: 0,
      findings: [
        { check: "unreadable", severity: "error", file, line: 1, facts: { reason: "no services" } },
      ],
    };
  }
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;

  const findings: Finding[] = [];
  const remindedImages = new Set<string>();
  for (const pair of servicesNode.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : "?";
    const node = pair.value;
    if (!isMap(node)) continue;
    const service = node.toJSON() as Json;
    const at = (key: string): number | undefined =>
      lineOf(keyNode(node, key)) ?? lineOf(pair.key as Node);
    const add = (finding: Omit<Finding, "file" | "where">) =>
      findings.push({ file, where: name, ...finding });

    const image = typeof service.image === "string" ? service.image : undefined;
    const environment = readEnvironment(service.environment);
    const gpu = isGpuWorkload(service, image, environment);

    // GPU access: a device reservation (https://docs.docker.com/compose/how-tos/gpu-support/).
    if (gpu) {
      const devices = getPath(service, ["deploy", "resources", "reservations", "devices"]);
      const problem = judgeGpuReservation(devices);
      if (problem && service.gpus === undefined) {
        if (service.runtime === "nvidia" && problem === "missing") {
          add({ check: "gpu-legacy-runtime", severity: "warning", line: at("runtime"), facts: {} });
        } else {
          add({
            check: "gpu-reservation",
            severity: "error",
            line: at("deploy"),
            facts: { problem },
          });
        }
      }
    }

    if (image !== undefined) {
      const pin = judgeImagePin(image);
      if (pin) add({ ...pin, line: at("image"), facts: { image } });
      if (!hasVariable(image) && !remindedImages.has(image)) {
        remindedImages.add(image);
        add({ check: "arm64-image", severity: "info", line: at("image"), facts: { image } });
      }
    }
    if (typeof service.platform === "string" && /amd64|x86_64/i.test(service.platform)) {
      add({
        check: "platform-amd64",
        severity: "error",
        line: at("platform"),
        facts: { platform: service.platform },
      });
    }

    const healthcheck = service.healthcheck as Json | undefined;
    if (healthcheck === undefined) {
      add({
        check: "healthcheck-missing",
        severity: "warning",
        line: lineOf(pair.key as Node),
        facts: {},
      });
    } else if (healthcheck.disable === true || isNoneTest(healthcheck.test)) {
      add({
        check: "healthcheck-disabled",
        severity: "warning",
        line: at("healthcheck"),
        facts: {},
      });
    }

    const restart = service.restart ?? getPath(service, ["deploy", "restart_policy", "condition"]);
    if (restart === undefined || restart === "no" || restart === "none") {
      add({ check: "restart-missing", severity: "warning", line: at("restart"), facts: {} });
    }

    const user = service.user === undefined ? undefined : scalarText(service.user).trim();
    if (user === undefined) {
      add({ check: "user-unset", severity: "warning", line: lineOf(pair.key as Node), facts: {} });
    } else if (ROOT_USERS.has(user)) {
      add({ check: "user-root", severity: "error", line: at("user"), facts: { user } });
    }

    const memory =
      getPath(service, ["deploy", "resources", "limits", "memory"]) ?? service.mem_limit;
    if (memory === undefined) {
      add({
        check: "memory-limit",
        severity: "warning",
        line: lineOf(pair.key as Node),
        facts: { gpu: gpu ? "yes" : "no" },
      });
    }

    if (service.privileged === true) {
      add({ check: "privileged", severity: "error", line: at("privileged"), facts: {} });
    }
    const capabilities = Array.isArray(service.cap_add) ? service.cap_add.map(String) : [];
    for (const capability of capabilities) {
      const plain = capability.replace(/^CAP_/i, "").toUpperCase();
      if (RISKY_CAPABILITIES.has(plain)) {
        add({
          check: "capabilities",
          severity: "warning",
          line: at("cap_add"),
          facts: { capability: plain },
        });
      }
    }

    for (const [variable, value] of environment) {
      if (isLiteralSecret(variable, value)) {
        add({
          check: "literal-secret",
          severity: "error",
          line: at("environment"),
          facts: { variable },
        });
      }
    }
  }
  return { findings, services: servicesNode.items.length };
}

/** `environment:` as a map or a list of `NAME=value` (a bare `NAME` comes from the shell). */
function readEnvironment(value: unknown): Map<string, string | null> {
  const result = new Map<string, string | null>();
  if (Array.isArray(value)) {
    for (const entry of value) {
      const text = scalarText(entry);
      const equals = text.indexOf("=");
      if (equals < 0) result.set(text, null);
      else result.set(text.slice(0, equals), text.slice(equals + 1));
    }
  } else if (value && typeof value === "object") {
    for (const [name, entry] of Object.entries(value as Json)) {
      result.set(name, entry === null || entry === undefined ? null : scalarText(entry));
    }
  }
  return result;
}

function isGpuWorkload(
  service: Json,
  image: string | undefined,
  environment: Map<string, string | null>,
): boolean {
  return (
    getPath(service, ["deploy", "resources", "reservations", "devices"]) !== undefined ||
    service.runtime === "nvidia" ||
    service.gpus !== undefined ||
    GPU_ENV.some((name) => environment.has(name)) ||
    (image !== undefined && GPU_IMAGE.test(parseImageReference(image).repository))
  );
}

/** What is wrong with `deploy.resources.reservations.devices`, or null when a GPU is reserved. */
function judgeGpuReservation(devices: unknown): "missing" | "driver" | "capabilities" | null {
  if (!Array.isArray(devices) || devices.length === 0) return "missing";
  const entries = devices.filter(
    (device): device is Json => !!device && typeof device === "object",
  );
  const gpus = entries.filter(
    (device) =>
      Array.isArray(device.capabilities) && device.capabilities.map(String).includes("gpu"),
  );
  if (gpus.length === 0) return "capabilities";
  if (!gpus.some((device) => device.driver === "nvidia")) return "driver";
  return null;
}

/** A YAML scalar as text (`user: 1000` is a number); anything else as JSON. */
function scalarText(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : JSON.stringify(value);
}

function isNoneTest(test: unknown): boolean {
  return (Array.isArray(test) && test[0] === "NONE") || test === "NONE";
}

function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== "object") return undefined;
    current = (current as Json)[key];
  }
  return current ?? undefined;
}

function keyNode(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair?.key as Node | undefined;
}
