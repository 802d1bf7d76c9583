import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { TenantDb } from '../../db/client';
import type { ProgramFigure } from './rules';

// Kept apart from figures.ts, which imports every source: the sources import these helpers without a cycle.

/** A source's reads for some months, to run in whatever batch the page runs, and how its rows become figures. */
export interface FigureReads {
  statements: BatchItem<'sqlite'>[];
  figures(results: readonly unknown[]): ProgramFigure[];
}

/** Ties a source's statements to the function that reads their rows, keeping the rows' types. */
export function figureReads<T extends [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]>(
  statements: T,
  figures: (results: BatchResponse<T>) => ProgramFigure[],
): FigureReads {
  // The page hands back exactly these statements' results, in order.
  return { statements, figures: (results) => figures(results as BatchResponse<T>) };
}

/** No reads at all (e.g. for no months). */
export const noFigureReads: FigureReads = { statements: [], figures: () => [] };

/** Runs reads on their own, in one batch (a tool's own figures page). */
export async function runFigureReads(db: TenantDb, reads: FigureReads): Promise<ProgramFigure[]> {
  const [first, ...rest] = reads.statements;
  if (!first) return reads.figures([]);
  return reads.figures(await db.batch([first, ...rest]));
}
