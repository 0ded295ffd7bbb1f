/**
 * `nvidia-smi -q` (also `-a`): indented `Key : Value` lines and section headings, one block per
 * GPU (`GPU 00000000:18:00.0`). Each block becomes a tree whose values are read by
 * `/`-joined paths (`Temperature/GPU T.Limit Temp`).
 */
export interface TextNode {
  name: string;
  value: string | undefined;
  children: TextNode[];
}

export interface SmiQueryText {
  root: TextNode;
  driverVersion: string | null;
  cudaVersion: string | null;
  attachedGpus: number | null;
  gpus: Array<{ busId: string; tree: TextNode }>;
}

export function parseSmiQueryText(text: string): SmiQueryText {
  const root: TextNode = { name: "", value: undefined, children: [] };
  const stack: Array<{ indent: number; node: TextNode }> = [{ indent: -1, node: root }];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || /^=+.*=+$/.test(line.trim())) continue;
    const indent = line.length - line.trimStart().length;
    // "Key   : Value"; a key never holds " :", while a heading like "GPU 00000000:18:00.0" has
    // colons without a space before them.
    const pair = /^\s*(.+?)\s+:\s?(.*)$/.exec(line);
    const node: TextNode = pair
      ? { name: pair[1]!.trim(), value: pair[2]!.trim(), children: [] }
      : { name: line.trim(), value: undefined, children: [] };
    while (stack.length > 1 && stack.at(-1)!.indent >= indent) stack.pop();
    stack.at(-1)!.node.children.push(node);
    stack.push({ indent, node });
  }
  const top = (name: string): string | null =>
    root.children.find((node) => node.name === name)?.value ?? null;
  const attached = top("Attached GPUs");
  return {
    root,
    driverVersion: top("Driver Version"),
    cudaVersion: top("CUDA Version"),
    attachedGpus: attached === null ? null : Number(attached),
    gpus: root.children
      .filter((node) =>
        /^GPU [0-9A-Fa-f]+:[0-9A-Fa-f]+:[0-9A-Fa-f]+\.[0-9A-Fa-f]+$/.test(node.name),
      )
      .map((node) => ({ busId: node.name.slice(4), tree: node })),
  };
}

/** The value at a `/`-joined path below `node`; undefined when the path is not there. */
export function selectTextPath(node: TextNode, path: string): string | undefined {
  let current: TextNode | undefined = node;
  for (const part of path.split("/")) {
    current = current.children.find((child) => child.name === part);
    if (current === undefined) return undefined;
  }
  return current.value;
}
