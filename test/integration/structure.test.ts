import { describe, expect, it } from "@jest/globals";
import { parseSectionMarker, parseTaskMarker } from "../../src/github/hidden-markers.js";
import { loadChecklist } from "../fixtures/load-fixture.js";
import { inProcess, useNovaWorld } from "./use-nova-world.js";

/**
 * Sections as parent issues, tasks as sub-issues, `after=` as "blocked by" and `delivery` as a
 * milestone, through the real app against the fake GitHub (api.github.com, and GHES 3.19 which
 * has no sub-issues).
 */

const PLAN = "docs/dgx-spark-plan.md";
const CONFIG = ".github/nova.yml";
const bundled = loadChecklist("bundled");
/** Two `after=` dependencies in section 1. */
const withAfter = bundled
  .replace(
    "**NVIDIA Treiber + CUDA Installationsskript vorbereiten** – Automatisiertes Bash/Python-Skript in `scripts/` anlegen, inklusive Prüfroutinen.",
    "**NVIDIA Treiber + CUDA Installationsskript vorbereiten** – Automatisiertes Bash/Python-Skript in `scripts/` anlegen, inklusive Prüfroutinen. <!-- nova: after=dgx-setup-playbook-erstellen -->",
  )
  .replace(
    "mit `docs/FOUNDATION_CONTAINER_SETUP.md` verlinken.",
    "mit `docs/FOUNDATION_CONTAINER_SETUP.md` verlinken. <!-- nova: after=dgx-setup-playbook-erstellen -->",
  );

interface IssueJson {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: string;
  milestone: { number: number; title: string; due_on: string } | null;
  parent_issue_url?: string | null;
}

for (const server of ["github.com", "ghes-3.19"] as const) {
  describe(`plan structure on ${server}`, () => {
    const world = useNovaWorld({
      server,
      repo: { files: { "README.md": "# dgx\n", [CONFIG]: "delivery: 2026-12-18\n" } },
      nova: inProcess(),
    });

    async function push(plan: string) {
      const payload = world.repo.pushCommit({ files: { [PLAN]: plan } });
      await world.nova.deliver("push", payload);
      return payload;
    }
    const issues = () => world.repo.issues() as unknown as IssueJson[];
    const sections = () => issues().filter((issue) => parseSectionMarker(issue.body) !== null);
    const tasks = () => issues().filter((issue) => parseTaskMarker(issue.body) !== null);
    const byTitle = (title: string) => issues().find((issue) => issue.title === title)!;
    /** Writes and reads (method + path) since a mark, tokens left out. */
    const requestsSince = (mark: number, method?: "GET" | "write") =>
      world.fake.requests
        .slice(mark)
        .filter((request) => !request.path.startsWith("/app/"))
        .filter((request) =>
          method === undefined
            ? true
            : method === "GET"
              ? request.method === "GET"
              : request.method !== "GET",
        )
        .map((request) => `${request.method} ${request.path.replace("/repos/acme/dgx", "")}`);

    it("first sync: section issues, their tasks as sub-issues in plan order, after= as blocked-by, the milestone", async () => {
      const mark = world.fake.requests.length;
      await push(withAfter);
      expect(world.fake.violations).toEqual([]);
      expect(sections().map((issue) => issue.title)).toEqual([
        "1. Infrastruktur- & Setup-Automatisierung",
        "2. KI-Stack & Modellbereitstellung",
        "3. Daten- & Wissensbasis vorbereiten",
        "4. Orchestrierung & Agenten-Workflows",
        "5. Monitoring, Reporting & Kommunikation",
        "6. Operative Vorbereitung",
      ]);
      expect(tasks()).toHaveLength(20);
      const writes = requestsSince(mark, "write");
      const count = (pattern: RegExp) => writes.filter((write) => pattern.test(write)).length;
      const counts = {
        milestones: count(/^POST \/milestones$/),
        issues: count(/^POST \/issues$/),
        subIssues: count(/sub_issues$/),
        blockedBy: count(/blocked_by$/),
        total: writes.length,
      };
      const other = writes.filter(
        (write) =>
          !/^POST \/(milestones|issues|labels|check-runs)$|sub_issues$|blocked_by$/.test(write),
      );
      console.log(
        `first sync on ${server}: writes ${JSON.stringify(counts)}; labels ${count(/^POST \/labels$/)}, check runs ${count(/check-runs$/)}, other: ${other.join(", ")}`,
      );
      expect(counts.milestones).toBe(1);
      expect(counts.issues).toBe(26);
      expect(counts.blockedBy).toBe(2);
      const [milestone] = world.repo.milestones() as Array<{ title: string; due_on: string }>;
      expect(milestone).toMatchObject({ title: "DGX Spark Lieferung" });
      expect(milestone!.due_on.slice(0, 10)).toBe("2026-12-18");
      expect(issues().every((issue) => issue.milestone?.title === "DGX Spark Lieferung")).toBe(
        true,
      );
      const playbook = byTitle("DGX Setup Playbook erstellen");
      expect(world.repo.blockedByNumbers(byTitle("Remote-Zugriff dokumentieren").number)).toEqual([
        playbook.number,
      ]);
      if (server === "github.com") {
        expect(counts.subIssues).toBe(20);
        for (const section of sections()) {
          const children = world.repo
            .subIssueNumbers(section.number)
            .map((number) => issues().find((issue) => issue.number === number)!.title);
          expect(children.length).toBeGreaterThan(0);
          const heading = bundled.indexOf(`## ${section.title}`);
          const next = bundled.indexOf("\n## ", heading + 1);
          const inPlan = [
            ...bundled
              .slice(heading, next === -1 ? undefined : next)
              .matchAll(/^- \[[ x]\] \*\*(.+?)\*\*/gm),
          ].map((match) => match[1]);
          expect(children).toEqual(inPlan);
        }
        // No `/blocked` label where GitHub shows "blocked by" itself.
        expect(world.repo.labels().map((label) => label.name)).not.toContain("dgx/blocked");
      } else {
        // One attempt finds the route missing (404); the rest of the part is skipped.
        expect(counts.subIssues).toBe(1);
        const check = world.repo.checkRuns.at(-1)!;
        expect(check.output.summary).toContain("Sub-Issues");
      }
    });

    it("a no-op sync writes nothing and reads only the bound; redelivery ×10 changes nothing", async () => {
      const first = await push(withAfter);
      const mark = world.fake.requests.length;
      await world.nova.deliver("push", first, "again");
      expect(requestsSince(mark, "write")).toEqual([]);
      // The config, the checklist (at the branch's name: no read of its head), the tree at the
      // branch (which of the plan's referenced paths exist, for the bodies' links; docs/sync.md),
      // one issue page (26 issues); no sub-issue, dependency or milestone read: the listing's
      // summaries and milestones agree.
      const reads = requestsSince(mark, "GET");
      console.log(`no-op sync on ${server}: ${reads.length} reads: ${reads.join(", ")}`);
      expect(reads.filter((read) => !/contents\/\.github/.test(read))).toEqual([
        `GET /contents/${PLAN}`,
        "GET /git/trees/main",
        "GET /issues",
      ]);
      const before = JSON.stringify(world.repo.issues());
      const again = world.fake.requests.length;
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          world.nova.probot.receive({ id: `again-${i}`, name: "push", payload: first }),
        ),
      );
      await world.nova.sync.settled();
      expect(requestsSince(again, "write")).toEqual([]);
      expect(JSON.stringify(world.repo.issues())).toBe(before);
      expect(world.repo.milestones()).toHaveLength(1);
      expect(sections()).toHaveLength(6);
      expect(world.fake.violations).toEqual([]);
    });

    it("removing an after= removes one relation; a hand-removed relation is restored once", async () => {
      await push(withAfter);
      const remote = byTitle("Remote-Zugriff dokumentieren");
      const playbook = byTitle("DGX Setup Playbook erstellen");
      const mark = world.fake.requests.length;
      await push(
        withAfter.replace(
          "verlinken. <!-- nova: after=dgx-setup-playbook-erstellen -->",
          "verlinken.",
        ),
      );
      expect(requestsSince(mark, "write").filter((write) => /blocked_by/.test(write))).toEqual([
        `DELETE /issues/${remote.number}/dependencies/blocked_by/${playbook.id}`,
      ]);
      const driver = byTitle("NVIDIA Treiber + CUDA Installationsskript vorbereiten");
      world.repo.removeBlockedBy(driver.number, playbook.number);
      const restore = world.fake.requests.length;
      await push(
        withAfter.replace(
          "verlinken. <!-- nova: after=dgx-setup-playbook-erstellen -->",
          "verlinken.",
        ) + "\n",
      );
      expect(requestsSince(restore, "write").filter((write) => /blocked_by/.test(write))).toEqual([
        `POST /issues/${driver.number}/dependencies/blocked_by`,
      ]);
      expect(world.repo.checkRuns.at(-1)!.output.summary).toContain("wiederhergestellt");
      expect(world.repo.blockedByNumbers(driver.number)).toEqual([playbook.number]);
      expect(world.fake.violations).toEqual([]);
    });

    if (server === "github.com") {
      it("moving a task to another section is one replace_parent; a hand-removed sub-issue is restored once", async () => {
        await push(bundled);
        const moved = "**Remote-Zugriff dokumentieren**";
        const lines = bundled.split("\n");
        const from = lines.findIndex((line) => line.includes(moved));
        const [line] = lines.splice(from, 1);
        // To the end of section 2, where GitHub appends a moved sub-issue.
        const to = lines.findIndex((text) => text.startsWith("## 3."));
        lines.splice(to - 1, 0, line!);
        const mark = world.fake.requests.length;
        await push(lines.join("\n"));
        const task = byTitle("Remote-Zugriff dokumentieren");
        const section2 = byTitle("2. KI-Stack & Modellbereitstellung");
        const subWrites = requestsSince(mark, "write").filter((write) => /sub_issue/.test(write));
        expect(subWrites).toEqual([`POST /issues/${section2.number}/sub_issues`]);
        const body = world.fake.requests
          .filter((request) => /sub_issues$/.test(request.path))
          .at(-1)!.body;
        expect(body).toEqual({ sub_issue_id: task.id, replace_parent: true });
        expect(world.repo.subIssueNumbers(section2.number).at(-1)).toBe(task.number);

        // A person takes a sub-issue out by hand: the next sync puts it back, once.
        const section1 = byTitle("1. Infrastruktur- & Setup-Automatisierung");
        const child = world.repo.subIssueNumbers(section1.number)[1]!;
        world.repo.removeSubIssue(section1.number, child);
        const restore = world.fake.requests.length;
        await push(lines.join("\n") + "\n");
        expect(requestsSince(restore, "write").filter((write) => /sub_issue/.test(write))).toEqual([
          `POST /issues/${section1.number}/sub_issues`,
          `PATCH /issues/${section1.number}/sub_issues/priority`,
        ]);
        expect(world.repo.subIssueNumbers(section1.number)[1]).toBe(child);
        expect(world.repo.checkRuns.at(-1)!.output.summary).toContain("wiederhergestellt");
        const quiet = world.fake.requests.length;
        await push(lines.join("\n") + "\n\n");
        expect(requestsSince(quiet, "write")).toEqual([]);
        expect(world.fake.violations).toEqual([]);
      });
    }

    it("nested tasks: issues of their own, sub-issues of their parent task's issue, 8 levels at most", async () => {
      const parentLine =
        "- [ ] **DGX Setup Playbook erstellen** – Skript oder Markdown-Anleitung für Erstkonfiguration (Benutzer, Netzwerke, Time Sync) vorbereiten.";
      expect(bundled).toContain(parentLine);
      // Two nested tasks, the first with a chain seven levels deep below it.
      const chain = Array.from(
        { length: 6 },
        (_, i) => `${"  ".repeat(i + 2)}- [ ] Ebene ${i + 2} – tiefer geschachtelt`,
      );
      const nested = bundled.replace(
        parentLine,
        [
          parentLine,
          "  - [ ] Benutzerkonten anlegen – mit SSH-Schlüsseln",
          ...chain,
          "  - [x] Zeitsynchronisation prüfen – chrony",
        ].join("\n"),
      );
      await push(nested);
      expect(world.fake.violations).toEqual([]);
      const playbook = byTitle("DGX Setup Playbook erstellen");
      const accounts = byTitle("Benutzerkonten anlegen");
      const time = byTitle("Zeitsynchronisation prüfen");
      expect(time.state).toBe("closed");
      expect(parseTaskMarker(accounts.body)).toBe(
        "dgx-setup-playbook-erstellen-benutzerkonten-anlegen",
      );
      const section1 = byTitle("1. Infrastruktur- & Setup-Automatisierung");
      // The section keeps its top-level tasks; the nested ones hang under their parent task.
      expect(world.repo.subIssueNumbers(section1.number)).not.toContain(accounts.number);
      const title = (number: number) => issues().find((issue) => issue.number === number)!.title;
      if (server === "github.com") {
        expect(world.repo.subIssueNumbers(playbook.number).map(title)).toEqual([
          "Benutzerkonten anlegen",
          "Zeitsynchronisation prüfen",
        ]);
        // Section (1), task (2), nested levels 3–8: Ebene 2…6 have issues; Ebene 7 (level 9)
        // would break GitHub's 8 levels and stays a checkbox in its parent's body.
        let parent = accounts;
        for (let level = 2; level <= 6; level++) {
          const child = byTitle(`Ebene ${level}`);
          expect(world.repo.subIssueNumbers(parent.number).map(title)).toEqual([`Ebene ${level}`]);
          parent = child;
        }
        expect(issues().some((issue) => issue.title === "Ebene 7")).toBe(false);
        expect(parent.body).toContain("Ebene 7");
        expect(world.repo.subIssueNumbers(parent.number)).toEqual([]);
      } else {
        expect(world.repo.subIssueNumbers(playbook.number)).toEqual([]);
      }
      // Nothing to do the second time.
      const mark = world.fake.requests.length;
      await push(nested + "\n");
      expect(requestsSince(mark, "write")).toEqual([]);
      expect(world.fake.violations).toEqual([]);
    });

    it("owner=@login assigns when the login can be assigned, warns otherwise, and never undoes a person's choice", async () => {
      world.repo.setPermission("alice", "write");
      world.repo.setPermission("carol", "triage");
      const owned = bundled
        .replace(
          "(Benutzer, Netzwerke, Time Sync) vorbereiten.",
          "(Benutzer, Netzwerke, Time Sync) vorbereiten. <!-- nova: owner=@alice -->",
        )
        .replace(
          "inklusive Prüfroutinen.",
          "inklusive Prüfroutinen. <!-- nova: owner=@mallory -->",
        );
      await push(owned);
      const playbook = () =>
        byTitle("DGX Setup Playbook erstellen") as IssueJson & {
          assignees: Array<{ login: string }>;
        };
      const driver = () =>
        byTitle("NVIDIA Treiber + CUDA Installationsskript vorbereiten") as IssueJson & {
          assignees: Array<{ login: string }>;
        };
      expect(playbook().assignees.map((user) => user.login)).toEqual(["alice"]);
      expect(driver().assignees).toEqual([]);
      expect(world.repo.checkRuns.at(-1)!.output.summary).toContain(
        "`@mallory` kann in diesem Repository",
      );
      // A person hands the task to bob: Nova does not take it back.
      world.repo.setAssignees(playbook().number, ["bob"]);
      const mark = world.fake.requests.length;
      await push(owned + "\n");
      expect(requestsSince(mark, "write")).toEqual([]);
      expect(playbook().assignees.map((user) => user.login)).toEqual(["bob"]);
      // A new owner in the checklist is assigned (beside the person's choice).
      await push(owned.replace("owner=@alice", "owner=@carol"));
      expect(playbook().assignees.map((user) => user.login)).toEqual(["bob", "carol"]);
      expect(world.fake.violations).toEqual([]);
    });

    it("a renamed section: a new section issue takes the tasks, the old one is closed as not planned", async () => {
      await push(bundled);
      const old = byTitle("6. Operative Vorbereitung");
      await push(bundled.replace("## 6. Operative Vorbereitung", "## 6. Betrieb vorbereiten"));
      const renamed = byTitle("6. Betrieb vorbereiten");
      expect(world.repo.issue(old.number)).toMatchObject({
        state: "closed",
        state_reason: "not_planned",
      });
      expect(
        (world.repo.comments(old.number) as Array<{ body: string }>).map((comment) => comment.body),
      ).toEqual([expect.stringContaining("Diesen Bereich gibt es in der Checkliste nicht mehr")]);
      if (server === "github.com") {
        expect(world.repo.subIssueNumbers(old.number)).toEqual([]);
        expect(world.repo.subIssueNumbers(renamed.number)).toHaveLength(3);
      }
      expect(world.fake.violations).toEqual([]);
    });

    it("a section issue closes when all its tasks are done and reopens when one is not", async () => {
      await push(bundled);
      const heading = "## 6. Operative Vorbereitung";
      const at = bundled.indexOf(heading);
      const done = bundled.slice(0, at) + bundled.slice(at).replaceAll("- [ ]", "- [x]");
      await push(done);
      expect(byTitle("6. Operative Vorbereitung").state).toBe("closed");
      expect(byTitle("5. Monitoring, Reporting & Kommunikation").state).toBe("open");
      await push(bundled);
      expect(byTitle("6. Operative Vorbereitung").state).toBe("open");
      expect(world.fake.violations).toEqual([]);
    });
  });
}
