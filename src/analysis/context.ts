// Everything the rules share, computed lazily once per analysis.
import type { Protocol } from '../model/core.js';
import { Graph } from './graph.js';
import { PathAnalysis } from './paths.js';
import { realizeRoutes, type RealizedRoutes } from './realized.js';

export interface AnalysisOptions {
  /** Today's date as YYYY-MM-DD (injected: the analysis never reads the clock). */
  today: string;
}

export class AnalysisContext {
  private graphValue?: Graph;
  private pathsValue?: PathAnalysis;
  private realizedValue?: RealizedRoutes;

  constructor(
    readonly protocol: Protocol,
    readonly options: AnalysisOptions,
    /** False when the loader reported errors: items may be missing, so global checks are skipped. */
    readonly complete = true,
    /**
     * The texts of the files the protocol was read from, when known: every string of the protocol
     * comes from them, so a rule can look at them once instead of at every string.
     */
    readonly sourceTexts?: readonly string[],
  ) {}

  get graph(): Graph {
    return (this.graphValue ??= new Graph(this.protocol));
  }

  get paths(): PathAnalysis {
    return (this.pathsValue ??= new PathAnalysis(this.graph));
  }

  /**
   * Route combinations real walks produce (a bounded search through the engine). Only asked for
   * when the path analysis suspects a gap or an overlap, to confirm it.
   */
  get realized(): RealizedRoutes {
    return (this.realizedValue ??= realizeRoutes(this));
  }

  /** Reachable steps in file order, each with its flow. */
  *reachableSteps() {
    const reachable = this.graph.reachable().steps;
    for (const info of this.graph.steps.values()) if (reachable.has(info.step)) yield info;
  }
}
