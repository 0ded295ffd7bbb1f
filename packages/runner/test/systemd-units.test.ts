import { describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { parseRunnerArgs } from "../src/cli/runner-args.js";

const read = (name: string) =>
  readFile(new URL(`../deploy/systemd/${name}`, import.meta.url), "utf8");

/** `Key=value` lines of one unit file, by key (the last one wins, as in systemd for most keys). */
function keys(text: string): Map<string, string> {
  return new Map(
    [...text.matchAll(/^([A-Za-z_]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]),
  );
}

describe("deploy/systemd", () => {
  it("the service runs check --upload with options the runner accepts", async () => {
    const service = keys(await read("nova-runner.service"));
    const exec = service.get("ExecStart")!.split(" ");
    expect(exec.slice(0, 3)).toEqual(["/usr/bin/env", "node", "/opt/nova-runner/nova-runner.mjs"]);
    const env = keys(await read("nova-runner.env.example"));
    const argv = [
      ...exec.slice(3).filter((arg) => arg !== "$NOVA_CHECK_ARGS"),
      ...env.get("NOVA_CHECK_ARGS")!.split(" "),
    ];
    expect(parseRunnerArgs(argv, Object.fromEntries(env))).toMatchObject({
      command: "check",
      upload: true,
      check: { expectGpus: 1 },
    });
    expect(service.get("SuccessExitStatus")).toBe("1 2");
    expect(service.get("EnvironmentFile")).toBe("/etc/nova-runner/env");
  });

  it("the timer runs it hourly and after boot", async () => {
    const timer = keys(await read("nova-runner.timer"));
    expect(timer.get("OnCalendar")).toBe("hourly");
    expect(timer.get("OnBootSec")).toBe("5min");
    expect(timer.get("WantedBy")).toBe("timers.target");
  });
});
