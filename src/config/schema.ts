/**
 * The schema of `.github/nova.yml`. Every mapping is strict, so a misspelt key (`lables:`) is a
 * problem that names the key instead of being ignored; every key has a default, so an absent
 * file means the defaults. What each value accepts is registered in words next to its check
 * (see `accepted-text.ts`), which is where problem messages get them from.
 *
 * docs/configuration.md documents exactly these keys; a test compares the two.
 */
import { z } from "zod";
import { TASK_ID_PATTERN } from "../checklist/slugify.js";
import { sayEach, type Language } from "../render/i18n.js";
import { describeAccepted } from "./accepted-text.js";
import {
  MAX_INTERVAL_MS,
  MAX_REPOSITORY_PATH_LENGTH,
  MIN_INTERVAL_MS,
  isCronExpression,
  isRepositoryPath,
  normalizeCronExpression,
  normalizeRepositoryPath,
  normalizeTimeZone,
  parseInterval,
} from "./value-checks.js";
import {
  CONFIG_LIMITS,
  booleanValue,
  dedupe,
  githubLogin,
  hexColor,
  integerBetween,
  isoDate,
  labelDescription,
  sectionSlug,
  withPredicate,
} from "./value-schemas.js";

export { CONFIG_LIMITS, type CustomProblemParams } from "./value-schemas.js";

/** The `/nova` commands whose permission a repository can set. */
export const COMMAND_NAMES = [
  "progress",
  "step-plan",
  "summary",
  "help",
  "sync",
  "report",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * GitHub's repository permission levels, weakest first, so a level's index orders it. `none`
 * lets anyone who can comment run the command.
 */
export const PERMISSION_LEVELS = ["none", "read", "triage", "write", "maintain", "admin"] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

const DEFAULT_PERMISSIONS: Readonly<Record<CommandName, PermissionLevel>> = {
  progress: "read",
  "step-plan": "read",
  summary: "read",
  help: "read",
  sync: "write",
  report: "write",
};

const labelsSchema = z.strictObject({
  prefix: describeAccepted(
    z
      .string()
      .min(1)
      .max(CONFIG_LIMITS.labelPrefixLength)
      .regex(/^[A-Za-z0-9._-]+$/),
    sayEach("config.accepted.labelPrefix", { max: CONFIG_LIMITS.labelPrefixLength }),
  ).default("dgx"),
  color: hexColor.prefault("76B900"),
  sectionColors: describeAccepted(
    z
      .record(sectionSlug, hexColor)
      .refine((colors) => Object.keys(colors).length <= CONFIG_LIMITS.sectionColors),
    sayEach("config.accepted.sectionColors", { max: CONFIG_LIMITS.sectionColors }),
  ).default(() => ({})),
  descriptions: z
    .strictObject({
      plan: labelDescription([]).optional(),
      section: labelDescription(["title"]).optional(),
    })
    .prefault({}),
});

const roleName = describeAccepted(
  z
    .string()
    .min(1)
    .max(CONFIG_LIMITS.roleNameLength)
    .regex(/^\S(?:.*\S)?$/)
    .refine((name) => !/\p{Cc}/u.test(name)),
  sayEach("config.accepted.roleName", { max: CONFIG_LIMITS.roleNameLength }),
);

const sectionReference = describeAccepted(
  z.union([sectionSlug, z.number().int().min(1).max(999)]),
  sayEach("config.accepted.sectionReference"),
);

const roleSchema = z.strictObject({
  members: describeAccepted(
    z.array(githubLogin).max(CONFIG_LIMITS.roleMembers),
    sayEach("config.accepted.roleMembers", { max: CONFIG_LIMITS.roleMembers }),
  )
    .transform((logins) => dedupe(logins, (login) => login.toLowerCase()))
    .default(() => []),
  sections: describeAccepted(
    z.array(sectionReference).max(CONFIG_LIMITS.roleSections),
    sayEach("config.accepted.roleSections", { max: CONFIG_LIMITS.roleSections }),
  )
    .transform((sections) => dedupe(sections, String))
    .default(() => []),
});

const rolesSchema = describeAccepted(
  z.record(roleName, roleSchema).superRefine((roles, ctx) => {
    const names = Object.keys(roles);
    if (names.length > CONFIG_LIMITS.roles) {
      ctx.addIssue({
        code: "custom",
        message: "too many roles",
        ...withPredicate(
          sayEach("config.tooManyRoles", { count: names.length, max: CONFIG_LIMITS.roles }),
        ),
      });
    }
    // The step plan matches roles without regard to case, so `Backend` and `backend` are one.
    const firstByKey = new Map<string, string>();
    for (const name of names) {
      const first = firstByKey.get(name.toLowerCase());
      if (first === undefined) {
        firstByKey.set(name.toLowerCase(), name);
        continue;
      }
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: "duplicate role",
        ...withPredicate(sayEach("config.sameRole", { first })),
      });
    }
  }),
  sayEach("config.accepted.roles"),
);

const reconcileSchema = describeAccepted(
  z.union([z.literal(false), z.string().max(20)]).transform((value, ctx) => {
    if (value === false || value.trim() === "off") return null;
    const ms = parseInterval(value);
    if (ms !== undefined && ms >= MIN_INTERVAL_MS && ms <= MAX_INTERVAL_MS) return ms;
    ctx.addIssue({ code: "custom", input: value, message: "invalid interval" });
    return z.NEVER;
  }),
  sayEach("config.accepted.interval"),
);

const syncSchema = z.strictObject({
  closeRemoved: booleanValue.default(true),
  maxWritesPerRun: integerBetween(1, 1000).default(200),
  sectionIssues: booleanValue.default(true),
  milestone: describeAccepted(
    z
      .string()
      .trim()
      .min(1)
      .max(CONFIG_LIMITS.projectTitleLength)
      .refine((name) => !/\p{Cc}/u.test(name)),
    sayEach("config.accepted.milestone", { max: CONFIG_LIMITS.projectTitleLength }),
  ).optional(),
  reconcile: reconcileSchema.prefault("6h"),
});

const permissionLevel = describeAccepted(
  z.enum(PERMISSION_LEVELS),
  sayEach("config.accepted.permission", {
    levels: PERMISSION_LEVELS.map((level) => `\`${level}\``).join(", "),
  }),
);

const commandsSchema = z.strictObject({
  permissions: z
    .strictObject(
      Object.fromEntries(
        COMMAND_NAMES.map((name) => [name, permissionLevel.default(DEFAULT_PERMISSIONS[name])]),
      ) as Record<CommandName, z.ZodDefault<typeof permissionLevel>>,
    )
    .prefault({}),
  rateLimit: z
    .strictObject({
      perUser: integerBetween(1, 100).default(5),
      windowMinutes: integerBetween(1, 1440).default(10),
    })
    .prefault({}),
});

/** The name of a `Status` option on the project board (`Todo`, `In Arbeit`, …). */
const statusOptionName = describeAccepted(
  z
    .string()
    .trim()
    .min(1)
    .max(CONFIG_LIMITS.statusOptionLength)
    .refine((name) => !/\p{Cc}/u.test(name)),
  sayEach("config.accepted.statusOption", { max: CONFIG_LIMITS.statusOptionLength }),
);

const projectSchema = z
  .strictObject({
    owner: githubLogin,
    number: integerBetween(1, 1_000_000).optional(),
    title: describeAccepted(
      z.string().trim().min(1).max(CONFIG_LIMITS.projectTitleLength),
      sayEach("config.accepted.projectTitle", { max: CONFIG_LIMITS.projectTitleLength }),
    ).optional(),
    create: booleanValue.optional(),
    statusOptions: z
      .strictObject({
        todo: statusOptionName.optional(),
        inProgress: statusOptionName.optional(),
        done: statusOptionName.optional(),
      })
      .optional(),
  })
  .superRefine((project, ctx) => {
    if (project.number !== undefined && project.title !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: "number and title",
        ...withPredicate(sayEach("config.projectNumberAndTitle")),
      });
    } else if (project.number === undefined && project.title === undefined) {
      ctx.addIssue({
        code: "custom",
        message: "number or title",
        ...withPredicate(sayEach("config.projectNumberOrTitle")),
      });
    }
    if (project.create !== undefined && project.number !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["create"],
        message: "create with number",
        ...withPredicate(sayEach("config.projectCreateWithNumber")),
      });
    }
  })
  .transform((project): ProjectConfig => {
    // Only present when set, so a plain `project:` reads back exactly as written.
    const statusOptions = project.statusOptions ? { statusOptions: project.statusOptions } : {};
    if (project.number !== undefined) {
      return { owner: project.owner, number: project.number, ...statusOptions };
    }
    return {
      owner: project.owner,
      title: project.title ?? "",
      create: project.create ?? false,
      ...statusOptions,
    };
  });

const statusSchema = z.strictObject({
  schedule: describeAccepted(
    z.string().max(100).refine(isCronExpression).transform(normalizeCronExpression),
    sayEach("config.accepted.cron"),
  ).prefault("0 6 * * 1-5"),
  timezone: describeAccepted(
    z.string().transform((zone, ctx) => {
      const canonical = normalizeTimeZone(zone);
      if (canonical !== undefined) return canonical;
      ctx.addIssue({ code: "custom", input: zone, message: "unknown time zone" });
      return z.NEVER;
    }),
    sayEach("config.accepted.timezone"),
  ).prefault("Europe/Berlin"),
  limit: integerBetween(1, 50).default(5),
});

const gpuSchema = z.strictObject({
  task: describeAccepted(
    z.string().max(CONFIG_LIMITS.taskIdLength).regex(TASK_ID_PATTERN),
    sayEach("config.accepted.taskId"),
  ).default("nvidia-treiber-cuda-installationsskript-vorbereiten"),
  rateLimit: z
    .strictObject({
      uploads: integerBetween(1, 1000).default(60),
      windowMinutes: integerBetween(1, 1440).default(60),
    })
    .prefault({}),
});

/** The schema of `.github/nova.yml`: parse the merged object Probot's `context.config` returns. */
export const novaConfigSchema = z.strictObject({
  checklist: describeAccepted(
    z.string().refine(isRepositoryPath).transform(normalizeRepositoryPath),
    sayEach("config.accepted.path", { max: MAX_REPOSITORY_PATH_LENGTH }),
  ).prefault("docs/dgx-spark-plan.md"),
  language: describeAccepted(z.enum(["de", "en"]), sayEach("config.accepted.language")).default(
    "de",
  ),
  labels: labelsSchema.prefault({}),
  delivery: isoDate.optional(),
  holidays: describeAccepted(
    z.array(isoDate).max(CONFIG_LIMITS.holidays),
    sayEach("config.accepted.holidays", { max: CONFIG_LIMITS.holidays }),
  )
    // Probot's `_extends` concatenates lists, so the organisation's holidays may repeat.
    .transform((dates) => dedupe(dates, String).sort())
    .default(() => []),
  roles: rolesSchema.default(() => ({})),
  sync: syncSchema.prefault({}),
  commands: commandsSchema.prefault({}),
  project: projectSchema.optional(),
  status: statusSchema.prefault({}),
  gpu: gpuSchema.prefault({}),
});

/** The Projects (v2) board: an existing one by number, or one found (or created) by title. */
export type ProjectConfig = (
  { owner: string; number: number } | { owner: string; title: string; create: boolean }
) & {
  /**
   * The `Status` options Nova sets, by name; a state left out is recognised by its default names
   * (`Todo`/`Offen`, `In Progress`/`In Arbeit`, `Done`/`Erledigt`). Absent when not set.
   */
  statusOptions?: StatusOptionNames | undefined;
};

/** Configured names of the board's `Status` options, per task state. */
export interface StatusOptionNames {
  todo?: string | undefined;
  inProgress?: string | undefined;
  done?: string | undefined;
}

/** One role: who is in it and which sections it covers by default. */
export interface RoleConfig {
  /** GitHub logins without `@`, deduplicated. */
  members: string[];
  /** Section slugs or section numbers (`## 1. …` → 1), deduplicated. */
  sections: Array<string | number>;
}

/** A valid `.github/nova.yml` with every default filled in. */
export interface NovaConfig {
  /** Repository path of the checklist, normalised (no `./`). */
  checklist: string;
  language: Language;
  labels: {
    prefix: string;
    /** Plan label colour: 6 uppercase hex digits, no `#`. */
    color: string;
    /** Section slug → colour (6 uppercase hex digits); sections not named get a stable pick. */
    sectionColors: Record<string, string>;
    /** Overrides of the built-in label descriptions; `section` may contain `{title}`. */
    descriptions: { plan?: string | undefined; section?: string | undefined };
  };
  /** Delivery date `YYYY-MM-DD`, when set. */
  delivery?: string | undefined;
  /** Holidays `YYYY-MM-DD`, sorted and deduplicated. */
  holidays: string[];
  /** Role name → role. */
  roles: Record<string, RoleConfig>;
  sync: {
    closeRemoved: boolean;
    maxWritesPerRun: number;
    /** One issue per section with its tasks as sub-issues. */
    sectionIssues: boolean;
    /** The delivery milestone's title; absent: `DGX Spark Lieferung` / `DGX Spark delivery`. */
    milestone?: string | undefined;
    /** Reconcile interval in milliseconds; null when `off`. */
    reconcile: number | null;
  };
  commands: {
    /** The minimum repository permission each command needs. */
    permissions: Record<CommandName, PermissionLevel>;
    rateLimit: { perUser: number; windowMinutes: number };
  };
  project?: ProjectConfig | undefined;
  status: {
    /** Five-field cron expression, whitespace normalised. */
    schedule: string;
    /** Canonical IANA time zone. */
    timezone: string;
    limit: number;
  };
  gpu: {
    /** Id of the task that receives runner reports unless a report names another. */
    task: string;
    /** Runner uploads one repository accepts per window; more are answered 429. */
    rateLimit: { uploads: number; windowMinutes: number };
  };
}

/** What a `.github/nova.yml` may contain before defaults and normalisation. */
export type NovaConfigInput = z.input<typeof novaConfigSchema>;

// Compile-time proof that the hand-written NovaConfig (with its JSDoc) is what the schema yields.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.output<typeof novaConfigSchema>, NovaConfig> = true;
void schemaMatchesType;

/** Deep-freezes plain data, so the shared defaults cannot be changed by a consumer. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The configuration without a `.github/nova.yml`: every default. Frozen. */
export const DEFAULT_CONFIG: Readonly<NovaConfig> = deepFreeze(novaConfigSchema.parse({}));
