import { describe, expect, it } from "@jest/globals";
import { parseContainerCliInfo, parseCtkVersion } from "../src/parse/parse-container-toolkit.js";
import { parseDcgmDiag } from "../src/parse/parse-dcgm-diag.js";
import { parseDockerInfo } from "../src/parse/parse-docker-info.js";
import { parseSmokeOutput } from "../src/parse/parse-smoke-output.js";
import { loadGpuFixture, loadSynthetic } from "./gpu-fixtures.js";

describe("container and DCGM parsers", () => {
  it("reads nvidia-container-cli info, skipping its debug lines", () => {
    expect(
      parseContainerCliInfo(
        loadGpuFixture("nvidia-container-cli-info_390.87_gtx1080maxq_excerpt.txt"),
      ),
    ).toEqual({
      driver: "390.87",
      cuda: "9.1",
      devices: [
        { index: 0, model: "GeForce GTX 1080 with Max-Q Design", busLocation: "00000000:01:00.0" },
      ],
    });
  });

  it("reads nvidia-ctk --version", () => {
    expect(parseCtkVersion(loadSynthetic("nvidia-ctk-version.txt"))).toBe("1.17.8");
    expect(parseCtkVersion("command not found")).toBeNull();
  });

  it("reads docker info JSON: runtimes, CDI, and why the daemon did not answer", () => {
    expect(parseDockerInfo(loadSynthetic("docker-info.json"))).toEqual({
      serverVersion: "28.3.3",
      runtimes: ["io.containerd.runc.v2", "nvidia", "runc"],
      defaultRuntime: "runc",
      cdiSpecDirs: ["/etc/cdi", "/var/run/cdi"],
      serverErrors: [],
    });
    const denied = parseDockerInfo(
      '{"ServerErrors":["permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock"],"ClientInfo":{}}',
    );
    expect(denied?.serverVersion).toBeNull();
    expect(denied?.serverErrors[0]).toMatch(/permission denied/);
    expect(parseDockerInfo("Client: Docker Engine")).toBeNull();
  });

  it("reads dcgmi diag -j: every test with its status and warnings", () => {
    const diag = parseDcgmDiag(loadSynthetic("dcgmi-diag.json"));
    expect(diag?.version).toBe("4.2.3");
    expect(diag?.tests).toEqual([
      { category: "Deployment", name: "software", status: "Pass", warnings: [] },
      {
        category: "Integration",
        name: "pcie",
        status: "Warn",
        warnings: ["GPU 0: PCIe link width is x8, expected x16"],
      },
    ]);
    expect(parseDcgmDiag("Error: unable to connect to host engine")).toBeNull();
  });

  it("reads a smoke test's output: nvidia-smi -L or deviceQuery", () => {
    expect(parseSmokeOutput(loadGpuFixture("h100-sxm-x8_cuda12.7_deviceQuery.txt"))).toEqual({
      gpus: 8,
      deviceQueryResult: "PASS",
    });
    expect(parseSmokeOutput(loadSynthetic("smi-list_gb10.txt"))).toEqual({
      gpus: 1,
      deviceQueryResult: null,
    });
  });
});
