// ESLint flat config: @eslint/js recommended everywhere, typescript-eslint's type-aware
// recommended rules on the TypeScript that tsconfig.json covers. Formatting is Prettier's job
// (`prettier --check` in `npm run lint`), so no stylistic rules here.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

/** Folders of use-cases and pure code (see docs/architecture.md): below the app and GitHub layers. */
export const DOMAIN_FOLDERS = [
  "checklist",
  "markdown",
  "config",
  "reports",
  "render",
  "sync",
  "board",
  "bot-pr",
  "ingest",
  "commands",
  "containers",
  "time",
];

// Restrictions, each a `no-restricted-imports` pattern. A regex sees the import as written, so
// `(\.\./)+app/` is src/app seen from any depth below src/.
const RUNNER = {
  group: ["@nova/runner", "@nova/runner/*", "**/packages/runner/**", "**/runner/src/**"],
  message: "The app may not import the runner; share code through @nova/protocol.",
};
const PROTOCOL_BY_PATH = {
  group: ["**/packages/protocol/**"],
  message: "Import the protocol package as @nova/protocol, not by path.",
};
const SERVER_PACKAGES = {
  regex: "^(probot|@probot/[^/]+|ioredis)(/.*)?$",
  message: "Only src/app, src/index.ts and src/main.ts may import probot or ioredis.",
};
const OCTOKIT = {
  regex: "^(@octokit/[^/]+|octokit)(/.*)?$",
  message: "Domain code reaches GitHub through the ports in src/github, not through Octokit.",
};
const GITHUB_ADAPTERS = {
  regex:
    "^(\\.\\./)+github/(octokit-[^/]*|rest-[^/]*|github-request-policy|read-config-files|project-queries|retry-secondary-limit)(\\.[jt]s)?$",
  message:
    "Domain code uses the ports and vocabulary of src/github (github-api, vocabulary, project-port, github-error, hidden-markers), not its Octokit adapters; src/app builds the adapters and passes them in.",
};
const APP_LAYER = {
  regex: "^(\\.\\./)+app(/.*)?$",
  message: "src/app (Probot, Redis, workers) sits above this folder; pass what it needs in.",
};
const ENTRIES = {
  regex: "^(\\.\\./)+(index|main)(\\.[cm]?[jt]s)?$",
  message: "Entries (src/index.ts, src/main.ts, src/cli/main.ts) are imported by nothing.",
};

/**
 * One way to say things: a text in code comes from a catalog (the app's src/render/catalog/, the
 * runner's packages/runner/src/text/), never from a test of the language, so `en` cannot lack a
 * sentence `de` has (docs/development.md). Part of every src/ block's `no-restricted-syntax`, and
 * of the runner's, since a later block's setting replaces an earlier one.
 */
function languageChoice(catalog) {
  return [
    ...["left", "right"].map((side) => ({
      selector: `BinaryExpression[operator=/^[!=]==?$/][${side}.value=/^(de|en)$/]`,
      message: `Do not choose text by comparing with a language code: add a key to ${catalog} and use say(lang, key).`,
    })),
    {
      selector: "SwitchCase[test.value=/^(de|en)$/]",
      message: `Do not switch on a language code: add a key to ${catalog} and use say(lang, key).`,
    },
  ];
}
const LANGUAGE_CHOICE = languageChoice("src/render/catalog/");
const RUNNER_LANGUAGE_CHOICE = languageChoice("packages/runner/src/text/");

/**
 * `no-restricted-imports` with `patterns`, plus the same restrictions for a lazy `await import()`
 * and a type's `import("…")`, which that rule does not see (except those in `lazyAllowed`).
 * ESLint uses a rule's last setting for a file, so each block lists every restriction for its files
 * (and the language rule).
 */
function restrictImports(patterns, { lazyAllowed = [] } = {}) {
  const selectors = (node) =>
    patterns
      .filter((pattern) => !lazyAllowed.includes(pattern))
      .map((pattern) => {
        const source = pattern.regex ?? pattern.group.map(globToRegex).join("|");
        // esquery's regex literals cannot hold a "/", hence \x2F.
        return {
          selector: `${node}[value=/${source.replaceAll("/", "\\x2F")}/]`,
          message: pattern.message,
        };
      });
  return {
    "no-restricted-imports": ["error", { patterns }],
    "no-restricted-syntax": [
      "error",
      ...selectors("ImportExpression > Literal.source"),
      ...selectors("TSImportType Literal"),
      ...LANGUAGE_CHOICE,
    ],
  };
}

/** A gitignore-style group entry of this file as a regex over the import specifier. */
function globToRegex(glob) {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replaceAll("**/", "(.*/)?")
    .replaceAll("/**", "(/.*)?")
    .replaceAll("*", "[^/]*");
  return `^${glob.startsWith("**/") ? "" : "(\\.\\./)*"}${body}$`;
}

export default defineConfig(
  globalIgnores(["**/lib/", "**/dist/", "coverage/", "**/node_modules/"]),
  js.configs.recommended,
  {
    files: [
      "src/**/*.ts",
      "test/**/*.ts",
      "bench/**/*.ts",
      "scripts/**/*.ts",
      "packages/*/src/**/*.ts",
      "packages/*/test/**/*.ts",
      "packages/*/scripts/**/*.ts",
    ],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The project service finds tsconfig.json for each file, as `tsc` and editors do.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Everything in src/ (src/app, src/index.ts, src/main.ts included): no runner internals.
    files: ["src/**/*.ts"],
    rules: restrictImports([RUNNER, PROTOCOL_BY_PATH]),
  },
  {
    // The GitHub adapters (the only code that calls Octokit): no Probot, no Redis, no app layer.
    files: ["src/github/**/*.ts"],
    rules: restrictImports([RUNNER, PROTOCOL_BY_PATH, SERVER_PACKAGES, APP_LAYER, ENTRIES]),
  },
  {
    // The CLI as the GitHub adapters, and no Octokit of its own: it gets its client from
    // src/app/create-cli-octokit.ts by a lazy `await import()` (the only way into src/app), so the
    // offline commands never load Probot.
    files: ["src/cli/**/*.ts"],
    rules: restrictImports(
      [RUNNER, PROTOCOL_BY_PATH, SERVER_PACKAGES, OCTOKIT, APP_LAYER, ENTRIES],
      { lazyAllowed: [APP_LAYER] },
    ),
  },
  {
    // The domain folders: use-cases and pure code; GitHub only through the ports of src/github.
    files: DOMAIN_FOLDERS.map((folder) => `src/${folder}/**/*.ts`),
    rules: restrictImports([
      RUNNER,
      PROTOCOL_BY_PATH,
      SERVER_PACKAGES,
      OCTOKIT,
      GITHUB_ADAPTERS,
      APP_LAYER,
      ENTRIES,
    ]),
  },
  {
    // The runner and the protocol stand alone: nothing of the app (src/, templates) in them.
    files: ["packages/runner/src/**/*.ts", "packages/protocol/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(src|lib|templates)/",
              message:
                "Workspace packages may not import the app; share code through @nova/protocol.",
            },
            {
              group: ["**/packages/runner/**", "@nova/runner"],
              message: "The protocol package may not import the runner.",
            },
          ],
        },
      ],
    },
  },
  {
    // The runner says things as the app does: from its catalogs, never by testing the language.
    // The only no-restricted-syntax setting for these files (no other block sets one for them).
    files: ["packages/runner/src/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", ...RUNNER_LANGUAGE_CHOICE] },
  },
);
