import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("../../../scripts/install-nvidia-stack.sh", import.meta.url));
const SYNTHETIC = fileURLToPath(new URL("fixtures/gpu/synthetic/", import.meta.url));
const which = (tool: string): string | null => {
  const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
};
const SHELLCHECK = which("shellcheck");
const BASH = which("bash") ?? "/bin/bash";

describe("scripts/install-nvidia-stack.sh", () => {
  if (SHELLCHECK === null) {
    // Loud on purpose: CI must install it (Debian/Ubuntu: apt-get install -y shellcheck).
    console.warn(
      "SKIPPED: shellcheck is not installed, so scripts/install-nvidia-stack.sh was NOT linted. Install it: apt-get install -y shellcheck",
    );
  }
  (SHELLCHECK === null ? it.skip : it)("passes shellcheck", () => {
    const result = spawnSync(SHELLCHECK!, ["--severity=style", SCRIPT], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "nova-install-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /**
   * A PATH with only the basic tools the script needs plus the given fakes, so what is
   * "installed" is exactly what the test says, whatever this machine has.
   */
  async function fakePath(name: string, fakes: Record<string, string>): Promise<string> {
    const bin = join(root, name);
    await mkdir(bin);
    for (const tool of ["sed", "id", "timeout", "head", "cut", "grep", "dirname", "cat"]) {
      const path = which(tool);
      if (path !== null) await symlink(path, join(bin, tool));
    }
    for (const [tool, body] of Object.entries(fakes)) {
      await writeFile(join(bin, tool), `#!${BASH}\n${body}\n`);
      await chmod(join(bin, tool), 0o755);
    }
    return bin;
  }

  function dryRun(path: string, env: Record<string, string>) {
    return spawnSync(BASH, [SCRIPT, "--dry-run"], {
      encoding: "utf8",
      env: {
        PATH: path,
        NOVA_RUNNER: "nova-runner",
        NOVA_DGX_RELEASE: join(root, "no-dgx-release"),
        ...env,
      },
    });
  }

  it("--dry-run on a fresh Ubuntu 24.04 amd64 prints every step and runs none", async () => {
    const path = await fakePath("fresh", { "dpkg-query": "exit 1" });
    const result = dryRun(path, {
      NOVA_OS_RELEASE: join(SYNTHETIC, "os-release_dgx-os-7.txt"),
      NOVA_ARCH: "amd64",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const steps = result.stdout.split("\n").filter((line) => line.includes("[dry-run]"));
    expect(steps).toEqual([
      "    [dry-run] curl -fsSL -o /tmp/cuda-keyring_1.1-1_all.deb https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2404/x86_64/cuda-keyring_1.1-1_all.deb",
      "    [dry-run] dpkg -i /tmp/cuda-keyring_1.1-1_all.deb",
      "    [dry-run] apt-get update",
      "    [dry-run] apt-get install -y nvidia-open",
      "    [dry-run] apt-get install -y cuda-toolkit-13-0",
      "    [dry-run] apt-get install -y docker.io",
      "    [dry-run] systemctl enable --now docker",
      "    [dry-run] curl -fsSL https://nvidia.github.io/libnvidia-container/gpgkey | gpg --dearmor -o /usr/share/keyrings/nvidia-container-toolkit-keyring.gpg",
      "    [dry-run] curl -fsSL https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list | sed 's#deb https://#deb [signed-by=/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg] https://#g' > /etc/apt/sources.list.d/nvidia-container-toolkit.list",
      "    [dry-run] apt-get update",
      "    [dry-run] apt-get install -y nvidia-container-toolkit",
      "    [dry-run] nvidia-ctk runtime configure --runtime=docker",
      "    [dry-run] systemctl restart docker",
      "    [dry-run] nova-runner check",
    ]);
    expect(result.stdout).not.toMatch(/^ {4}\+ /m);
    expect(result.stdout).toContain("A driver would be installed: reboot after it");
  });

  it("is idempotent: on a DGX OS arm64 machine with everything in place it only checks", async () => {
    const path = await fakePath("complete", {
      "dpkg-query": 'printf "install ok installed"',
      "nvidia-smi": 'echo "580.95.05"',
      docker: 'echo \'{"nvidia":{"path":"nvidia-container-runtime"},"runc":{"path":"runc"}}\'',
    });
    const result = dryRun(path, {
      NOVA_OS_RELEASE: join(SYNTHETIC, "os-release_dgx-os-7.txt"),
      NOVA_DGX_RELEASE: join(SYNTHETIC, "dgx-release_spark.txt"),
      NOVA_ARCH: "arm64",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("ok: Ubuntu 24.04 on arm64 (DGX OS)");
    expect(result.stdout).toContain("ok: driver 580 is running");
    expect(result.stdout.split("\n").filter((line) => line.includes("[dry-run]"))).toEqual([
      "    [dry-run] nova-runner check",
    ]);
  });

  it("uses the sbsa CUDA repository on arm64 Ubuntu", async () => {
    const path = await fakePath("arm", { "dpkg-query": "exit 1" });
    const result = dryRun(path, {
      NOVA_OS_RELEASE: join(SYNTHETIC, "os-release_dgx-os-7.txt"),
      NOVA_ARCH: "arm64",
    });
    expect(result.stdout).toContain(
      "/compute/cuda/repos/ubuntu2404/sbsa/cuda-keyring_1.1-1_all.deb",
    );
  });

  it("refuses other systems and unknown options", async () => {
    const path = await fakePath("other", {});
    const debian = join(root, "debian-os-release");
    await writeFile(debian, 'ID=debian\nVERSION_ID="12"\n');
    const result = dryRun(path, { NOVA_OS_RELEASE: debian, NOVA_ARCH: "amd64" });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("supports DGX OS and Ubuntu 24.04, not debian 12");
    expect(spawnSync(BASH, [SCRIPT, "--bogus"], { encoding: "utf8" }).status).toBe(64);
  });
});
