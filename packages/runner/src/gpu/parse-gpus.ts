/**
 * The three ways to read GPU KPIs, each into the same `Gpu` shape: the `--query-gpu` CSV (what
 * the runner asks first), `nvidia-smi -q -x` XML and `nvidia-smi -q` text (fallbacks, and what
 * support often has at hand).
 */
import type { SmiCsv } from "../parse/parse-smi-csv.js";
import { selectTextPath, type SmiQueryText } from "../parse/parse-smi-query-text.js";
import { selectXmlPath, type XmlElement } from "../parse/parse-xml.js";
import type { Gpu } from "@nova/protocol";
import { buildGpu } from "./build-gpu.js";

export function parseGpusFromCsv(csv: SmiCsv): Gpu[] {
  return csv.rows.map((row, position) => {
    const index = Number(row.index ?? position);
    return buildGpu(
      { index: Number.isInteger(index) ? index : position, name: row.name ?? "GPU" },
      (field) => row[field],
      (field) => [field.csv],
    );
  });
}

export function parseGpusFromXml(log: XmlElement): Gpu[] {
  return log.children
    .filter((element) => element.name === "gpu")
    .map((element, index) =>
      buildGpu(
        { index, name: selectXmlPath(element, "product_name") ?? "GPU" },
        (path) =>
          path === "pci/pci_bus_id"
            ? (element.attributes.id ?? selectXmlPath(element, path))
            : selectXmlPath(element, path),
        (field) => field.xml,
      ),
    );
}

export function parseGpusFromText(parsed: SmiQueryText): Gpu[] {
  return parsed.gpus.map(({ busId, tree }, index) =>
    buildGpu(
      { index, name: selectTextPath(tree, "Product Name") ?? "GPU" },
      (path) =>
        path === "PCI/Bus Id" ? (selectTextPath(tree, path) ?? busId) : selectTextPath(tree, path),
      (field) => field.text,
    ),
  );
}
