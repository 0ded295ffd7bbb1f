import { describe, expect, it } from "@jest/globals";
import { isBoardProblem, renderBoardStatus } from "../../src/board/board-status.js";

describe("renderBoardStatus", () => {
  it("says clearly why a user's project cannot be used, in German and English", () => {
    const status = { kind: "user-owned", owner: "carol" } as const;
    expect(isBoardProblem(status)).toBe(true);
    expect(renderBoardStatus(status, "de")).toMatchInlineSnapshot(
      `"Das Projekt-Board wird nicht abgeglichen: \`carol\` ist ein Benutzerkonto. Eine GitHub-App-Installation erreicht nur Projekte von Organisationen, keine Projekte von Benutzerkonten. Legt das Board in einer Organisation an und tragt sie unter \`project.owner\` in \`.github/nova.yml\` ein, oder entfernt \`project\`."`,
    );
    expect(renderBoardStatus(status, "en")).toContain("`carol` is a user account");
  });

  it("summarises a run", () => {
    const text = renderBoardStatus(
      {
        kind: "synced",
        title: "DGX [Board]",
        url: "https://github.com/orgs/acme/projects/1",
        created: true,
        summary: {
          fieldsCreated: ["Bereich", "Ziel"],
          optionsAdded: [],
          itemsAdded: 20,
          itemsArchived: 0,
          itemsUnarchived: 0,
          valuesWritten: 100,
          valuesRestored: 0,
          unchanged: 0,
          conflicts: ["Rolle (TEXT)"],
          failed: [],
          remaining: 0,
          mutationRequests: 3,
          mutations: 124,
        },
      },
      "de",
    );
    expect(text).toContain(
      "Projekt-Board [DGX \\[Board\\]](https://github.com/orgs/acme/projects/1): angelegt, Felder angelegt: Bereich, Ziel, 20 Aufgaben eingetragen, 100 Werte gesetzt.",
    );
    expect(text).toContain("Rolle (TEXT)");
  });
});
