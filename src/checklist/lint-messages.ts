/**
 * Lint messages: each is a function of the facts it names, so a message always says what is
 * wrong and what to do; the words are the catalog's (`lint.*`).
 */
import { say, type Language } from "../render/i18n.js";
import { MAX_INLINE_MARKUP } from "../markdown/inline.js";
import { PLAN_LIMITS, PLAN_PARSE_BUDGET_MS } from "./plan-limits.js";

export interface LintFacts {
  /** Mojibake: the text as found and as repaired, and the code pages undone. */
  found?: string;
  fixed?: string;
  codePages?: string[];
  id?: string;
  otherLine?: number;
  cycle?: string[];
  key?: string;
  value?: string;
  rule?: string;
  /** For plan-limit: which limit, and what the plan has. */
  limit?: "chars" | "tasks" | "depth" | "markup" | "time";
  amount?: number;
}

const LIMIT_VALUES: Record<NonNullable<LintFacts["limit"]>, number> = {
  ...PLAN_LIMITS,
  markup: MAX_INLINE_MARKUP,
  time: PLAN_PARSE_BUDGET_MS,
};

/** A number as the language writes it (`1.000` / `1,000`), as `nova lint` has always shown it. */
const number = (lang: Language, value: number) => value.toLocaleString(say(lang, "format.locale"));

const LIMIT_KEYS = {
  time: "lint.limit.time",
  chars: "lint.limit.chars",
  tasks: "lint.limit.tasks",
  depth: "lint.limit.depth",
  markup: "lint.limit.markup",
} as const;

const RULE_KEYS = {
  id: "lint.rule.id",
  after: "lint.rule.after",
  estimate: "lint.rule.estimate",
  due: "lint.rule.due",
  owner: "lint.rule.owner",
  empty: "lint.rule.empty",
  syntax: "lint.rule.syntax",
} as const;

const quote = (lang: Language, text: string) => say(lang, "format.quote", { text });

const MESSAGES: Record<string, (lang: Language, facts: LintFacts) => string> = {
  mojibake: (lang, f) =>
    say(lang, "lint.mojibake", {
      codePages: (f.codePages ?? []).join(say(lang, "lint.codePageSeparator")),
      found: quote(lang, f.found ?? ""),
      fixed: quote(lang, f.fixed ?? ""),
    }),
  "duplicate-id": (lang, f) =>
    say(lang, "lint.duplicateId", {
      id: quote(lang, f.id ?? ""),
      otherLine: String(f.otherLine),
    }),
  "unknown-dependency": (lang, f) => say(lang, "lint.unknownDependency", { id: String(f.id) }),
  "dependency-cycle": (lang, f) =>
    say(lang, "lint.dependencyCycle", { cycle: (f.cycle ?? []).join(" → ") }),
  "task-without-title": (lang) => say(lang, "lint.taskWithoutTitle"),
  "meta-malformed": (lang, f) =>
    say(lang, "lint.metaMalformed", {
      entry: quote(lang, f.value === undefined ? (f.key ?? "") : `${f.key}=${f.value}`),
      rule: say(lang, RULE_KEYS[(f.rule ?? "syntax") as keyof typeof RULE_KEYS]),
    }),
  "meta-unknown-key": (lang, f) =>
    say(lang, "lint.metaUnknownKey", { key: quote(lang, f.key ?? "") }),
  "task-outside-section": (lang) => say(lang, "lint.taskOutsideSection"),
  "plan-limit": (lang, f) => {
    const limit = f.limit ?? "chars";
    return say(lang, LIMIT_KEYS[limit], {
      found: number(lang, f.amount ?? 0),
      max: number(lang, LIMIT_VALUES[limit]),
    });
  },
};

/** The message for a lint code in the given language. */
export function renderLintMessage(code: string, facts: LintFacts, lang: Language): string {
  const render = MESSAGES[code];
  return render ? render(lang, facts) : code;
}
