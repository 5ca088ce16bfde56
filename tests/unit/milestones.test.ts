import { describe, expect, it } from 'vitest';
import { milestoneStatus } from '@/lib/data/milestones';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('milestoneStatus', () => {
  it('is done once completed, whatever the dates', () => {
    expect(milestoneStatus({ dueDate: d('2020-01-01'), completedAt: d('2020-03-01') }, d('2024-01-01'))).toBe('done');
  });
  it('is due up to and including its due date', () => {
    expect(milestoneStatus({ dueDate: d('2024-01-01'), completedAt: null }, new Date('2024-01-01T23:59:00Z'))).toBe('due');
  });
  it('is overdue from the day after', () => {
    expect(milestoneStatus({ dueDate: d('2024-01-01'), completedAt: null }, d('2024-01-02'))).toBe('overdue');
  });
});
