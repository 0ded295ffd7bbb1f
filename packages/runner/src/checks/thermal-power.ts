import type { Gpu, Observed, RemediationAction } from "@nova/protocol";
import {
  formatDecimal,
  labelled,
  say,
  type CheckDefinition,
  type CheckOutcome,
} from "./check-types.js";
import { remedy } from "./remediation.js";

/** A GPU this close to its slowdown limit (nvidia-smi's T.Limit) is a warning. */
export const TLIMIT_WARN_MARGIN_C = 5;

/**
 * 6. Thermal and power: hardware thermal slowdown active fails; a T.Limit margin of 5 °C or
 * less, software thermal slowdown or the power brake (HW Power Brake Slowdown: the board's
 * power supply asked the GPU to slow down) warn.
 */
export const thermalPowerCheck: CheckDefinition = {
  id: "thermal-power",
  dependsOn: ["gpu-kpis"],
  run({ facts }) {
    const { gpus } = facts;
    const expected = say(
      `keine thermische HW-Drosselung, T.Limit-Abstand > ${formatDecimal(TLIMIT_WARN_MARGIN_C, "de")} °C, keine Power-Brake`,
      `no HW thermal slowdown, T.Limit margin > ${formatDecimal(TLIMIT_WARN_MARGIN_C, "en")} °C, no power brake`,
    );
    const outcome = (
      status: CheckOutcome["status"],
      de: string,
      en: string,
      action?: RemediationAction,
    ): CheckOutcome => ({
      status,
      observed: observe(gpus),
      expected,
      message: say(de, en),
      remediation: action === undefined ? null : remedy(action),
      evidence: [],
    });
    const named = (list: Gpu[]): string => list.map((gpu) => `GPU ${gpu.index}`).join(", ");
    const hot = gpus.filter((gpu) => gpu.hwThermalSlowdown === true);
    const close = gpus.filter(
      (gpu) =>
        (gpu.temperatureLimitMarginC !== null &&
          gpu.temperatureLimitMarginC <= TLIMIT_WARN_MARGIN_C) ||
        gpu.swThermalSlowdown === true,
    );
    const braking = gpus.filter((gpu) => gpu.hwPowerBrakeSlowdown === true);
    const thermal = gpus.some(
      (gpu) =>
        gpu.hwThermalSlowdown !== null ||
        gpu.temperatureLimitMarginC !== null ||
        gpu.temperatureC !== null,
    );
    if (!thermal)
      return outcome(
        "unknown",
        "Die GPU meldet weder Temperatur noch Drosselungsgründe.",
        "The GPU reports neither temperature nor throttle reasons.",
      );
    if (hot.length > 0)
      return outcome(
        "fail",
        `Hardware-Drosselung wegen Temperatur aktiv: ${named(hot)}.`,
        `Hardware thermal slowdown active: ${named(hot)}.`,
        "CHECK_COOLING",
      );
    if (close.length > 0)
      return outcome(
        "warn",
        `Nahe am Temperaturlimit: ${named(close)}.`,
        `Close to the temperature limit: ${named(close)}.`,
        "CHECK_COOLING",
      );
    if (braking.length > 0)
      return outcome(
        "warn",
        `Power Brake aktiv (die Stromversorgung bremst die GPU): ${named(braking)}.`,
        `Power brake active (the power supply slows the GPU down): ${named(braking)}.`,
        "CHECK_POWER",
      );
    return outcome(
      "pass",
      "Keine Drosselung wegen Temperatur oder Strom.",
      "No thermal or power throttling.",
    );
  },
};

/** The smallest T.Limit margin, or the highest temperature when no GPU reports a margin. */
function observe(gpus: readonly Gpu[]): Observed | null {
  const margins = gpus.flatMap((gpu) =>
    gpu.temperatureLimitMarginC === null ? [] : [gpu.temperatureLimitMarginC],
  );
  if (margins.length > 0)
    return labelled(
      Math.min(...margins),
      "°C",
      say("T.Limit-Abstand (kleinster)", "T.Limit margin (smallest)"),
    );
  const temperatures = gpus.flatMap((gpu) => (gpu.temperatureC === null ? [] : [gpu.temperatureC]));
  if (temperatures.length > 0)
    return labelled(
      Math.max(...temperatures),
      "°C",
      say("GPU-Temperatur (höchste)", "GPU temperature (highest)"),
    );
  return null;
}
