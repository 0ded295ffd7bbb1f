/**
 * Bold, dim and colours for a terminal, as plain SGR escape codes (a few codes do not justify a
 * dependency). With colours off every function returns its text unchanged, so renderers never
 * check the setting themselves.
 */
export interface Style {
  readonly colours: boolean;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) =>
  text === "" ? text : `\u001b[${open}m${text}\u001b[${close}m`;

export function createStyle(colours: boolean): Style {
  const plain = (text: string) => text;
  return {
    colours,
    bold: colours ? sgr(1, 22) : plain,
    dim: colours ? sgr(2, 22) : plain,
    red: colours ? sgr(31, 39) : plain,
    green: colours ? sgr(32, 39) : plain,
    yellow: colours ? sgr(33, 39) : plain,
    cyan: colours ? sgr(36, 39) : plain,
  };
}

/**
 * Whether to colour: `FORCE_COLOR` (any value but `0`/`false`) forces colours even into a pipe
 * and wins, as in Node itself; otherwise a terminal gets colours unless `NO_COLOR` is set to a
 * non-empty value (https://no-color.org).
 */
export function decideColours(
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY;
}
