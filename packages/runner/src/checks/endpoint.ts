import { endpointProbe } from "../probes/probe-catalog.js";
import { labelled, say, type CheckDefinition } from "./check-types.js";
import { toEvidence } from "./evidence.js";
import { remedy } from "./remediation.js";

/**
 * 14. The Nova endpoint is reachable: `GET {NOVA_URL}/ping` answers 200. Unreachable warns:
 * the GPU is no worse for it, and the upload waits in the spool until the network is back.
 */
export const endpointCheck: CheckDefinition = {
  id: "endpoint",
  dependsOn: [],
  async run({ probes, options }) {
    const expected = say("HTTP 200", "HTTP 200");
    if (options.novaUrl === null)
      return {
        status: "skip",
        observed: null,
        expected,
        message: say("Übersprungen: NOVA_URL ist nicht gesetzt.", "Skipped: NOVA_URL is not set."),
        remediation: null,
        evidence: [],
      };
    const result = await probes.run(endpointProbe(options.novaUrl));
    const evidence = [toEvidence(result)];
    const status = /^HTTP (\d{3})/.exec(result.stdout)?.[1];
    if (result.exitCode === 0 && status === "200")
      return {
        status: "pass",
        observed: labelled(result.durationMs, "ms", say("Antwortzeit", "response time")),
        expected,
        message: say(`${options.novaUrl} ist erreichbar.`, `${options.novaUrl} is reachable.`),
        remediation: null,
        evidence,
      };
    const detail = result.stderr.trim();
    const reason =
      status !== undefined
        ? say(`HTTP ${status}`, `HTTP ${status}`)
        : say(detail || "keine Antwort", detail || "no response");
    return {
      status: "warn",
      observed: labelled(
        status === undefined ? null : Number(status),
        null,
        say("HTTP-Status", "HTTP status"),
      ),
      expected,
      message: say(
        `${options.novaUrl} ist nicht erreichbar (${reason.de}); Berichte warten im Spool.`,
        `${options.novaUrl} is not reachable (${reason.en}); reports wait in the spool.`,
      ),
      remediation: remedy("CHECK_NETWORK"),
      evidence,
    };
  },
};
