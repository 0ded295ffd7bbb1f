/** The runner's version, reported in every report; a test keeps it equal to package.json's. */
export const RUNNER_VERSION = "0.1.0";
