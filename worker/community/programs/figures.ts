import type { TenantDb } from '../../db/client';
import { type FigureReads, runFigureReads } from './figure-reads';
import { courseFigures } from '../courses/figures';
import { kidsTroupeFigures, littleArchitectsFigures } from '../children/figures';
import { careFigures } from '../care/figures';
import { libraryFigures } from '../library/figures';
import { needsFigures } from '../needs/figures';
import { partnershipFigures } from '../partnerships/figures';
import { shopFigures } from '../shop/figures';
import type { ProgramFigure } from './rules';

export type { ProgramFigure } from './rules';
export { type FigureReads, figureReads, noFigureReads, runFigureReads } from './figure-reads';

/**
 * Figures a program's own tool adds to its page (loans for the library, sales for the shop…). A tool registers
 * its source in `figureSources`; the page shows them after the figures every program has, read in the page's own
 * batch, so a tool adds no round trip to the database.
 */
export interface ProgramFigureSource {
  programKey: string;
  /** The reads for `months` (YYYY-MM on the community's calendar, `timeZone`). */
  reads(db: TenantDb, months: string[], timeZone: string): FigureReads;
}

/** The registered sources, in the order their figures are shown: each program's tools. */
export const figureSources: readonly ProgramFigureSource[] = [
  libraryFigures,
  shopFigures,
  needsFigures,
  courseFigures,
  kidsTroupeFigures,
  littleArchitectsFigures,
  careFigures,
  partnershipFigures,
];

/** The reads of every source registered for the program, as one: their statements in order, their figures in order. */
export function toolFigureReads(
  db: TenantDb,
  programKey: string,
  months: string[],
  timeZone: string,
  sources: readonly ProgramFigureSource[] = figureSources,
): FigureReads {
  const reads = sources.filter((s) => s.programKey === programKey).map((s) => s.reads(db, months, timeZone));
  return {
    statements: reads.flatMap((r) => r.statements),
    figures(results) {
      let at = 0;
      return reads.flatMap((r) => {
        const mine = results.slice(at, at + r.statements.length);
        at += r.statements.length;
        return r.figures(mine);
      });
    },
  };
}

/** The figures the program's tools add, in the order the sources are registered, in one batch. */
export function toolFigures(
  db: TenantDb,
  programKey: string,
  months: string[],
  timeZone: string,
  sources: readonly ProgramFigureSource[] = figureSources,
): Promise<ProgramFigure[]> {
  return runFigureReads(db, toolFigureReads(db, programKey, months, timeZone, sources));
}
