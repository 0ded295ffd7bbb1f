import type { Messages } from "./messages.js";

/** English (`language: en`): the same keys and placeholders as `de.ts`, which documents them. */
export const en: Messages = {
  // Formats: how the language writes dates, numbers, percentages and quotes.
  "format.date": "{year}-{month}-{day}",
  "format.decimalMark": ".",
  "format.percent": "{number}%",
  "format.quote": '"{text}"',
  "format.locale": "en-US",
  "format.shortDate": "{month}-{day}",

  // Reports: words several templates, the Gantt chart and the terminal share.
  noRole: "No role",
  unsectioned: "Outside sections",
  critical: "critical path",
  atRisk: "at risk",
  "risk.delivery": "ends after delivery",
  "risk.due": "misses its due date {due}",
  cycle: "dependency cycle",
  writeBackPending: "checklist not yet updated",
  steps_one: "step {steps}",
  steps_other: "steps {steps}",
  waitsFor_one: "waits for step {steps}",
  waitsFor_other: "waits for steps {steps}",
  workingDays_one: "{days} working day",
  workingDays_other: "{days} working days",
  "gantt.milestones": "Milestones",
  "gantt.delivery": "Delivery",
  "gantt.axisFormat": "%m-%d",
  "gantt.axisFormatMonth": "%Y-%m",
  tasks_one: "{count} task",
  tasks_other: "{count} tasks",

  // Slash commands: what /nova help says about each command and flag; examples one per line.
  "commands.flag.limit.placeholder": "N",
  "commands.flag.limit.accepts": "a whole number from 1 to {max} (default {default})",
  "commands.flag.role.placeholder": '"role"',
  "commands.flag.role.accepts":
    'a role name of 1 to {max} characters, in quotes when it has spaces, e.g. --role "Platform"',
  "commands.flag.lang.placeholder": "de|en",
  "commands.flag.lang.accepts": "de or en",
  "commands.progress.description":
    "Progress per section with bars; on a task's own issue also its dependencies and what it blocks.",
  "commands.stepPlan.description":
    "The step plan with dates, critical path and Gantt chart, optionally for one role.",
  "commands.summary.description":
    "A short status: next up, recently done, blocked, working days left.",
  "commands.sync.description":
    "Syncs the issues with the checklist now and replies with what changed.",
  "commands.report.description":
    "Writes today's status report into the status pull request now (opening or updating it) and replies with the link.",
  "commands.help.description":
    "This help: commands, examples, who may run them, and the effective configuration.",
  "commands.progress.examples": `/nova progress
/nova progress --lang de`,
  "commands.stepPlan.examples": `/nova step-plan
/nova step-plan --role "Platform"`,
  "commands.summary.examples": `/nova summary
/nova summary --limit=10`,
  "commands.sync.examples": "/nova sync",
  "commands.report.examples": "/nova report",
  "commands.help.examples": `/nova help
/nova help --lang de`,

  // Sync: the sync's check run, the issues' labels and comments, the milestone.
  "sync.milestone.title": "DGX Spark delivery",
  "sync.milestone.description":
    "Delivery date of the DGX Spark (`delivery:` in .github/nova.yml). Nova keeps every task and section of the plan here.",
  "sync.checklistMissing.title": "Checklist not found",
  "sync.checklistMissing.summary":
    "`{path}` does not exist at this commit. Set `checklist:` in `{config}`.",
  "sync.lintTitle_one": "Checklist has {count} error: nothing synced",
  "sync.lintTitle_other": "Checklist has {count} errors: nothing synced",
  "sync.title.created": "{count} created",
  "sync.title.updated": "{count} updated",
  "sync.title.closed": "{count} closed",
  "sync.title.reopened": "{count} reopened",
  "sync.title.unchanged": "{count} unchanged",
  "sync.title.upToDate": "up to date: {count} unchanged",
  "sync.heading.created": "Created",
  "sync.heading.updated": "Updated",
  "sync.heading.closed": "Closed (done)",
  "sync.heading.reopened": "Reopened",
  "sync.heading.removed": "Closed (removed from the checklist)",
  "sync.structure.subIssuesAdded": "{count} sub-issues linked",
  "sync.structure.subIssuesMoved": "{count} sub-issues moved to another section",
  "sync.structure.reordered": "{count} sub-issues reordered",
  "sync.structure.blockedByAdded": '{count} "blocked by" relations added',
  "sync.structure.blockedByRemoved": '{count} "blocked by" relations removed',
  "sync.structure.restored":
    "Removed by hand, restored (the checklist owns the structure): {issues}",
  "sync.structure.milestoneCreated": 'Milestone "{title}" created',
  "sync.structure.milestoneUpdated": 'Milestone "{title}" updated',
  "sync.structure.unassignable":
    '⚠️ `@{login}` cannot be assigned issues in this repository (owner= of "{title}"); the issue stays without that assignee.',
  "sync.missing.subIssues":
    "ℹ️ This server has no sub-issues (e.g. GitHub Enterprise Server 3.19): the section labels group the tasks.",
  "sync.missing.dependencies":
    "ℹ️ This server has no issue dependencies: the `/blocked` label marks waiting tasks.",
  "sync.missing.milestones":
    "ℹ️ This server has no milestones: the delivery date is only in the configuration.",
  "sync.label.plan": "Task from the DGX Spark plan (managed by Nova)",
  "sync.label.section": "Area: {title}",
  "sync.label.blocked": "Waits for an open dependency (after=)",
  "sync.comment.sectionRemoved":
    "This section is no longer in the checklist (or has a new heading). Nova closes the issue as not planned; if the section comes back, it is reopened.",
  "sync.comment.removed":
    "This task is no longer in the checklist. Nova closes the issue as not planned; if the task comes back, it is reopened.",
  "sync.comment.duplicate": "Created twice (concurrent syncs): the task is tracked in #{number}.",

  // Board: the project board's check run, /nova help and the log.
  "board.title.userOwned": "User-owned project: not reachable",
  "board.title.ownerNotFound": "Project owner not found",
  "board.title.projectNotFound": "Project not found",
  "board.title.projectClosed": "Project is closed",
  "board.title.forbidden": "No access to the project",
  "board.title.failed": "Board sync failed",
  "board.title.other": "Project board",
  "board.off": "No project board configured (`project` in {config}).",
  "board.skipped":
    "Project board: waits for a valid configuration and checklist (see the sync's message).",
  "board.userOwned":
    "The project board is not synced: `{owner}` is a user account. A GitHub App installation can only reach projects owned by an organisation, not projects owned by a user account. Create the board in an organisation and name it in `project.owner` in {config}, or remove `project`.",
  "board.ownerNotFound":
    "The project board is not synced: there is no account `{owner}` (or Nova cannot see it). Check `project.owner` in {config}.",
  "board.projectNumber": "number {number}",
  "board.projectTitle": "„{title}“",
  "board.numberHint":
    "The number is the one in the project's address (`/orgs/{owner}/projects/{number}`).",
  "board.createHint": "With `project.create: true` Nova creates it.",
  "board.projectNotFound":
    "The project board is not synced: `{owner}` has no project {which} that Nova can see. {hint}",
  "board.projectClosed":
    "The project [{title}]({url}) is closed; Nova does not write to it. Reopen it or name another one in {config}.",
  "board.forbidden":
    'Nova may not edit the projects of `{owner}`. The app needs the permission "Organization projects: Read and write" and must be installed in that organisation. GitHub says: {message}',
  "board.failed": "The project board could not be synced ({message}). {retry}",
  "board.retrySoon": "Nova tries again shortly.",
  "board.retryLater": "Nova tries again on the next event.",
  "board.run.created": "created",
  "board.run.fieldsCreated": "fields created: {fields}",
  "board.run.optionsAdded": "options added: {options}",
  "board.run.itemsAdded": "{count} tasks added",
  "board.run.valuesWritten": "{count} values set",
  "board.run.itemsArchived": "{count} archived",
  "board.run.itemsUnarchived": "{count} unarchived",
  "board.run.remaining": "{count} changes left for the next run",
  "board.run.upToDate": "Project board {link}: up to date ({unchanged} tasks unchanged).",
  "board.run.changed": "Project board {link}: {changes}.",
  "board.run.changedPreview": "Project board {link} (preview): {changes}.",
  "board.run.conflicts":
    "Not filled because the name is taken by a field of another type: {fields}.",
  "board.run.failed": "Refused by GitHub: {failures}",

  // Bot pull requests: titles.
  "botPr.statusTitle": "Nova status report {date}",
  "botPr.writeBackTitle": "Nova: update the checklist",

  // GPU reports: statuses, counts, remediation actions, the words around runner values, the
  // latest report per host.
  "gpu.latest.noHostname": "(no hostname)",
  "gpu.latest.pass": "{count} passed",
  "gpu.latest.warn": "{count} warnings",
  "gpu.latest.fail": "{count} failed",
  "gpu.latest.skip": "{count} skipped",
  "gpu.latest.unknown": "{count} unknown",
  "gpu.status.pass": "pass",
  "gpu.status.warn": "warning",
  "gpu.status.fail": "failure",
  "gpu.status.skip": "skipped",
  "gpu.status.unknown": "unknown",
  "gpu.count.pass_one": "{count} passed",
  "gpu.count.pass_other": "{count} passed",
  "gpu.count.warn_one": "{count} warning",
  "gpu.count.warn_other": "{count} warnings",
  "gpu.count.fail_one": "{count} failure",
  "gpu.count.fail_other": "{count} failures",
  "gpu.count.skip_one": "{count} skipped",
  "gpu.count.skip_other": "{count} skipped",
  "gpu.count.unknown_one": "{count} undecided",
  "gpu.count.unknown_other": "{count} undecided",
  "gpu.unknownHost": "unknown host",
  "gpu.truncated": "_(truncated)_",
  "gpu.yes": "yes",
  "gpu.no": "no",
  "gpu.on": "on",
  "gpu.off": "off",
  "gpu.instant": "{date} {time} UTC",
  "gpu.notAvailable": "n/a",
  "gpu.readError": "read error",
  "gpu.action.RESTART_APP": "Restart the application",
  "gpu.action.RESET_GPU": "Reset the GPU",
  "gpu.action.REBOOT_SYSTEM": "Reboot the system",
  "gpu.action.RMA": "Replace the hardware (RMA)",
  "gpu.action.CONTACT_SUPPORT": "Contact NVIDIA support",
  "gpu.action.FIX_CONFIG": "Fix the configuration",
  "gpu.action.CHECK_COOLING": "Check the cooling",
  "gpu.action.CHECK_POWER": "Check the power supply",
  "gpu.action.INSTALL_DRIVER": "Install or update the driver",
  "gpu.action.INSTALL_CONTAINER_TOOLKIT": "Install Docker or the NVIDIA Container Toolkit",
  "gpu.action.FIX_TIME_SYNC": "Set up time synchronisation",
  "gpu.action.FREE_DISK": "Free disk space",
  "gpu.action.CHECK_NETWORK": "Check the network",
  "gpu.failLabel": "Nova GPU check: the latest report failed",

  // Config: problems with .github/nova.yml, one sentence each ("{subject} {predicate}.");
  // `config.accepted.*` are noun phrases that follow "must be".
  "config.problem": "{subject} {predicate}.",
  "config.theFile": "The file",
  "config.more_one": "- … and {count} more problem.",
  "config.more_other": "- … and {count} more problems.",
  "config.notAMapping": "must be a mapping of keys, e.g. `language: en` (found: {found})",
  "config.forbiddenKey":
    "is not allowed: `__proto__`, `constructor` and `prototype` cannot be keys",
  "config.tooDeep": "is nested deeper than {limit} levels; no Nova setting goes that deep",
  "config.tooManyEntries": "has {count} entries; at most {limit} are accepted",
  "config.tooLong": "is {length} characters long; at most {limit} are accepted",
  "config.tooLarge": "holds more than {limit} values, far more than a Nova configuration needs",
  "config.unsupportedValue": "holds a value that YAML cannot express",
  "config.invalid": "must be {accepted} (found: {found})",
  "config.missing": "is missing; it must be {accepted}",
  "config.unknownKey": "is not a known key. Known keys here: {known}",
  "config.unknownKeySuggest":
    "is not a known key (did you mean {suggestion}?). Known keys here: {known}",
  "config.invalidKey": "is not a valid key here: a key must be {accepted}",
  "config.unreadable": "could not be read as plain data",
  "config.found.nothing": "nothing",
  "config.found.null": "an empty value",
  "config.found.emptyText": "an empty text",
  "config.found.list_one": "a list of {count} entry",
  "config.found.list_other": "a list of {count} entries",
  "config.found.mapping": "a mapping",
  "config.found.other": "another value",
  "config.accepted.mapping": "a mapping with the keys {keys}",
  "config.accepted.labelPrefix": "1 to {max} letters, digits, `.`, `_` or `-`, e.g. `dgx`",
  "config.accepted.sectionColors":
    'a mapping of up to {max} section slugs to colours, e.g. `operative-vorbereitung: "D93F0B"`',
  "config.accepted.roleName":
    "a role name of 1 to {max} characters without leading or trailing spaces",
  "config.accepted.sectionReference":
    "a section slug such as `operative-vorbereitung` or a section number such as `6`",
  "config.accepted.roleMembers": "a list of up to {max} GitHub logins",
  "config.accepted.roleSections": "a list of up to {max} section slugs or numbers",
  "config.tooManyRoles": "has {count} roles; at most {max} are accepted",
  "config.sameRole":
    "names the same role as `{first}`: role names are compared without regard to case",
  "config.accepted.roles": "a mapping of role names to `{ members, sections }`",
  "config.accepted.interval":
    "an interval from `15m` to `7d` written as a number and `m`, `h` or `d` (e.g. `30m`, `6h`, `1d`), or `off`",
  "config.accepted.milestone":
    "a milestone title of 1 to {max} characters, e.g. `DGX Spark delivery`",
  "config.accepted.statusOption": "an option name of 1 to {max} characters, e.g. `In Arbeit`",
  "config.accepted.projectTitle": "a project title of 1 to {max} characters",
  "config.projectNumberAndTitle":
    "takes either `number` (an existing project) or `title`, not both",
  "config.projectNumberOrTitle":
    "needs `number` (an existing project) or `title` (found or created by title)",
  "config.projectCreateWithNumber":
    "only works with `title`: a project given by `number` must already exist",
  "config.accepted.cron":
    "a cron expression of 5 fields (minute hour day-of-month month day-of-week), e.g. `0 6 * * 1-5`",
  "config.accepted.timezone": "an IANA time zone such as `Europe/Berlin` or `UTC`",
  "config.accepted.taskId":
    "a task id: lowercase letters, digits and single hyphens, e.g. `nvidia-treiber-cuda-installationsskript-vorbereiten`",
  "config.accepted.path":
    "a relative path inside the repository, e.g. `docs/dgx-spark-plan.md` (no leading `/`, no `..`, no backslashes, at most {max} characters)",
  "config.accepted.language": "`de` (German) or `en` (English)",
  "config.accepted.holidays": "a list of up to {max} dates written `YYYY-MM-DD`",
  "config.accepted.sectionSlug":
    "a section slug: lowercase letters, digits and single hyphens, e.g. `operative-vorbereitung`",
  "config.accepted.colour":
    'a colour of 6 hex digits with an optional `#`, e.g. `76B900` (in YAML write `"#76B900"` in quotes: an unquoted `#` starts a comment)',
  "config.accepted.date": "a real calendar date written `YYYY-MM-DD`, e.g. `2026-12-04`",
  "config.accepted.login": "a GitHub login such as `alice` or `@alice`",
  "config.accepted.boolean": "`true` or `false`",
  "config.accepted.wholeNumber": "a whole number between {min} and {max}",
  "config.accepted.labelDescription": "a text of 1 to {max} characters without `{…}` placeholders",
  "config.accepted.labelDescriptionWithPlaceholder":
    "a text of 1 to {max} characters; the only placeholder is {placeholderText}",
  "config.accepted.permission": "one of {levels}",
  "config.file.notAMapping": "is not a mapping of keys",
  "config.file.badExtends":
    "has an `_extends` that is not `repo`, `owner/repo` or `owner/repo:path.yml`",
  "config.file.extendsLoop":
    "extends {file}, which was read already: `_extends` must not form a loop",
  "config.file.extendsTooDeep": "extends more than {max} files in a row (`_extends`)",
  "config.file.notAFile": "{file} is not a file",
  "config.file.tooLarge":
    "is {size} bytes; Nova reads at most {max} bytes (64 KiB) of configuration",
  "config.file.fromExtends": "{file} (from `_extends`) {problem}",
  "config.file.missing": "does not exist or Nova may not read it",
  "config.file.position": " (line {line}, column {column})",
  "config.yaml.tooLarge":
    "is {size} bytes; Nova reads at most {max} bytes (64 KiB) of configuration",
  "config.yaml.notUtf8": "is not UTF-8 text",
  "config.yaml.tooLong":
    "is longer than {max} characters (64 KiB), more than any configuration needs",
  "config.yaml.controlCharacters": "contains control characters: it is not a text file",
  "config.yaml.invalidYaml": "is not valid YAML: {detail}",
  "config.yaml.unreadable": "could not be read: {detail}",
  "config.yaml.tooIndented":
    "is indented {indent} spaces deep; Nova reads at most {max} levels of nesting",
  "config.yaml.tooDeep": "nests more than {max} levels deep",
  "config.yaml.tooManyAliases": "uses {count} aliases (*name); Nova allows at most {max}",
  "config.yaml.tooManyEntries":
    "has more than {max} keys and list items; no configuration needs that many",
  "config.accepted.fallback": "a valid value",

  // Lint: checklist problems; each says what is wrong and what to do.
  "lint.mojibake":
    "Mojibake (UTF-8 read as {codePages}): {found} should read {fixed}. Nova reads the repaired text; nova lint --fix writes the repair into the file.",
  "lint.codePageSeparator": " and then ",
  "lint.duplicateId":
    "Task id {id} is used twice (also on line {otherLine}). Ids must be unique: give one of the tasks its own <!-- nova: id=… -->.",
  "lint.unknownDependency":
    "after={id} names no task in this plan. Check the id (nova plan lists every task with its id).",
  "lint.dependencyCycle": "Dependency cycle: {cycle}. Remove at least one after=.",
  "lint.taskWithoutTitle": 'Task without a title: there is no text after "- [ ]".',
  "lint.metaMalformed": "Malformed metadata {entry}: {rule}.",
  "lint.metaUnknownKey":
    "Unknown metadata key {key} is ignored. Known keys: id, after, role, estimate, due, owner.",
  "lint.taskOutsideSection":
    'Task outside any section: Nova cannot assign it to an area. Put a "## …" heading before it.',
  "lint.limit.time":
    "The checklist could not be read within {max} ms (the preview's time budget). Nova does not read it; simplify or split it.",
  "lint.limit.chars":
    "The checklist is too large: {found} characters, at most {max}. Nova does not read it; split it up.",
  "lint.limit.tasks":
    "Too many tasks: more than {max} (here at least {found}). Nova reads only the first {max}.",
  "lint.limit.depth":
    "Nested too deeply: {found} levels of quotes and lists, at most {max}. Nova does not read deeper levels.",
  "lint.limit.markup":
    "Too much markup in one paragraph: {found} characters such as * _ ~ [ ] ` <, at most {max}. Nova reads the paragraph as plain text.",
  "lint.rule.id": "an id is lowercase letters, digits and hyphens, e.g. cuda-install",
  "lint.rule.after": "after= takes comma-separated task ids",
  "lint.rule.estimate": "an estimate looks like 2d, 1.5d, 4h or 1w",
  "lint.rule.due": "a date is written YYYY-MM-DD, e.g. 2026-12-04",
  "lint.rule.owner": "a GitHub login, e.g. @alice",
  "lint.rule.empty": "the value is missing",
  "lint.rule.syntax": "each entry is key=value, separated by ;",

  // CLI: help texts (`{options}` and `{dates}` are shared blocks), mistakes on the command line,
  // failures.
  "cli.options": `Options for every command:
  --checklist PATH      checklist file (default: docs/dgx-spark-plan.md)
  --lang de|en          output language (default: de)
  --format FORMAT       md (Markdown), json, or text (for a terminal);
                        default: text in a terminal, else md
  -h, --help            this help`,
  "cli.dates": `  --delivery YYYY-MM-DD delivery date (default: today + 10 working days)
  --today YYYY-MM-DD    reference date instead of today (Europe/Berlin)`,
  "cli.help.help": `nova – the DGX Spark plan as a tool, offline on a checklist file

Commands:
  nova plan        what a first sync into an empty repository would create
  nova progress    progress per section and overall
  nova tasks       every task with line, checkbox, id, title, section and parent task
  nova step-plan   open tasks in order, scheduled until delivery
  nova summary     next steps, recently done, blocked, days left
  nova lint        checklist problems with file:line:column
  nova sync        syncs a repository on GitHub (token in GITHUB_TOKEN)
  nova report      writes the status report as a pull request (token in GITHUB_TOKEN)
  nova containers  checks Compose files and Dockerfiles for GPU workloads on the DGX Spark
  nova runner-key  prints a repository's runner key (from NOVA_RUNNER_SECRET)

Help for one command: nova <command> --help
Colours: in a terminal, unless NO_COLOR is set; FORCE_COLOR=1 forces them.

{options}

Exit codes: 0 fine · 1 lint found errors · 2 bad input · 3 internal error`,
  "cli.help.lint": `nova lint – checks the checklist: mojibake (with the fix), duplicate ids, unknown after= ids,
dependency cycles, tasks without a title, malformed metadata.
Exit code 1 when errors were found (warnings alone: 0).

  --fix                 repair mojibake in the file (nothing else is ever changed)

{options}`,
  "cli.help.progress": `nova progress – progress per section (done/total, percent, bar) and overall.

{options}`,
  "cli.help.stepPlan": `nova step-plan – open tasks in an order that respects after= dependencies, scheduled per
role over working days until delivery, with the critical path and a Gantt chart (a timeline in a
terminal).

  --role ROLE           show only one role's tasks
{dates}

{options}`,
  "cli.help.summary": `nova summary – the next N tasks, the last N completed, blocked tasks, overall progress
and working days left until delivery.

  --limit N             how many tasks per list (1–50, default: 5)
{dates}

{options}`,
  "cli.help.plan": `nova plan – shows what a first sync into an empty repository would create: labels and
one issue per task with its title and labels. Writes nothing.

  --prefix NAME         label prefix (default: dgx)

{options}`,
  "cli.help.sync": `nova sync – syncs a repository on GitHub the way the app does after a push: reads the
configuration (.github/nova.yml) and the checklist from the default branch, creates, updates and
closes issues and labels. Token in GITHUB_TOKEN (in GitHub Actions: secrets.GITHUB_TOKEN with
issues: write), API address in GITHUB_API_URL (default: https://api.github.com).

  --repo OWNER/NAME     the repository (required)
  --dry-run             plan only, write nothing
  --bot-login LOGIN     author of Nova's issues (default: the token's owner)
  --lang de|en          output language (default: de)
  --format md|json      Markdown or JSON (default: md)

Exit codes: 0 synced · 1 the configuration or checklist stops the sync · 2 bad input · 3 GitHub error`,
  "cli.help.report": `nova report – writes today's status report (time zone status.timezone) to reports/status/
in the status pull request on nova/status, the way the app does on schedule: opens it or adds to the
open one; nothing is written when nothing changed since the last report. Token in GITHUB_TOKEN
(contents: write, pull-requests: write, issues: write), API address in GITHUB_API_URL.

  --repo OWNER/NAME     the repository (required)
  --dry-run             plan only, write nothing
  --bot-login LOGIN     author of Nova's issues and pull requests (default: the token's owner)
  --lang de|en          output language (default: de)
  --format md|json      Markdown or JSON (default: md)

Exit codes: 0 written or up to date · 1 configuration or checklist missing · 2 bad input · 3 GitHub error`,
  "cli.help.containers": `nova containers --checklist [PATHS] – static checks of Compose files and Dockerfiles for
GPU workloads on the DGX Spark: GPU reservation (driver: nvidia, capabilities: [gpu]), pinned images
(no latest, digest preferred), healthcheck, restart policy, non-root user, memory limit, no
privileged, no secrets in clear text, a reminder about arm64 images. PATHS are files or folders
(default: the working directory; it finds compose*.yaml, docker-compose*.yml, Dockerfile*).

  --checklist           the static checks (the only mode so far)
  --lang de|en          output language (default: de)
  --format md|json      Markdown or JSON (default: md)

Exit codes: 0 no errors (warnings allowed) · 1 errors found · 2 bad input or missing path`,
  "cli.help.runnerKey": `nova runner-key OWNER/REPO – prints a repository's runner key, derived from
NOVA_RUNNER_SECRET the way the app checks uploaded reports. Run it on the app's server; the key goes
to the DGX as NOVA_RUNNER_KEY (see docs/runner.md).

  --lang de|en          language of messages (default: de)

Exit codes: 0 printed · 2 bad input or NOVA_RUNNER_SECRET missing`,
  "cli.help.tasks": `nova tasks – every task of the checklist, nested ones included: line, checkbox, id,
title, section and the parent task's id. For comparing with what GitHub shows, and for scripts
(--format json).

{options}`,
  "cli.usage.unknownCommand":
    'unknown command "{command}". Commands: {commands} (see nova --help).',
  "cli.usage.unknownCommandSuggest":
    'unknown command "{command}". Did you mean {suggestions}? (see nova --help)',
  "cli.usage.suggestedCommand": '"nova {command}"',
  "cli.usage.or": " or ",
  "cli.usage.unknownOption": "unknown option {option} (see {see}).",
  "cli.usage.unknownCommandOption": 'unknown option {option} for "nova {command}" (see {see}).',
  "cli.usage.didYouMean": " Did you mean {suggestions}?",
  "cli.usage.badValue": '{option} does not accept "{value}": expected {accepted} (see {see}).',
  "cli.usage.missingValue": "{option} needs a value (see {see}).",
  "cli.usage.anOption": "an option",
  "cli.usage.extraArgument": 'unexpected argument "{value}" for "nova {command}" (see {see}).',
  "cli.read.notFound": "checklist not found: {path} (give the path with --checklist).",
  "cli.read.directory": "{path} is a directory, not a checklist (give a .md file).",
  "cli.read.tooLarge": "{path} is too large ({mb} MB; at most 4 MB).",
  "cli.read.binary": "{path} is not a text file (expected Markdown in UTF-8).",
  "cli.read.unreadable": "{path} cannot be read (check permissions).",
  "cli.githubError": "nova: GitHub answered {status}: {message}",
  "cli.githubNoStatus": "nothing",
  "cli.internalError": "nova: internal error: {detail}. Please report it with the command you ran.",
  "cli.setup.noToken":
    "GITHUB_TOKEN is not set: nova sync and nova report need a token that may write (issues; for report also contents and pull requests).",
  "cli.setup.noRunnerSecret":
    "NOVA_RUNNER_SECRET is missing or shorter than 32 bytes; print the key on the app's server, where the secret is set.",
  "cli.setup.noPulls": "This connection to GitHub cannot write pull requests.",
  "cli.sync.checklistMissing": "Checklist not found: {path}",
  "cli.sync.dryRun": "Dry run: nothing was written. A sync now would change the issues like this:",
  "cli.lint.error": "error",
  "cli.lint.warning": "warning",
  "cli.lint.clean": "{checklist}: no problems.",
  "cli.lint.errors_one": "{number} error",
  "cli.lint.errors_other": "{number} errors",
  "cli.lint.warnings_one": "{number} warning",
  "cli.lint.warnings_other": "{number} warnings",
  "cli.lint.counts": "{errors}, {warnings}.",
  "cli.lint.fixed": "Mojibake repaired in the file.",

  // Terminal: the CLI's views for a terminal (and `nova tasks` in Markdown).
  "timeline.legend": "Working days; red: critical path, yellow: at risk, ┃ delivery ({delivery}).",
  "terminal.sync.upToDate": "Everything is up to date: {count} issues match the checklist.",
  "terminal.sync.count": "Count",
  "terminal.sync.row.created": "created",
  "terminal.sync.row.updated": "updated",
  "terminal.sync.row.closed": "closed (done)",
  "terminal.sync.row.reopened": "reopened",
  "terminal.sync.row.removed": "closed (removed)",
  "terminal.sync.row.unchanged": "unchanged",
  "terminal.sync.labels": "New labels:",
  "terminal.sync.proposals":
    "Proposed checklist changes (someone closed or reopened an issue on GitHub; Nova keeps it that way and proposes the checklist change):",
  "terminal.sync.tick": "tick",
  "terminal.sync.untick": "untick",
  "terminal.sync.remaining":
    "{count} more changes follow in the next run (at most {max} writes per run).",
  "terminal.sync.skipped":
    "{count} changes skipped because someone changed the issue meanwhile; the next run checks again.",
  "terminal.sync.error": "GitHub interrupted the run ({error}); Nova tries again.",
  "terminal.progress.title": "Progress",
  "terminal.progress.done": "{done} of {total} tasks done",
  "terminal.progress.empty": "The plan has no tasks yet.",
  "terminal.progress.columns.0": "Section",
  "terminal.progress.columns.1": "Done",
  "terminal.progress.columns.2": "Progress",
  "terminal.progress.columns.3": "Share",
  "terminal.summary.title": "Summary",
  "terminal.summary.asOf": "As of {today}",
  "terminal.summary.done": "{done} of {total} tasks done",
  "terminal.summary.passed": "The delivery date {delivery} has passed.",
  "terminal.summary.left": "{days} left until delivery on {delivery}.",
  "terminal.summary.met": "Expected to finish on {finish}.",
  "terminal.summary.late": "Expected to finish only on {finish}, after delivery.",
  "terminal.summary.next": "Next",
  "terminal.summary.from": "from",
  "terminal.summary.noneOpen": "No open tasks.",
  "terminal.summary.recent": "Recently done",
  "terminal.summary.noneDone": "Nothing done yet.",
  "terminal.summary.blocked": "Blocked",
  "terminal.summary.waitsFor": "waits for",
  "terminal.summary.noneBlocked": "No task is blocked.",
  "terminal.stepPlan.title": "Step plan",
  "terminal.stepPlan.asOf": "As of {today} · delivery: {delivery}",
  "terminal.stepPlan.met": "The delivery date holds.",
  "terminal.stepPlan.metDetail":
    "Expected to finish on {finish}: {needed} needed, {available} available.",
  "terminal.stepPlan.missed": "The delivery date is at risk.",
  "terminal.stepPlan.missedDetail":
    "Expected to finish only on {finish}: {needed} needed, only {available} available.",
  "terminal.stepPlan.critical": "Critical path:",
  "terminal.stepPlan.criticalNote": "any delay there moves the finish date.",
  "terminal.stepPlan.effort": "Effort {days}, from {start} to {finish}",
  "terminal.stepPlan.columns.0": "Step",
  "terminal.stepPlan.columns.1": "Task",
  "terminal.stepPlan.columns.2": "Start",
  "terminal.stepPlan.columns.3": "End",
  "terminal.stepPlan.columns.4": "Duration",
  "terminal.stepPlan.columns.5": "Notes",
  "terminal.stepPlan.noRoleTasks": "The role “{role}” has no open tasks.",
  "terminal.stepPlan.allDone": "All tasks are done.",
  "terminal.tasks.title": "Tasks",
  "terminal.tasks.columns.0": "Line",
  "terminal.tasks.columns.1": "Done",
  "terminal.tasks.columns.2": "ID",
  "terminal.tasks.columns.3": "Title",
  "terminal.tasks.columns.4": "Section",
  "terminal.tasks.columns.5": "Parent",
  "terminal.tasks.count_one": "{count} task, {done} of them done.",
  "terminal.tasks.count_other": "{count} tasks, {done} of them done.",
  "terminal.tasks.none": "The checklist has no tasks.",
  "terminal.tasks.noSection": "Before the first section",
  "terminal.plan.title": "Sync preview",
  "terminal.plan.lead":
    "A first sync into an empty repository would create {labels} and {issues} (one per section, one per task), link {subIssues} as sub-issues of their section and add {blockedBy} ({writes}). Nothing is written now.",
  "terminal.plan.labels_one": "{count} label",
  "terminal.plan.labels_other": "{count} labels",
  "terminal.plan.issues_one": "{count} issue",
  "terminal.plan.issues_other": "{count} issues",
  "terminal.plan.subIssues_one": "{count} task",
  "terminal.plan.subIssues_other": "{count} tasks",
  "terminal.plan.blockedBy_one": '{count} "blocked by" relation',
  "terminal.plan.blockedBy_other": '{count} "blocked by" relations',
  "terminal.plan.writes_one": "{count} write",
  "terminal.plan.writes_other": "{count} writes",
  "terminal.plan.labelColumns.0": "Label",
  "terminal.plan.labelColumns.1": "Colour",
  "terminal.plan.labelColumns.2": "Description",
  "terminal.plan.issueColumns.0": "Line",
  "terminal.plan.issueColumns.1": "Title",
  "terminal.plan.issueColumns.2": "Labels",
  "terminal.plan.issueColumns.3": "State",
  "terminal.plan.open": "open",
  "terminal.plan.closed": "closed (done)",

  // Containers: `nova containers` findings (every placeholder but `{reason}` is a code span) and
  // the report around them.
  "containers.path.notFound": "nova: {path}: not found",
  "containers.path.tooLarge": "nova: {path}: too large (at most 1 MB)",
  "containers.path.unreadable": "nova: {path}: cannot be read",
  "containers.finding.unreadable": "File cannot be read: {reason}.",
  "containers.finding.gpuReservationMissing":
    "GPU workload without a GPU reservation: add {devices} with {driver} and {gpu}.",
  "containers.finding.gpuReservationCapabilities":
    "The device reservation names no {gpu}; without it the container gets no GPU.",
  "containers.finding.gpuReservationDriver": "The GPU reservation does not name {driver}.",
  "containers.finding.gpuLegacyRuntime":
    "{runtime} is the legacy form; prefer {devices} with {driver} and {gpu}.",
  "containers.finding.imageUnpinned":
    "Image {image} has no tag (so {latest}): pin a digest ({digest}) or at least a fixed tag.",
  "containers.finding.imageLatest":
    "Image {image} uses {latest}: pin a digest ({digest}) or a fixed tag.",
  "containers.finding.imageNoDigest":
    "Image {image} has a tag but no digest; a digest makes it reproducible.",
  "containers.finding.imageVariable":
    "Image {image} depends on a variable; whether it is pinned cannot be checked.",
  "containers.finding.healthcheckMissing":
    "No healthcheck (unless the image has one); without it Docker reports a hung service as healthy.",
  "containers.finding.healthcheckDisabled": "The healthcheck is disabled.",
  "containers.finding.restartMissing":
    "No restart policy: set {restart} (or {onFailure}) so the service survives a crash or a reboot of the DGX.",
  "containers.finding.userRoot": "Runs as {user}: set an unprivileged user.",
  "containers.finding.userUnset":
    "No user set: without {userInstruction}/{userKey} the container usually runs as root.",
  "containers.finding.memoryLimitGpu":
    "No memory limit ({memory}): on the GB10, CPU and GPU share one memory, so a workload without a limit can starve the whole system.",
  "containers.finding.memoryLimit": "No memory limit ({memory} or {memLimit}).",
  "containers.finding.privileged":
    "{privileged} hands the container the whole host; the device reservation is all a GPU needs.",
  "containers.finding.capabilities":
    "{capAdd} grants sweeping rights; add only the capabilities needed.",
  "containers.finding.literalSecret":
    "{variable} is written into the file in clear text: pass it as a secret or from the environment ({substitution}).",
  "containers.finding.platformAmd64":
    "Platform {platform}: the DGX Spark is arm64 (Grace); emulated containers get no GPU.",
  "containers.finding.arm64Image":
    "Make sure {image} exists for {arm64} (DGX Spark); a digest must be the multi-arch index's or the arm64 manifest's.",
  "containers.title": "Containers checklist (DGX Spark)",
  "containers.errors_one": "{number} error",
  "containers.errors_other": "{number} errors",
  "containers.warnings_one": "{number} warning",
  "containers.warnings_other": "{number} warnings",
  "containers.notes_one": "{number} note",
  "containers.notes_other": "{number} notes",
  "containers.files_one": "1 file checked",
  "containers.files_other": "{count} files checked",
  "containers.none": "No Compose files or Dockerfiles found.",
  "containers.clean": "No findings.",
  "containers.head": "| | File | Line | Service/stage | Finding |",
  "containers.passed": "Passed: no errors.",
  "containers.failed": "Failed: fix the errors (exit code 1).",
  "containers.label.error": "error",
  "containers.label.warning": "warning",
  "containers.label.info": "note",
};
