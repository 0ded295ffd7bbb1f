/**
 * Secrets written into a Compose file or Dockerfile: a variable whose name says it is one and
 * whose value is a literal (not `${FROM_THE_ENVIRONMENT}`), or a value shaped like a known token
 * whatever its name. Pure; callers never repeat the value.
 */

const SECRET_NAME =
  /(?:^|_)(?:SECRET|TOKEN|PASSWORD|PASSWD|PASS|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)(?:_|$)/i;

/** Tokens with a recognisable prefix: GitHub, Hugging Face, OpenAI-style, NGC, AWS, Slack. */
const TOKEN_SHAPES = [
  /^gh[opsur]_[A-Za-z0-9]{20,}$/,
  /^github_pat_[A-Za-z0-9_]{20,}$/,
  /^hf_[A-Za-z0-9]{20,}$/,
  /^sk-[A-Za-z0-9_-]{20,}$/,
  /^nvapi-[A-Za-z0-9_-]{20,}$/,
  /^AKIA[0-9A-Z]{16}$/,
  /^xox[abpr]-[A-Za-z0-9-]{10,}$/,
];

/** Values that say "no secret here": empty, a reference, a placeholder, a file path. */
function isHarmless(value: string): boolean {
  const trimmed = value.trim();
  return (
    trimmed === "" ||
    /^\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-?][^}]*)?\}?$/.test(trimmed) ||
    /^(?:changeme|change-me|<[^>]+>|xxx+|\*+|none|null|false|true)$/i.test(trimmed) ||
    // Docker's convention: FOO_FILE=/run/secrets/foo names a file, not the secret itself.
    trimmed.startsWith("/run/secrets/")
  );
}

/** Whether NAME=VALUE puts a secret into the file itself. */
export function isLiteralSecret(name: string, value: string | null | undefined): boolean {
  if (value === null || value === undefined || isHarmless(value)) return false;
  if (/_FILE$/i.test(name)) return false;
  if (SECRET_NAME.test(name)) return true;
  return TOKEN_SHAPES.some((shape) => shape.test(value.trim()));
}
