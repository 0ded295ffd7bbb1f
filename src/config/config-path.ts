/**
 * Where a repository keeps Nova's configuration, as Probot's config loader finds it (with
 * `_extends`; see src/github/read-config-files.ts). A config fact, so the domain folders can name
 * it without reaching into the GitHub adapters.
 */
export const CONFIG_PATH = ".github/nova.yml";
