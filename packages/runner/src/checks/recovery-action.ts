import type { RemediationAction } from "@nova/protocol";

/**
 * nvidia-smi's "GPU Recovery Action" (driver 550+): `None`, or what the driver needs before the
 * GPU is usable again. The wording differs between drivers (`GPU Reset`, `Node Reboot Required`,
 * `Drain P2P`, `Drain and Reset`), so it is matched by keyword. Null means no action needed.
 */
export function actionForRecovery(recoveryAction: string | null): RemediationAction | null {
  if (recoveryAction === null || /^none$/i.test(recoveryAction.trim())) return null;
  if (/reboot/i.test(recoveryAction)) return "REBOOT_SYSTEM";
  if (/reset/i.test(recoveryAction)) return "RESET_GPU";
  if (/drain/i.test(recoveryAction)) return "RESTART_APP";
  return "RESET_GPU";
}
