/**
 * Jest runs the TypeScript sources as native ESM (node --experimental-vm-modules, see the
 * `test` script). ts-jest only transpiles (isolatedModules); `npm run typecheck` does the
 * type checking, so a type error cannot hide behind a green test run.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, diagnostics: false }],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 20000,
};
