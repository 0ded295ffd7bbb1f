import { afterAll, beforeAll } from "@jest/globals";
import { JSDOM } from "jsdom";

/** A task as Mermaid's gantt parser understood it. */
export interface ParsedGanttTask {
  id: string;
  /** The task text as Mermaid read it, trimmed. */
  name: string;
  section: string;
  /** Start day, `YYYY-MM-DD`. */
  start: string;
  /** Mermaid's end: the day after the last day of work (exclusive), `YYYY-MM-DD`. */
  end: string;
  /**
   * The end Mermaid draws the bar to when it differs from `end` (`excludes` stretched a
   * duration), else null. When it differs, Mermaid places the label by one end and colours it
   * by the other: white text on the light background.
   */
  renderEnd: string | null;
  crit: boolean;
  milestone: boolean;
}

export interface MermaidCheck {
  /** Parses any diagram with Mermaid itself; throws Mermaid's parse error. */
  parse(text: string): Promise<void>;
  /** Parses a gantt diagram with Mermaid itself; throws Mermaid's parse error. */
  parseGantt(text: string): Promise<ParsedGanttTask[]>;
}

/** The fields of Mermaid's gantt db this check reads (it is untyped in Mermaid's API). */
interface GanttDb {
  getTasks(): Array<{
    id: string;
    task: string;
    section: string;
    startTime: Date;
    endTime: Date;
    renderEndTime?: Date | null;
    classes?: string[];
    crit?: boolean;
    milestone?: boolean;
  }>;
}

/** Mermaid's gantt uses dayjs in local time, so a day is read with local getters. */
function toLocalDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Loads Mermaid in this test file with a jsdom window (Mermaid needs a DOM even to parse). Call it
 * at the top level of a test file; it registers `beforeAll`/`afterAll`.
 *
 * The teardown matters: jest walks the properties of the test globals on teardown, and a jsdom
 * window left on `globalThis` sends that walk into endless recursion ("Maximum call stack size
 * exceeded" in jest-util), so the window is removed and closed after the file.
 */
export function useMermaid(): MermaidCheck {
  let dom: JSDOM | undefined;
  let mermaid: (typeof import("mermaid"))["default"] | undefined;
  const globals = globalThis as Record<string, unknown>;

  beforeAll(async () => {
    dom = new JSDOM("");
    globals["window"] = dom.window;
    globals["document"] = dom.window.document;
    mermaid = (await import("mermaid")).default;
  });

  afterAll(() => {
    delete globals["window"];
    delete globals["document"];
    dom?.window.close();
  });

  return {
    async parse(text) {
      if (!mermaid) throw new Error("useMermaid() must run at the top level");
      await mermaid.parse(text);
    },
    async parseGantt(text) {
      if (!mermaid) throw new Error("useMermaid() must run at the top level");
      // parse() validates and registers the gantt diagram type; getDiagramFromText builds its db.
      await mermaid.parse(text);
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      const db = diagram.db as unknown as GanttDb;
      return db.getTasks().map((task) => ({
        id: task.id,
        name: task.task.trim(),
        section: task.section,
        start: toLocalDay(task.startTime),
        end: toLocalDay(task.endTime),
        renderEnd:
          task.renderEndTime && task.renderEndTime.getTime() !== task.endTime.getTime()
            ? toLocalDay(task.renderEndTime)
            : null,
        crit: task.crit === true || (task.classes ?? []).includes("crit"),
        milestone: task.milestone === true,
      }));
    },
  };
}
