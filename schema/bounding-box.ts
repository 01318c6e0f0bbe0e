// The BoundingBox input: an area of the map in plain degrees, checked before any read.
import type { BoundingBox } from "../core/store/content-store";
import { builder } from "./builder";
import { badUserInput } from "./user-error";

export const BoundingBoxInput = builder.inputType("BoundingBox", {
  description:
    "An area of the map in WGS 84 decimal degrees: latitudes from south to north, longitudes from west to east. A west greater than east crosses the antimeridian (180°).",
  fields: (t) => ({
    south: t.float({ required: true, description: "Southern edge, -90 to 90." }),
    west: t.float({ required: true, description: "Western edge, -180 to 180." }),
    north: t.float({ required: true, description: "Northern edge, -90 to 90, at least `south`." }),
    east: t.float({ required: true, description: "Eastern edge, -180 to 180." }),
  }),
});

/** The box as the store takes it, or a client error naming the edge at fault. */
export function boundingBox(box: typeof BoundingBoxInput.$inferInput, argument: string): BoundingBox {
  for (const [edge, bound] of [
    ["south", 90],
    ["north", 90],
    ["west", 180],
    ["east", 180],
  ] as const) {
    const value = box[edge];
    if (!Number.isFinite(value) || Math.abs(value) > bound) {
      throw badUserInput(`${argument}.${edge} must be between -${bound} and ${bound}, got ${value}`, `${argument}.${edge}`);
    }
  }
  if (box.south > box.north) {
    throw badUserInput(`${argument}: south (${box.south}) is north of north (${box.north})`, `${argument}.south`);
  }
  return { south: box.south, west: box.west, north: box.north, east: box.east };
}
