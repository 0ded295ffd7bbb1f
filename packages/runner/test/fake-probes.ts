import type { ProbeKey, ProbeResult, ProbeSource, ProbeSpec } from "../src/probes/probe-types.js";

export type Answer = Partial<Omit<ProbeResult, "key" | "command">>;

/**
 * A probe source answering from a table; a key without an answer is a missing tool. It keeps
 * what was asked (with the argv) for assertions.
 */
export function fakeProbes(
  answers: Partial<Record<ProbeKey, Answer>>,
): ProbeSource & { asked: ProbeSpec[] } {
  const asked: ProbeSpec[] = [];
  return {
    asked,
    run(spec) {
      asked.push(spec);
      const answer = answers[spec.key];
      return Promise.resolve({
        key: spec.key,
        command: spec.key,
        exitCode: answer === undefined ? null : 0,
        durationMs: 1,
        timedOut: false,
        missing: answer === undefined,
        stdout: "",
        stderr: "",
        ...answer,
      });
    },
  };
}
