import type { Renderer } from "../render/create-renderer.js";
import type { Language } from "../render/i18n.js";
import { readSharedRenderer } from "../render/shared-renderer.js";

/** Everything `templates/<lang>/issue-body.hbs` shows; absent values are null (strict templates). */
export interface IssueBodyData {
  /** The task's description: Markdown from the checklist, shown as written. */
  description: string;
  subtasks: Array<{ title: string; checked: boolean }>;
  section: string | null;
  dependencies: Array<{ title: string; number: number | null }>;
  references: Array<{ text: string; url: string | null }>;
  role: string | null;
  estimate: number | null;
  due: string | null;
  owner: string | null;
  checklistPath: string;
  line: number;
  lineUrl: string;
  marker: string;
  synced: string;
}

/** The body of a task's issue. Pure for a given input and language. */
export function renderIssueBody(
  data: IssueBodyData,
  lang: Language,
  renderer: Renderer = readSharedRenderer(),
): string {
  return renderer.render("issue-body", lang, data);
}
