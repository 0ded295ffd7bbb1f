// ESLint flat config: @eslint/js recommended everywhere, typescript-eslint's type-aware
// recommended rules on the TypeScript that tsconfig.json covers. Formatting is Prettier's job
// (`prettier --check` in `npm run lint`), so no stylistic rules here.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

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
    // The app shares only the protocol package with the runner: no runner internals in its code
    // (the app's image and lib/ contain no runner code).
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@nova/runner",
                "@nova/runner/*",
                "**/packages/runner/**",
                "**/runner/src/**",
              ],
              message: "The app may not import the runner; share code through @nova/protocol.",
            },
            {
              group: ["**/packages/protocol/**"],
              message: "Import the protocol package as @nova/protocol, not by path.",
            },
          ],
        },
      ],
    },
  },
  {
    // One way to say things: a text in code comes from the catalog (src/render/catalog/), never
    // from a test of the language, so `en` cannot lack a sentence `de` has (docs/development.md).
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["left", "right"].map((side) => ({
          selector: `BinaryExpression[operator=/^[!=]==?$/][${side}.value=/^(de|en)$/]`,
          message:
            "Do not choose text by comparing with a language code: add a key to src/render/catalog/ and use say(lang, key).",
        })),
        {
          selector: "SwitchCase[test.value=/^(de|en)$/]",
          message:
            "Do not switch on a language code: add a key to src/render/catalog/ and use say(lang, key).",
        },
      ],
    },
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
);
