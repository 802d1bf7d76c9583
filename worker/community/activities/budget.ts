/**
 * The AA budget rules (公益不是免费): participants share the costs, and the fee carries a small surplus so
 * the club lasts. All money is integer fen.
 */

export interface CostLine {
  label: string;
  amountFen: number;
}

export interface BudgetInput {
  lines: CostLine[];
  expectedParticipants: number;
  surplusRatePercent: number;
  /** Fees are rounded up to this unit; 100 fen = one yuan. */
  feeUnitFen?: number;
}

export interface Budget {
  costFen: number;
  surplusTargetFen: number;
  /** Costs plus the target surplus: what fees must bring in. */
  targetFen: number;
  /** Per-person fee, rounded up; null when nobody is expected. */
  feeFen: number | null;
  /** Fee before rounding, in fen (may be fractional), for the breakdown. */
  exactFeeFen: number | null;
  /** What the fee brings in at the expected number of participants. */
  incomeFen: number;
  /** Income minus costs at the expected number. */
  surplusFen: number;
  /** Whether fees cover costs plus the surplus target. */
  coversCostsAndSurplus: boolean;
  /** Participants needed for the fee to cover the costs alone. */
  breakEvenParticipants: number | null;
}

function assertFen(value: number, name: string) {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer number of fen`);
}

/** Rounds up to the next multiple of `unit`. */
export function roundUpTo(value: number, unit: number): number {
  return Math.ceil(value / unit - 1e-9) * unit;
}

/** fee = costs × (1 + surplus rate) ÷ expected participants, rounded up to the unit. */
export function computeBudget(input: BudgetInput): Budget {
  const unit = input.feeUnitFen ?? 100;
  for (const line of input.lines) assertFen(line.amountFen, `cost line "${line.label}"`);
  if (!Number.isInteger(input.expectedParticipants) || input.expectedParticipants < 0) {
    throw new RangeError('expected participants must be a non-negative integer');
  }
  if (!Number.isInteger(input.surplusRatePercent) || input.surplusRatePercent < 0 || input.surplusRatePercent > 100) {
    throw new RangeError('surplus rate must be a whole percentage between 0 and 100');
  }
  const costFen = input.lines.reduce((sum, l) => sum + l.amountFen, 0);
  // Integer arithmetic: costs × (100 + rate) / 100, rounded up to whole fen.
  const targetFen = Math.ceil((costFen * (100 + input.surplusRatePercent)) / 100);
  const surplusTargetFen = targetFen - costFen;
  if (input.expectedParticipants === 0) {
    return {
      costFen,
      surplusTargetFen,
      targetFen,
      feeFen: null,
      exactFeeFen: null,
      incomeFen: 0,
      surplusFen: -costFen,
      coversCostsAndSurplus: costFen === 0,
      breakEvenParticipants: null,
    };
  }
  const exactFeeFen = targetFen / input.expectedParticipants;
  const feeFen = costFen === 0 ? 0 : roundUpTo(exactFeeFen, unit);
  const incomeFen = feeFen * input.expectedParticipants;
  return {
    costFen,
    surplusTargetFen,
    targetFen,
    feeFen,
    exactFeeFen,
    incomeFen,
    surplusFen: incomeFen - costFen,
    coversCostsAndSurplus: incomeFen >= targetFen,
    breakEvenParticipants: feeFen > 0 ? Math.ceil(costFen / feeFen) : costFen === 0 ? 0 : null,
  };
}

/**
 * Why a budget cannot be approved as it stands, or null. Fees (the derived fee, or a lower one the
 * responsible person sets, e.g. 0 for a free event) must bring in costs plus the surplus target at the
 * expected turnout; otherwise an explicit, recorded exception is needed (e.g. paid from the club fund).
 */
export function approvalProblem(
  budget: Budget,
  feeFen: number,
  expectedParticipants: number,
  exceptionReason: string | null,
): 'no-participants' | 'does-not-cover' | null {
  if (exceptionReason && exceptionReason.trim().length > 0) return null;
  if (budget.costFen === 0) return null;
  if (expectedParticipants === 0) return 'no-participants';
  return feeFen * expectedParticipants >= budget.targetFen ? null : 'does-not-cover';
}

/** Formats fen as yuan with two decimals, e.g. 4329 → "43.29". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
