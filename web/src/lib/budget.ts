// The AA budget rules and the activity process, shared with the Worker so the live breakdown matches what the server approves.
export { approvalProblem, type Budget, type CostLine, computeBudget, formatYuan } from '../../../worker/community/activities/budget';
export {
  type ActivityState,
  type ActivityStep,
  checkInStates,
  editableStates,
  happenedStates,
  nextState,
  SETTLE_WITHIN_DAYS,
} from '../../../worker/community/activities/rules';
