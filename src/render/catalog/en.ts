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
};
