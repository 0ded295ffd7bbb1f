import { createRenderer, type Renderer } from "./create-renderer.js";

let sharedRenderer: Renderer | undefined;

/** One renderer for the process, so templates are read and compiled once. */
export function readSharedRenderer(): Renderer {
  sharedRenderer ??= createRenderer();
  return sharedRenderer;
}
