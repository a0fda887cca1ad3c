// The same deck as bench_memory.py's, written by PptxGenJS: N slides, each with a title and a
// 7 x 6 table of key results, saved compressed. Prints [seconds, peak MB] as JSON.
//
//     node benchmarks/bench_pptxgenjs.mjs N OUT.pptx
//
// PptxGenJS is found in benchmarks/node_modules (bench_memory.py installs it there).
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pptxgen = require("pptxgenjs");

const [n, out] = [Number(process.argv[2]), process.argv[3]];
const ROWS = 6;
const HEAD = ["Key Results", "Year Goal", "Q1", "Q2", "Q3", "Q4"];
const STATUSES = ["+7.3% YoY (89K/mo*)", "-", "-", "-"];
const cell = (text, bold = false) => ({ text, options: { bold, fontFace: "Lato", fontSize: 10 } });

const start = process.hrtime.bigint();
const pres = new pptxgen();
pres.layout = "LAYOUT_WIDE";
for (let s = 0; s < n; s++) {
  const slide = pres.addSlide();
  slide.addText(`Key results ${s}`, {
    x: 0.6, y: 0.4, w: 12, h: 0.8, fontFace: "Montserrat", fontSize: 24, bold: true,
  });
  const rows = [HEAD.map((h) => cell(h, true))];
  for (let i = 0; i < ROWS; i++) {
    const text = `KR${i}: Ensure 65% of all grants are from communities that are not well established`;
    rows.push([cell(`${text}\nBaseline: 64% of grants`), cell("66%"), ...STATUSES.map((t) => cell(t))]);
  }
  slide.addTable(rows, {
    x: 0.6, y: 1.5, w: 12, colW: [5.4, 1.32, 1.32, 1.32, 1.32, 1.32],
    border: { type: "solid", pt: 0.75, color: "C8CCD1" },
  });
}
// writeFile({ compression: true }) stores the parts uncompressed under Node (PptxGenJS 4.0.1 takes
// the "nodebuffer" branch, which drops the option); write({ outputType: "STREAM" }) deflates them.
const data = await pres.write({ outputType: "STREAM", compression: true });
await writeFile(out, data);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify([seconds, process.resourceUsage().maxRSS / 1024]));
