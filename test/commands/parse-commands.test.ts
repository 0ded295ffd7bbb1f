import { describe, expect, it } from "@jest/globals";
import { parseComment, MAX_COMMANDS_PER_COMMENT } from "../../src/commands/parse-commands.js";
import type { ParsedInvocation } from "../../src/commands/parse-arguments.js";

/** A compact view of an invocation: `progress`, `summary limit=5`, `?fortschrit`, `!summary …`. */
function describeInvocation(invocation: ParsedInvocation): string {
  switch (invocation.kind) {
    case "command": {
      const flags = Object.entries(invocation.flags).map(([key, value]) => `${key}=${value}`);
      return [invocation.command.name, ...flags].join(" ");
    }
    case "unknown":
      return `?${invocation.typed}`;
    case "bad-arguments":
      return `!${invocation.command.name} ${invocation.problem.kind}`;
  }
}

function commandsOf(body: string): string[] {
  return parseComment(body).commands.map((found) => describeInvocation(found.invocation));
}

describe("parseComment: where a command counts", () => {
  const cases: Array<[string, string, string[]]> = [
    ["a command alone", "/nova progress", ["progress"]],
    ["after text, on its own line", "Wie stehen wir?\n/nova progress", ["progress"]],
    ["leading blanks", "   /nova progress", ["progress"]],
    ["any case", "/NOVA Progress", ["progress"]],
    ["Windows line endings", "Hallo\r\n/nova summary\r\n", ["summary"]],
    ["bare /nova is help", "/nova", ["help"]],
    ["setext heading underline after it", "/nova progress\n---", ["progress"]],
    ["between HTML blocks (visible text)", "<br>\n\n/nova progress", ["progress"]],
    ["continuation line of a list item", "- item\n  /nova help", ["help"]],
    ["not in the middle of a line", "bitte /nova progress", []],
    ["not glued to the name", "/novaprogress", []],
    ["not a list item's first line", "- /nova help", []],
    ["not a numbered item's first line", "1. /nova help", []],
    ["not after a heading marker", "# /nova help", []],
    ["not escaped", "\\/nova help", []],
    ["not in a fenced code block", "```\n/nova sync\n```", []],
    ["not in a tilde fence", "~~~md\n/nova sync\n~~~", []],
    ["not in an unclosed fence", "```\n/nova sync", []],
    ["not in indented code", "    /nova sync", []],
    ["not in a block quote", "> /nova sync", []],
    ["not in a nested quote", "> > /nova sync", []],
    ["not in a quote's lazy continuation", "> zitiert\n/nova sync", []],
    ["not in a quoted list", "> - x\n>   /nova sync", []],
    ["not in an HTML comment block", "<!--\n/nova sync\n-->", []],
    ["not in a one-line HTML comment", "<!-- /nova sync -->", []],
    ["not in an inline HTML comment across lines", "Text <!--\n/nova sync\n--> mehr", []],
    ["not in an HTML block", "<details>\n/nova sync\n</details>", []],
    ["not in a code span across lines", "`a\n/nova sync`", []],
    ["not in a code span at line start", "`/nova sync`", []],
  ];
  it.each(cases)("%s", (_name, body, expected) => {
    expect(commandsOf(body)).toEqual(expected);
  });

  it("reports the line of each command", () => {
    const parsed = parseComment("Hallo\n\n/nova progress\n/nova hilfe");
    expect(parsed.commands.map((found) => found.line)).toEqual([3, 4]);
  });
});

describe("parseComment: several commands", () => {
  it("acts on at most three, in order, and counts the rest", () => {
    const body = ["/nova progress", "/nova summary", "/nova help", "/nova sync", "/nova xyz"].join(
      "\n",
    );
    const parsed = parseComment(body);
    expect(parsed.commands.map((found) => describeInvocation(found.invocation))).toEqual([
      "progress",
      "summary",
      "help",
    ]);
    expect(parsed.commands).toHaveLength(MAX_COMMANDS_PER_COMMENT);
    expect(parsed.overLimit).toBe(2);
  });

  it("drops a repeated command with the same flags, keeps one with other flags", () => {
    const body = "/nova summary --limit 5\n/nova zusammenfassung --limit=5\n/nova summary";
    expect(commandsOf(body)).toEqual(["summary limit=5", "summary"]);
  });

  it("finds commands in separate paragraphs and around code", () => {
    const body = "/nova progress\n\n```\n/nova sync\n```\n\n> /nova sync\n\n/nova step-plan";
    expect(commandsOf(body)).toEqual(["progress", "step-plan"]);
  });
});

describe("parseComment: names, aliases and flags", () => {
  const cases: Array<[string, string]> = [
    ["/nova progress", "progress"],
    ["/nova fortschritt", "progress"],
    ["/nova step-plan", "step-plan"],
    ["/nova schrittplan", "step-plan"],
    ["/nova summary", "summary"],
    ["/nova zusammenfassung", "summary"],
    ["/nova sync", "sync"],
    ["/nova abgleich", "sync"],
    ["/nova help", "help"],
    ["/nova hilfe", "help"],
    ["/nova summary --limit 5", "summary limit=5"],
    ["/nova summary --limit=5", "summary limit=5"],
    ["/nova summary --limit 50", "summary limit=50"],
    ['/nova step-plan --role "Plattform"', "step-plan role=Plattform"],
    ['/nova step-plan --role "Plattform Team"', "step-plan role=Plattform Team"],
    ["/nova step-plan --role='Plattform Team'", "step-plan role=Plattform Team"],
    ["/nova step-plan --role „Plattform Team“", "step-plan role=Plattform Team"],
    ["/nova step-plan --role Plattform", "step-plan role=Plattform"],
    ["/nova progress --lang en", "progress lang=en"],
    ["/nova progress --LANG=EN", "progress lang=en"],
    ["/nova summary --limit 3 --lang en", "summary limit=3 lang=en"],
    ["/nova fortschrit", "?fortschrit"],
    ["/nova deploy", "?deploy"],
    ["/nova summary --limit 0", "!summary invalid-value"],
    ["/nova summary --limit 51", "!summary invalid-value"],
    ["/nova summary --limit fünf", "!summary invalid-value"],
    ["/nova summary --limit 2.5", "!summary invalid-value"],
    ["/nova summary --limit", "!summary missing-value"],
    ["/nova summary --limit=", "!summary missing-value"],
    ["/nova summary --limit --lang en", "!summary missing-value"],
    ["/nova summary --limit 1 --limit 2", "!summary repeated-flag"],
    ["/nova progress --limit 5", "!progress unknown-flag"],
    ["/nova progress --force", "!progress unknown-flag"],
    ["/nova progress -l", "!progress unknown-flag"],
    ["/nova progress jetzt", "!progress unexpected-argument"],
    ['/nova progress "--lang"', "!progress unexpected-argument"],
    ['/nova step-plan --role "Plattform', "!step-plan unclosed-quote"],
    ["/nova progress --lang fr", "!progress invalid-value"],
    ['/nova step-plan --role ""', "!step-plan invalid-value"],
    ["/nova step-plan --role \u202Eevil", "!step-plan invalid-value"],
    [`/nova step-plan --role ${"x".repeat(101)}`, "!step-plan invalid-value"],
  ];
  it.each(cases)("%s → %s", (body, expected) => {
    expect(commandsOf(body)).toEqual([expected]);
  });

  it("suggests close names for a typo", () => {
    const [found] = parseComment("/nova sumary").commands;
    expect(found?.invocation).toMatchObject({ kind: "unknown", suggestions: ["summary"] });
    const [prefix] = parseComment("/nova prog").commands;
    expect(prefix?.invocation).toMatchObject({ kind: "unknown", suggestions: ["progress"] });
  });

  it("parses a 100 KB argument quickly and refuses it", () => {
    const started = Date.now();
    const parsed = parseComment(`/nova step-plan --role ${"A".repeat(100_000)}`);
    expect(describeInvocation(parsed.commands[0]!.invocation)).toBe("!step-plan invalid-value");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
