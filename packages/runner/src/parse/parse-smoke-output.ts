import { parseSmiList } from "./parse-smi-list.js";

/** What a GPU container printed: GPUs listed by `nvidia-smi -L`, or a deviceQuery result. */
export interface SmokeOutput {
  gpus: number;
  /** deviceQuery's `Result = PASS|FAIL`; null when the output is not deviceQuery's. */
  deviceQueryResult: "PASS" | "FAIL" | null;
}

/**
 * The container smoke test runs `nvidia-smi -L` in the image; an image whose entry point is
 * cuda-samples' deviceQuery (`Detected 8 CUDA Capable device(s)` … `Result = PASS`) works too.
 */
export function parseSmokeOutput(text: string): SmokeOutput {
  const result = /^Result = (PASS|FAIL)\s*$/m.exec(text)?.[1] as "PASS" | "FAIL" | undefined;
  const detected = /^Detected (\d+) CUDA Capable device/m.exec(text)?.[1];
  return {
    gpus: detected === undefined ? parseSmiList(text).length : Number(detected),
    deviceQueryResult: result ?? null,
  };
}
