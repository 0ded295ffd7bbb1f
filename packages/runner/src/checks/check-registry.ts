import type { CheckDefinition } from "./check-types.js";
import { containerRuntimeCheck } from "./container-runtime.js";
import { dcgmDiagCheck } from "./dcgm-diag.js";
import { diskSpaceCheck } from "./disk-space.js";
import { driverVersionCheck } from "./driver-version.js";
import { endpointCheck } from "./endpoint.js";
import { gpuInventoryCheck } from "./gpu-inventory.js";
import { gpuKpisCheck } from "./gpu-kpis.js";
import { hostInfoCheck } from "./host-info.js";
import { kernelModuleCheck } from "./kernel-module.js";
import { memoryHealthCheck } from "./memory-health.js";
import { nvmlCheck } from "./nvml.js";
import { thermalPowerCheck } from "./thermal-power.js";
import { timeSyncCheck } from "./time-sync.js";
import { xidErrorsCheck } from "./xid-errors.js";

/** Every check in the order it runs: each after the checks it depends on (CHECK_IDS order). */
export const CHECKS: readonly CheckDefinition[] = [
  kernelModuleCheck,
  nvmlCheck,
  driverVersionCheck,
  gpuInventoryCheck,
  gpuKpisCheck,
  thermalPowerCheck,
  memoryHealthCheck,
  xidErrorsCheck,
  containerRuntimeCheck,
  dcgmDiagCheck,
  timeSyncCheck,
  diskSpaceCheck,
  hostInfoCheck,
  endpointCheck,
];
