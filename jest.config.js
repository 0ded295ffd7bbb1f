/**
 * Jest runs the TypeScript sources as native ESM (node --experimental-vm-modules, see the
 * `test` script). ts-jest only transpiles (isolatedModules); `npm run typecheck` does the
 * type checking, so a type error cannot hide behind a green test run.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: {
    // The protocol package as source, as tsconfig.json's `paths` has it.
    "^@nova/protocol$": "<rootDir>/packages/protocol/src/index.ts",
    "^@nova/protocol/patterns$": "<rootDir>/packages/protocol/src/patterns.ts",
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, diagnostics: false }],
  },
  // The app's tests and the workspace packages' (the runner's), in one run.
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/packages/*/test/**/*.test.ts"],
  testTimeout: 20000,
};
