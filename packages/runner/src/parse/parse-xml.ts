/**
 * A small XML reader for `nvidia-smi -q -x` and nothing more: elements, attributes and text.
 * nvidia-smi writes plain, entity-escaped XML without namespaces or CDATA; the runner must not
 * need a dependency on the DGX to read it.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

export function parseXml(text: string): XmlElement | null {
  const root: XmlElement = { name: "#document", attributes: {}, text: "", children: [] };
  const stack: XmlElement[] = [root];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (const match of text.matchAll(token)) {
    const [, closing, name, rawAttributes, selfClosing, content] = match;
    const parent = stack.at(-1)!;
    if (content !== undefined) {
      parent.text += decodeEntities(content);
      continue;
    }
    if (name === undefined) continue;
    if (closing === "/") {
      if (parent.name !== name) return null;
      parent.text = parent.text.trim();
      stack.pop();
      continue;
    }
    const element: XmlElement = {
      name,
      attributes: parseAttributes(rawAttributes ?? ""),
      text: "",
      children: [],
    };
    parent.children.push(element);
    if (selfClosing !== "/") stack.push(element);
  }
  return stack.length === 1 ? (root.children[0] ?? null) : null;
}

/** Text of the element at a `/`-joined path of child names; undefined when not there. */
export function selectXmlPath(element: XmlElement, path: string): string | undefined {
  let current: XmlElement | undefined = element;
  for (const part of path.split("/")) {
    current = current.children.find((child) => child.name === part);
    if (current === undefined) return undefined;
  }
  // <remapped_rows>N/A</remapped_rows> on a GPU without row remapping: a leaf path below it is
  // simply absent, and the element's own text answers only for leaves.
  return current.children.length === 0 ? current.text : undefined;
}

function parseAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of raw.matchAll(/([\w.:-]+)\s*=\s*"([^"]*)"/g))
    attributes[match[1]!] = decodeEntities(match[2]!);
  return attributes;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return named[name.toLowerCase()] ?? entity;
  });
}
