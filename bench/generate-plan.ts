/**
 * A synthetic plan shaped like the real one (bold title, dash, description with inline code,
 * metadata with dependencies), so benchmarks measure realistic text, not toy lines.
 */
export function generatePlan(
  taskCount: number,
  tasksPerSection = 100,
  options: { dependencies?: boolean; ticked?: boolean } = {},
): string {
  const dependencies = options.dependencies ?? true;
  const ticked = options.ticked ?? true;
  const lines = ["# Synthetischer Plan (Benchmark)", "", "Einleitung für den Benchmark.", ""];
  for (let i = 0; i < taskCount; i++) {
    if (i % tasksPerSection === 0) {
      lines.push("", `## ${i / tasksPerSection + 1}. Abschnitt Nummer ${i / tasksPerSection + 1}`);
    }
    const after = !dependencies || i % tasksPerSection === 0 ? "" : `; after=t${i - 1}`;
    const box = ticked && i % 7 === 0 ? "x" : " ";
    lines.push(
      `- [${box}] **Aufgabe ${i} für Prüfroutinen vorbereiten** – Skript in \`scripts/step-${i}.sh\` anlegen, inklusive Prüfung. <!-- nova: id=t${i}${after}; role=Rolle ${i % 4}; estimate=${(i % 3) + 1}d -->`,
    );
  }
  return `${lines.join("\n")}\n`;
}
