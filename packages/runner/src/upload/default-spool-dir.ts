import { join } from "node:path";

/**
 * Where unsent reports wait: `NOVA_SPOOL_DIR`, else `/var/spool/nova-runner` for root (the
 * systemd service), else `~/.local/state/nova-runner/spool` (XDG state, `$XDG_STATE_HOME`
 * when set).
 */
export function defaultSpoolDir(input: {
  env: Readonly<Record<string, string | undefined>>;
  uid: number | null;
  home: string;
}): string {
  const configured = input.env.NOVA_SPOOL_DIR?.trim();
  if (configured) return configured;
  if (input.uid === 0) return "/var/spool/nova-runner";
  const state = input.env.XDG_STATE_HOME?.trim() || join(input.home, ".local", "state");
  return join(state, "nova-runner", "spool");
}
