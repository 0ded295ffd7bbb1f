/**
 * The value schemas several keys of `.github/nova.yml` share (colours, dates, logins, slugs,
 * bounded numbers), each with what it accepts in words, and the size limits they enforce.
 */
import { z } from "zod";
import { TASK_ID_PATTERN } from "../checklist/slugify.js";
import { isIsoDate } from "../checklist/iso-date.js";
import { describeAccepted, type LocalizedText } from "./accepted-text.js";
import { GITHUB_LOGIN_PATTERN } from "./value-checks.js";
import { sayEach } from "../render/i18n.js";

/** Size limits: far above any real plan, low enough that a hostile file costs nothing. */
export const CONFIG_LIMITS = {
  holidays: 366,
  roles: 50,
  roleNameLength: 50,
  roleMembers: 100,
  roleSections: 100,
  sectionColors: 100,
  labelPrefixLength: 30,
  /** GitHub rejects label descriptions over 100 characters. */
  labelDescriptionLength: 100,
  projectTitleLength: 256,
  /** Options of a project's single-select field; GitHub shows far fewer characters anyway. */
  statusOptionLength: 100,
  taskIdLength: 100,
} as const;

/** The predicate of a problem that a refinement reports itself (see `config-messages.ts`). */
export interface CustomProblemParams {
  predicate: LocalizedText;
}

/** Builds the `params` of a custom issue, so refinements and the message formatter agree. */
export function withPredicate(predicate: LocalizedText): { params: CustomProblemParams } {
  return { params: { predicate } };
}

/** A section slug as the checklist parser makes it (`operative-vorbereitung`). */
export const sectionSlug = describeAccepted(
  z.string().max(CONFIG_LIMITS.taskIdLength).regex(TASK_ID_PATTERN),
  sayEach("config.accepted.sectionSlug"),
);

/** A label colour; the output is 6 uppercase hex digits without `#`, as GitHub stores it. */
export const hexColor = describeAccepted(
  z
    .string()
    .regex(/^#?[0-9A-Fa-f]{6}$/)
    .transform((color) => color.replace(/^#/, "").toUpperCase()),
  sayEach("config.accepted.colour"),
);

/** A calendar date `YYYY-MM-DD` that exists (`2026-02-30` does not). */
export const isoDate = describeAccepted(
  z.string().refine(isIsoDate),
  sayEach("config.accepted.date"),
);

/** A GitHub login, `@` optional; the output is without `@`. */
export const githubLogin = describeAccepted(
  z
    .string()
    .max(40)
    .refine((login) => GITHUB_LOGIN_PATTERN.test(login.replace(/^@/, "")))
    .transform((login) => login.replace(/^@/, "")),
  sayEach("config.accepted.login"),
);

/** `true` or `false`; YAML 1.2 reads `yes` and `on` as text, so they are rejected, not guessed. */
export const booleanValue = describeAccepted(z.boolean(), sayEach("config.accepted.boolean"));

/** A whole number in a range, with the range in its text. */
export function integerBetween(min: number, max: number): z.ZodNumber {
  return describeAccepted(
    z.number().int().min(min).max(max),
    sayEach("config.accepted.wholeNumber", { min, max }),
  );
}

/** A label description whose only `{…}` placeholders are `placeholders`, so `{titel}` is caught. */
export function labelDescription(placeholders: readonly string[]): z.ZodString {
  const placeholderText = placeholders.map((name) => `\`{${name}}\``).join(", ");
  return describeAccepted(
    z
      .string()
      .min(1)
      .max(CONFIG_LIMITS.labelDescriptionLength)
      .refine((text) =>
        [...text.matchAll(/\{([^{}]*)\}/g)].every((match) => placeholders.includes(match[1] ?? "")),
      ),
    placeholders.length === 0
      ? sayEach("config.accepted.labelDescription", { max: CONFIG_LIMITS.labelDescriptionLength })
      : sayEach("config.accepted.labelDescriptionWithPlaceholder", {
          max: CONFIG_LIMITS.labelDescriptionLength,
          placeholderText,
        }),
  );
}

/** Keeps the first of each value, compared by `toKey`, in order. */
export function dedupe<T>(values: readonly T[], toKey: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = toKey(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
