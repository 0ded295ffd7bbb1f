import { checkCompose } from "./check-compose.js";
import { checkDockerfile } from "./check-dockerfile.js";
import {
  summarizeFindings,
  type CheckedFile,
  type ContainersReport,
  type Finding,
} from "./container-findings.js";
import type { ContainerFile } from "./find-container-files.js";

/** Runs every check on every file. Pure: files in, the report out. */
export function checkContainerFiles(files: readonly ContainerFile[]): ContainersReport {
  const checked: CheckedFile[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    if (file.kind === "compose") {
      const result = checkCompose(file.path, file.text);
      checked.push({ file: file.path, kind: "compose", units: result.services });
      findings.push(...result.findings);
    } else {
      const result = checkDockerfile(file.path, file.text);
      checked.push({ file: file.path, kind: "dockerfile", units: result.stages });
      findings.push(...result.findings);
    }
  }
  return summarizeFindings(checked, findings);
}
