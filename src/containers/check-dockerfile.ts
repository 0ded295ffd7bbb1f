import {
  Arg,
  DockerfileParser,
  Env,
  From,
  Healthcheck,
  User,
  type Instruction,
} from "dockerfile-ast";
import type { Finding } from "./container-findings.js";
import { hasVariable, judgeImagePin } from "./image-reference.js";
import { isLiteralSecret } from "./secret-values.js";

const ROOT_USERS = new Set(["root", "0", "0:0", "root:root", "root:0", "0:root"]);

export interface DockerfileStage {
  /** `AS name`, when given. */
  name?: string;
  /** The base image with global ARG defaults filled in. */
  image: string;
  /** 1-based line of its FROM. */
  line: number;
  platform?: string;
  instructions: Instruction[];
}

/**
 * Reads a Dockerfile into stages with `dockerfile-ast` (line continuations, heredocs, the
 * escape directive), filling global `ARG` defaults into each `FROM`. Pure.
 */
export function parseDockerfile(text: string): {
  stages: DockerfileStage[];
  global: Instruction[];
} {
  const dockerfile = DockerfileParser.parse(text);
  const stages: DockerfileStage[] = [];
  const global: Instruction[] = [];
  const defaults = new Map<string, string>();
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof From) {
      const raw = instruction.getImage() ?? "";
      const name = instruction.getBuildStage() ?? undefined;
      const platform = instruction.getPlatformFlag()?.getValue() ?? undefined;
      stages.push({
        ...(name ? { name } : {}),
        image: substitute(raw, defaults),
        line: instruction.getRange().start.line + 1,
        ...(platform ? { platform: substitute(platform, defaults) } : {}),
        instructions: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (stage) {
      stage.instructions.push(instruction);
    } else {
      global.push(instruction);
      if (instruction instanceof Arg) {
        for (const property of instruction.getProperties()) {
          const value = property.getValue();
          if (value !== null) defaults.set(property.getName(), value);
        }
      }
    }
  }
  return { stages, global };
}

/**
 * Checks one Dockerfile for running on a DGX Spark (docs/containers.md): pinned base images,
 * no amd64 platform, a non-root USER and a HEALTHCHECK in the final stage, no secrets in ENV
 * or ARG. Pure.
 */
export function checkDockerfile(
  file: string,
  text: string,
): { findings: Finding[]; stages: number } {
  const { stages, global } = parseDockerfile(text);
  if (stages.length === 0) {
    return {
      stages: 0,
      findings: [
        { check: "unreadable", severity: "error", file, line: 1, facts: { reason: "no FROM" } },
      ],
    };
  }
  const findings: Finding[] = [];
  const names = new Set<string>();
  stages.forEach((stage, index) => {
    const where = stage.name ?? `#${index + 1}`;
    const add = (finding: Omit<Finding, "file" | "where">) =>
      findings.push({ file, where, ...finding });
    const base = stage.image;
    const external = base !== "" && base !== "scratch" && !names.has(base.toLowerCase());
    if (external) {
      const pin = judgeImagePin(base);
      if (pin) add({ ...pin, line: stage.line, facts: { image: base } });
      if (!hasVariable(base))
        add({ check: "arm64-image", severity: "info", line: stage.line, facts: { image: base } });
    }
    if (stage.platform && /amd64|x86_64/i.test(stage.platform)) {
      add({
        check: "platform-amd64",
        severity: "error",
        line: stage.line,
        facts: { platform: stage.platform },
      });
    }
    if (stage.name) names.add(stage.name.toLowerCase());
  });

  const final = stages.at(-1)!;
  const where = final.name ?? `#${stages.length}`;
  const users = final.instructions.filter((instruction) => instruction instanceof User);
  const lastUser = users.at(-1);
  const user = lastUser?.getArgumentsContent()?.trim();
  if (!lastUser || !user) {
    findings.push({
      check: "user-unset",
      severity: "error",
      file,
      where,
      line: final.line,
      facts: {},
    });
  } else if (ROOT_USERS.has(user)) {
    findings.push({
      check: "user-root",
      severity: "error",
      file,
      where,
      line: lineOf(lastUser),
      facts: { user },
    });
  }
  const healthchecks = final.instructions.filter(
    (instruction) => instruction instanceof Healthcheck,
  );
  const healthcheck = healthchecks.at(-1);
  if (!healthcheck) {
    findings.push({
      check: "healthcheck-missing",
      severity: "warning",
      file,
      where,
      line: final.line,
      facts: {},
    });
  } else if (healthcheck.getArguments()[0]?.getValue().toUpperCase() === "NONE") {
    findings.push({
      check: "healthcheck-disabled",
      severity: "warning",
      file,
      where,
      line: lineOf(healthcheck),
      facts: {},
    });
  }

  const everything = [...global, ...stages.flatMap((stage) => stage.instructions)];
  for (const instruction of everything) {
    if (!(instruction instanceof Env) && !(instruction instanceof Arg)) continue;
    for (const property of instruction.getProperties()) {
      if (isLiteralSecret(property.getName(), property.getValue())) {
        findings.push({
          check: "literal-secret",
          severity: "error",
          file,
          line: lineOf(instruction),
          facts: { variable: property.getName() },
        });
      }
    }
  }
  return { findings, stages: stages.length };
}

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

/** `${NAME}`, `${NAME:-default}` and `$NAME` from ARG defaults; unknown names stay as written. */
function substitute(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, braced?: string, fallback?: string, bare?: string) => {
      const name = braced ?? bare ?? "";
      return values.get(name) ?? fallback ?? match;
    },
  );
}
