import { describe, expect, it } from "@jest/globals";
import { computePercent, computeProgress } from "../../src/reports/progress.js";
import { buildPlan } from "./build-plan.js";

describe("computeProgress", () => {
  it("counts per section in plan order and overall", () => {
    const plan = buildPlan({
      sections: [
        {
          title: "Infrastruktur",
          tasks: [{ id: "a", checked: true }, { id: "b" }, { id: "c", checked: true }],
        },
        { title: "Sicherheit", tasks: [{ id: "d" }] },
      ],
    });
    expect(computeProgress(plan)).toEqual({
      total: 4,
      done: 2,
      percent: 50,
      sections: [
        { number: 1, title: "Infrastruktur", total: 3, done: 2, percent: 66 },
        { number: 2, title: "Sicherheit", total: 1, done: 0, percent: 0 },
      ],
    });
  });

  it("reports an empty plan as 0 %, not complete", () => {
    expect(computeProgress(buildPlan({}))).toEqual({
      total: 0,
      done: 0,
      percent: 0,
      sections: [],
    });
  });

  it("keeps empty sections and unnumbered headings", () => {
    const plan = buildPlan({
      sections: [{ title: "Anhang", number: null, tasks: [] }],
    });
    expect(computeProgress(plan).sections).toEqual([
      { number: null, title: "Anhang", total: 0, done: 0, percent: 0 },
    ]);
  });

  it("reaches 100 only when every task is done", () => {
    const tasks = Array.from({ length: 200 }, (_, index) => ({
      id: `t${index}`,
      checked: index > 0,
    }));
    const almost = computeProgress(buildPlan({ sections: [{ title: "S", tasks }] }));
    expect(almost.percent).toBe(99);
    const all = computeProgress(
      buildPlan({
        sections: [{ title: "S", tasks: tasks.map((t) => ({ ...t, checked: true })) }],
      }),
    );
    expect(all.percent).toBe(100);
    expect(all.sections[0]?.percent).toBe(100);
  });

  it("counts tasks before the first heading in a leading pseudo-section", () => {
    const plan = buildPlan({
      outside: [{ id: "intro", checked: true }],
      sections: [{ title: "A", tasks: [{ id: "a" }] }],
    });
    const progress = computeProgress(plan);
    expect(progress.total).toBe(2);
    expect(progress.done).toBe(1);
    expect(progress.sections[0]).toEqual({
      number: null,
      title: "",
      total: 1,
      done: 1,
      percent: 100,
    });
    expect(progress.sections).toHaveLength(2);
  });

  it("lets a closed issue count before the box is ticked, and an open one undo a tick", () => {
    const plan = buildPlan({
      sections: [{ title: "A", tasks: [{ id: "a" }, { id: "b", checked: true }] }],
    });
    const live = new Map([
      ["a", { closed: true }],
      ["b", { closed: false }],
    ]);
    const progress = computeProgress(plan, { live });
    expect(progress.done).toBe(1);
    expect(progress.sections[0]?.done).toBe(1);
  });
});

describe("computePercent", () => {
  it("rounds down", () => {
    expect(computePercent(2, 3)).toBe(66);
    expect(computePercent(0, 0)).toBe(0);
  });
});
