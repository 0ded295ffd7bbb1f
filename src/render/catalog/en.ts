import type { Messages } from "./messages.js";

/** English (`language: en`): the same keys and placeholders as `de.ts`, which documents them. */
export const en: Messages = {
  // Formats
  "format.date": "{year}-{month}-{day}",
  "format.decimalMark": ".",
  "format.percent": "{number}%",
  "format.quote": '"{text}"',
  "format.locale": "en-US",

  // Reports
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

  // Config: problems with .github/nova.yml, one sentence each.
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

  // Lint: checklist problems, each says what is wrong and what to do.
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
};
