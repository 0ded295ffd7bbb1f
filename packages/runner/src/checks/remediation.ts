import type { Remediation, RemediationAction } from "@nova/protocol";

/**
 * Each action's runbook in docs/runbooks/. A check may link a more specific section of the same
 * or another page by passing its own path.
 */
const RUNBOOKS: Readonly<Record<RemediationAction, string>> = {
  RESTART_APP: "docs/runbooks/xid-errors.md#restart-the-application",
  RESET_GPU: "docs/runbooks/xid-errors.md#reset-the-gpu",
  REBOOT_SYSTEM: "docs/runbooks/xid-errors.md#reboot-the-system",
  RMA: "docs/runbooks/ecc-row-remapping.md#rma",
  CONTACT_SUPPORT: "docs/runbooks/xid-errors.md#contact-support",
  FIX_CONFIG: "docs/runbooks/driver-library-mismatch.md",
  CHECK_COOLING: "docs/runbooks/gpu-overheating.md",
  CHECK_POWER: "docs/runbooks/gpu-overheating.md#power-brake",
  INSTALL_DRIVER: "docs/runbooks/driver-library-mismatch.md#install-or-update-the-driver",
  INSTALL_CONTAINER_TOOLKIT: "docs/runbooks/container-toolkit.md",
  FIX_TIME_SYNC: "docs/runbooks/time-sync-network.md#time-sync",
  FREE_DISK: "docs/runbooks/disk-space.md",
  CHECK_NETWORK: "docs/runbooks/time-sync-network.md#network",
};

/** A remediation: the action and its runbook (or a more specific section). */
export function remedy(action: RemediationAction, runbook: string = RUNBOOKS[action]): Remediation {
  return { action, runbook };
}

/** Actions by how drastic they are; a check that found several recommends the most drastic. */
export const ACTION_SEVERITY: readonly RemediationAction[] = [
  "FIX_CONFIG",
  "FIX_TIME_SYNC",
  "FREE_DISK",
  "CHECK_NETWORK",
  "INSTALL_CONTAINER_TOOLKIT",
  "INSTALL_DRIVER",
  "RESTART_APP",
  "CHECK_COOLING",
  "CHECK_POWER",
  "RESET_GPU",
  "REBOOT_SYSTEM",
  "CONTACT_SUPPORT",
  "RMA",
];
