// The benchmark's figures: each printed as it is measured and kept for bench/results/latest.json.
import { loadavg } from "node:os";

export interface Figure {
  figure: string;
  ours: number;
  unit: string;
  /** The smallest and largest of the runs behind a median. */
  range?: [number, number];
  reference?: number;
  referenceName?: string;
  ratio?: number;
  target?: string;
  met?: boolean;
  /** The machine's one-minute load average when the figure was recorded (the machine is shared). */
  load?: number;
}

export const figures: Figure[] = [];

/** Extra facts of a run that are no single figure (what a bundle holds, the machine's load). */
export const notes = new Map<string, unknown>();

export function record(figure: Figure) {
  const load = loadavg()[0];
  figures.push({ ...figure, load });
  const spread = figure.range ? ` [${figure.range.map((v) => v.toFixed(1)).join("–")}]` : "";
  const ratio =
    figure.ratio === undefined
      ? ""
      : ` (×${figure.ratio.toFixed(2)} of ${figure.referenceName}${figure.reference === undefined ? "" : `: ${figure.reference.toFixed(1)}`})`;
  const target = figure.target ? ` target ${figure.target}: ${figure.met ? "met" : "MISSED"}` : "";
  console.log(`  ${figure.figure}: ${figure.ours.toFixed(1)} ${figure.unit}${spread}${ratio}${target} (load ${load.toFixed(2)})`);
}
