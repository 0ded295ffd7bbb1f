import type { XidEvent } from "../parse/parse-kernel-xids.js";
import type { CheckStatus, RemediationAction } from "@nova/protocol";
import { XID_CATALOG } from "./xid-catalog.js";

export interface XidClass {
  xid: number;
  mnemonic: string | null;
  description: string;
  /** NVIDIA's immediate resolution as the catalog spells it. */
  nvidiaAction: string;
  status: Exclude<CheckStatus, "skip" | "unknown">;
  /** Null for XIDs NVIDIA says to ignore. */
  action: RemediationAction | null;
}

/**
 * NVIDIA's immediate resolutions mapped onto Nova's actions. RESTART_BM/RESTART_VM restart the
 * machine; the WORKFLOW_* entries start with a GPU reset in NVIDIA's flow charts (XID 48: a
 * double-bit ECC error, the row is remapped on reset); XID 154 announces a changed recovery
 * action, which the memory-health check reads directly.
 */
const ACTIONS: Readonly<Record<string, RemediationAction | null>> = {
  IGNORE: null,
  RESTART_APP: "RESTART_APP",
  WORKFLOW_XID_45: "RESTART_APP",
  CHECK_UVM: "RESTART_APP",
  RESET_GPU: "RESET_GPU",
  WORKFLOW_XID_48: "RESET_GPU",
  WORKFLOW_NVLINK_ERR: "RESET_GPU",
  WORKFLOW_NVLINK5_ERR: "RESET_GPU",
  XID_154: "RESET_GPU",
  RESTART_BM: "REBOOT_SYSTEM",
  RESTART_VM: "REBOOT_SYSTEM",
  UPDATE_SWFW: "INSTALL_DRIVER",
  CHECK_MECHANICALS: "CHECK_POWER",
  CONTACT_SUPPORT: "CONTACT_SUPPORT",
};

/**
 * How bad an XID is and what to do, from NVIDIA's catalog. Application-level XIDs (RESTART_APP:
 * a CUDA program faulted) warn; anything that needs a reset, a reboot, hardware attention or
 * support fails; IGNORE passes. An XID not in the catalog fails with CONTACT_SUPPORT.
 */
export function classifyXid(xid: number): XidClass {
  const entry = XID_CATALOG.get(xid);
  if (entry === undefined)
    return {
      xid,
      mnemonic: null,
      description: "not in NVIDIA's XID catalog",
      nvidiaAction: "",
      status: "fail",
      action: "CONTACT_SUPPORT",
    };
  const action = entry.immediate in ACTIONS ? ACTIONS[entry.immediate]! : "CONTACT_SUPPORT";
  const status = action === null ? "pass" : action === "RESTART_APP" ? "warn" : "fail";
  return {
    xid,
    mnemonic: entry.mnemonic,
    description: entry.description,
    nvidiaAction: entry.immediate,
    status,
    action,
  };
}

/** Distinct XIDs with how often each occurred, worst first (fail, warn, pass), then by number. */
export function summarizeXids(events: readonly XidEvent[]): Array<XidClass & { count: number }> {
  const counts = new Map<number, number>();
  for (const event of events) counts.set(event.xid, (counts.get(event.xid) ?? 0) + 1);
  const rank = { fail: 0, warn: 1, pass: 2 } as const;
  return [...counts]
    .map(([xid, count]) => ({ ...classifyXid(xid), count }))
    .sort((a, b) => rank[a.status] - rank[b.status] || a.xid - b.xid);
}
