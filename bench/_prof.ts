import { fromMarkdown } from "mdast-util-from-markdown";
import { gfm } from "micromark-extension-gfm";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { generatePlan } from "./generate-plan.js";
const src = generatePlan(10000);
function t(name: string, f: () => unknown) { f(); const ts=[]; for (let i=0;i<3;i++){const a=performance.now(); f(); ts.push(performance.now()-a);} console.log(name, Math.min(...ts).toFixed(0)); }
const opts = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
t("full gfm", () => fromMarkdown(src, opts));
const chunks = src.split(/\n(?=## )/);
console.log("chunks", chunks.length);
t("per section gfm", () => { for (const c of chunks) fromMarkdown(c, opts); });
const lines = src.split("\n");
t("per line gfm", () => { for (const l of lines) fromMarkdown(l, opts); });
t("per line plain", () => { for (const l of lines) fromMarkdown(l); });
