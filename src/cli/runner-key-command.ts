import { parseRunnerSecrets } from "../ingest/runner-secrets.js";
import { deriveRunnerKey } from "@nova/protocol";
import { REPOSITORY_PATTERN } from "@nova/protocol/patterns";
import { UsageError, type CliOptions } from "./cli-args.js";
import { CliSetupError, EXIT, type CliIo } from "./cli-io.js";
import { sayEach } from "../render/i18n.js";

/**
 * `nova runner-key owner/repo`: prints the repository's runner key, derived from
 * NOVA_RUNNER_SECRET exactly as the app verifies uploads (docs/runner-protocol.md). The key goes
 * to the DGX as NOVA_RUNNER_KEY; the secret never leaves the server.
 */
export function runRunnerKeyCommand(options: CliOptions, io: CliIo): number {
  // Checked here rather than in cli-args, which would load the report schema (zod) for every command.
  const repository = options.runnerRepository ?? "";
  if (!REPOSITORY_PATTERN.test(repository)) {
    throw new UsageError("bad-value", {
      command: "runner-key",
      option: "OWNER/REPO",
      value: repository,
      accepted: "owner/repo",
    });
  }
  const secrets = parseRunnerSecrets(io.env?.NOVA_RUNNER_SECRET, undefined);
  if (!secrets.ok) {
    throw new CliSetupError(sayEach("cli.setup.noRunnerSecret"));
  }
  io.stdout(`${deriveRunnerKey(secrets.current, repository)}\n`);
  return EXIT.ok;
}
