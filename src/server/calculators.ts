// Calculators whose request parsing lives with the CLI commands; the composition root (the serve
// command) injects them so server and CLI share one parser and one JSON shape.
export interface Calculators {
  /** `xieshang schedule --json` */
  schedule(raw: unknown): unknown;
  /** `xieshang check --json` */
  check(raw: unknown): unknown;
}
