// ESLint flat config: @eslint/js recommended everywhere, typescript-eslint's type-aware
// recommended rules on the TypeScript that tsconfig.json covers. Formatting is Prettier's job
// (`prettier --check` in `npm run lint`), so no stylistic rules here.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["lib/", "dist/", "coverage/", "node_modules/"]),
  js.configs.recommended,
  {
    files: ["src/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The project service finds tsconfig.json for each file, as `tsc` and editors do.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
);
