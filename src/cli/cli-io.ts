import type { BotPrPort, GitHubPort } from "../github/github-api.js";
import type { RepoRef } from "../github/vocabulary.js";

/** What the CLI needs from the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The current instant; "today" is its date in Europe/Berlin, where the team works. */
  now: () => Date;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  /**
   * Connects to GitHub for `nova sync` and `nova report` (token from the environment); throws
   * `CliSetupError`. `pulls` reaches Nova's pull requests (`nova report` needs it).
   */
  connectGitHub: (
    repo: RepoRef,
    botLogin: string | undefined,
  ) => Promise<{ port: GitHubPort; botLogin: string; pulls?: BotPrPort }>;
  /**
   * The environment (`nova runner-key` reads NOVA_RUNNER_SECRET; `NO_COLOR`/`FORCE_COLOR` steer
   * colours); absent counts as empty.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal: then reports are drawn for it instead of printed as Markdown. */
  isTTY?: boolean;
  /** The terminal's width in columns, when known; wide tables shorten titles to fit. */
  columns?: number;
}

/** Something missing around the command (no token): one clear line, exit code 2. */
export class CliSetupError extends Error {
  constructor(readonly messages: { de: string; en: string }) {
    super(messages.en);
    this.name = "CliSetupError";
  }
}

export const EXIT = { ok: 0, lintErrors: 1, badInput: 2, internal: 3 } as const;
