/** A milestone's state on a given day: done, still due, or overdue (past its date and not done). Pure. */
export type MilestoneStatus = 'done' | 'due' | 'overdue';

export function milestoneStatus(m: { dueDate: Date; completedAt: Date | null }, today: Date): MilestoneStatus {
  if (m.completedAt) return 'done';
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return m.dueDate.getTime() < day ? 'overdue' : 'due';
}
