import type { LocalizedText } from "../config/accepted-text.js";
import { createFileProblem, UnreadableConfig } from "../config/parse-config.js";
import { MAX_CONFIG_BYTES, parseConfigBytes } from "../config/parse-config-yaml.js";
import { say, sayByLanguage, sayEach } from "../render/i18n.js";
import type { RepoRef } from "./vocabulary.js";
import { toGitHubError } from "./github-error.js";
import type { Octokit } from "./rest-context.js";

/** `_extends` hops after the repository's own file; Probot's loader has no limit. */
export const MAX_EXTENDS = 3;

/** Probot's `_extends` syntax: `repo`, `owner/repo`, `owner/repo:path/file.yml`. */
const EXTENDS =
  /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

interface FileRef {
  owner: string;
  repo: string;
  path: string;
}

const describe = (file: FileRef) => `\`${file.owner}/${file.repo}:${file.path}\``;

/**
 * Nova's configuration as Probot's config loader finds it (the repository's file on its default
 * branch, else the owner's `.github` repository's; `_extends` chains merged as
 * docs/configuration.md describes), but read with bounds: each file's size is checked before it is decoded, its text
 * by `parseConfigBytes` before the YAML parser sees it, and `_extends` may hop `MAX_EXTENDS`
 * times without loops. Answers the merged data, null when there is no file, or an
 * `UnreadableConfig` with the reason; only GitHub's own failures throw.
 */
export async function readConfigFiles(
  octokit: Octokit,
  repo: RepoRef,
  path: string,
  call: <T>(request: () => Promise<T>) => Promise<T>,
): Promise<unknown> {
  const fetchFile = async (file: FileRef): Promise<Uint8Array | null | LocalizedText> => {
    try {
      const { data } = await call(() =>
        octokit.rest.repos.getContent({ owner: file.owner, repo: file.repo, path: file.path }),
      );
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
        return sayEach("config.file.notAFile", { file: describe(file) });
      }
      if (data.size > MAX_CONFIG_BYTES) {
        return sayEach("config.file.tooLarge", { size: data.size, max: MAX_CONFIG_BYTES });
      }
      return Buffer.from(data.content, "base64");
    } catch (error) {
      if (toGitHubError(error).kind === "not-found") return null;
      throw error;
    }
  };
  const unreadable = (file: FileRef, first: boolean, text: LocalizedText) =>
    new UnreadableConfig([
      createFileProblem(
        first
          ? text
          : sayByLanguage((lang) =>
              say(lang, "config.file.fromExtends", { file: describe(file), problem: text[lang] }),
            ),
      ),
    ]);

  let file: FileRef = { owner: repo.owner, repo: repo.repo, path };
  let content = await fetchFile(file);
  if (content === null && repo.repo !== ".github") {
    file = { owner: repo.owner, repo: ".github", path };
    content = await fetchFile(file);
  }
  if (content === null) return null;
  const loaded: Array<{ file: FileRef; value: Record<string, unknown> }> = [];
  for (;;) {
    const first = loaded.length === 0;
    if (content === null) {
      return unreadable(file, first, sayEach("config.file.missing"));
    }
    if (!(content instanceof Uint8Array)) return unreadable(file, first, content);
    const read = parseConfigBytes(content);
    if (!read.ok) {
      const { line, column } = read.problem;
      const where: LocalizedText =
        line !== undefined && column !== undefined
          ? sayEach("config.file.position", { line, column })
          : sayByLanguage(() => "");
      return unreadable(
        file,
        first,
        sayByLanguage((lang) => `${read.problem.messages[lang]}${where[lang]}`),
      );
    }
    const value = read.value;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      // Not a mapping: parseConfig says so for the repository's own file.
      if (first) return value;
      return unreadable(file, first, sayEach("config.file.notAMapping"));
    }
    const mapping = value as Record<string, unknown>;
    loaded.push({ file, value: mapping });
    if (!Object.hasOwn(mapping, "_extends")) break;
    const target = mapping._extends;
    delete mapping._extends;
    const match = typeof target === "string" ? EXTENDS.exec(target) : null;
    if (!match) {
      return unreadable(file, first, sayEach("config.file.badExtends"));
    }
    const next: FileRef = {
      owner: match[1] ?? file.owner,
      repo: match[2]!,
      path: match[3] ?? path,
    };
    const same = (other: FileRef) =>
      other.owner.toLowerCase() === next.owner.toLowerCase() &&
      other.repo.toLowerCase() === next.repo.toLowerCase() &&
      other.path === next.path;
    if (loaded.some((entry) => same(entry.file))) {
      return unreadable(file, first, sayEach("config.file.extendsLoop", { file: describe(next) }));
    }
    if (loaded.length > MAX_EXTENDS) {
      return unreadable(file, first, sayEach("config.file.extendsTooDeep", { max: MAX_EXTENDS }));
    }
    file = next;
    content = await fetchFile(file);
  }
  // The files merge as docs/configuration.md says: mappings key by key, lists concatenated,
  // the nearer file winning for anything else.
  return loaded
    .map((entry) => entry.value)
    .reverse()
    .reduce<unknown>((merged, value) => mergeConfig(merged, value), Object.create(null));
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `nearer` over `farther`: mappings merge key by key, lists concatenate, otherwise `nearer`.
 * Prototype-free results, so a `__proto__` key stays a key (and parseConfig refuses it).
 */
function mergeConfig(farther: unknown, nearer: unknown): unknown {
  if (Array.isArray(farther) && Array.isArray(nearer)) {
    return [...(farther as unknown[]), ...(nearer as unknown[])];
  }
  if (!isMapping(farther) || !isMapping(nearer)) return nearer;
  const merged = Object.create(null) as Record<string, unknown>;
  const define = (key: string, value: unknown) =>
    Object.defineProperty(merged, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const [key, value] of Object.entries(farther)) define(key, value);
  for (const [key, value] of Object.entries(nearer)) {
    define(key, Object.hasOwn(farther, key) ? mergeConfig(farther[key], value) : value);
  }
  return merged;
}
