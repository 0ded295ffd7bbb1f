import { describe, expect, it } from "@jest/globals";
import { listRegisteredEvents } from "../../integration/start-nova.js";

describe("the webhook handlers", () => {
  it("register every event once: one handler per event hands the jobs of all its use-cases", async () => {
    const names = await listRegisteredEvents();
    const twice = names.filter((name, index) => names.indexOf(name) !== index);
    expect(twice).toEqual([]);
    expect([...names].sort()).toEqual([
      "installation.created",
      "installation_repositories.added",
      "issue_comment.created",
      "issues.assigned",
      "issues.closed",
      "issues.reopened",
      "issues.unassigned",
      "pull_request.closed",
      "pull_request.opened",
      "pull_request.reopened",
      "pull_request.synchronize",
      "push",
    ]);
  });
});
