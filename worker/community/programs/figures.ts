import type { TenantDb } from '../../db/client';
import { libraryFigures } from '../library/figures';
import { needsFigures } from '../needs/figures';
import { partnershipFigures } from '../partnerships/figures';
import { shopFigures } from '../shop/figures';
import type { ProgramFigure } from './rules';

export type { ProgramFigure } from './rules';

/**
 * Figures a program's own tool adds to its page (loans for the library, sales for the shop…). A tool registers
 * its source in `figureSources`; the page shows them after the figures every program has.
 */
export interface ProgramFigureSource {
  programKey: string;
  /** One value per month in `months` (YYYY-MM on the community's calendar, `timeZone`); keep it to one D1 batch. */
  figures(db: TenantDb, months: string[], timeZone: string): Promise<ProgramFigure[]>;
}

/** The registered sources: 明志书屋's loans, 彩虹屋's donations and sales, the needs register's needs, the partnerships
 * with other communities. */
export const figureSources: readonly ProgramFigureSource[] = [libraryFigures, shopFigures, needsFigures, partnershipFigures];

/** The figures the program's tools add, in the order the sources are registered. */
export async function toolFigures(
  db: TenantDb,
  programKey: string,
  months: string[],
  timeZone: string,
  sources: readonly ProgramFigureSource[] = figureSources,
): Promise<ProgramFigure[]> {
  const mine = sources.filter((s) => s.programKey === programKey);
  const results = await Promise.all(mine.map((s) => s.figures(db, months, timeZone)));
  return results.flat();
}
