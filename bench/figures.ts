// The benchmark's figures: each printed as it is measured and kept for bench/results/latest.json.

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
}

export const figures: Figure[] = [];

/** Extra facts of a run that are no single figure (what a bundle holds, the machine's load). */
export const notes = new Map<string, unknown>();

export function record(figure: Figure) {
  figures.push(figure);
  const spread = figure.range ? ` [${figure.range.map((v) => v.toFixed(1)).join("–")}]` : "";
  const ratio =
    figure.ratio === undefined
      ? ""
      : ` (×${figure.ratio.toFixed(2)} of ${figure.referenceName}${figure.reference === undefined ? "" : `: ${figure.reference.toFixed(1)}`})`;
  const target = figure.target ? ` target ${figure.target}: ${figure.met ? "met" : "MISSED"}` : "";
  console.log(`  ${figure.figure}: ${figure.ours.toFixed(1)} ${figure.unit}${spread}${ratio}${target}`);
}
