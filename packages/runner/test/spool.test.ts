import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSpoolDir } from "../src/upload/default-spool-dir.js";
import { SpoolConflictError, createSpool, type SpoolEntry } from "../src/upload/spool.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nova-spool-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (id: string, body: string, spooledAt = "2026-01-12T09:00:00.000Z"): SpoolEntry => ({
  format: "nova.spool/v1",
  id,
  repository: "octo-org/dgx-plan",
  body,
  spooledAt,
});
const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

describe("spool", () => {
  it("defaults: NOVA_SPOOL_DIR, else /var/spool for root, else the XDG state directory", () => {
    expect(defaultSpoolDir({ env: { NOVA_SPOOL_DIR: "/srv/spool" }, uid: 0, home: "/root" })).toBe(
      "/srv/spool",
    );
    expect(defaultSpoolDir({ env: {}, uid: 0, home: "/root" })).toBe("/var/spool/nova-runner");
    expect(defaultSpoolDir({ env: {}, uid: 1000, home: "/home/ada" })).toBe(
      "/home/ada/.local/state/nova-runner/spool",
    );
    expect(defaultSpoolDir({ env: { XDG_STATE_HOME: "/x" }, uid: 1000, home: "/home/ada" })).toBe(
      "/x/nova-runner/spool",
    );
  });

  it("binds an id to one body for good, oldest first, private files", async () => {
    const spool = createSpool(join(dir, "one"));
    expect(await spool.add(entry(B, "{}", "2026-01-12T10:00:00.000Z"))).toBe("spooled");
    expect(await spool.add(entry(A, "{}", "2026-01-12T09:00:00.000Z"))).toBe("spooled");
    expect(await spool.add(entry(A, "{}"))).toBe("already-spooled");
    await expect(spool.add(entry(A, '{"x":1}'))).rejects.toBeInstanceOf(SpoolConflictError);
    expect((await spool.list()).map((waiting) => waiting.id)).toEqual([A, B]);
    expect((await stat(join(dir, "one", `${A}.json`))).mode & 0o777).toBe(0o600);

    await spool.markSent(entry(A, "{}"));
    expect(await spool.add(entry(A, "{}"))).toBe("already-sent");
    await expect(spool.add(entry(A, "{ }"))).rejects.toBeInstanceOf(SpoolConflictError);
    await spool.markRejected(entry(B, "{}"), "HTTP 422: target does not exist");
    expect(await spool.list()).toEqual([]);
    expect(
      JSON.parse(await readFile(join(dir, "one", "rejected", `${B}.json`), "utf8")),
    ).toMatchObject({ rejected: "HTTP 422: target does not exist" });
  });

  it("refuses an id that is not a UUID (it names a file)", async () => {
    await expect(
      createSpool(join(dir, "two")).add(entry("../../etc/passwd", "{}")),
    ).rejects.toThrow("not a report id");
  });

  it("forgets old sent markers", async () => {
    const spool = createSpool(join(dir, "three"));
    await spool.markSent(entry(A, "{}"));
    await spool.prune(1000, Date.now() + 10_000);
    expect(await readdir(join(dir, "three", "sent"))).toEqual([]);
  });
});
