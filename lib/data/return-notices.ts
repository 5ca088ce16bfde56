import 'server-only';
import { calendarNotice, noticePeriods } from '../rules/notifications';
import { dueDate, owesWhere } from '../rules/returns';
import { todayInBeijing } from '../rules/time';
import { db } from '../server/db';
import { notifyReturnCalendar } from './notices';

/**
 * The queue's periodic job: for every schedule in force, every period whose
 * due date is near or just past, and every project that owes its return
 * (lib/rules/returns.ts owesWhere), raises RETURN_DUE seven days before the
 * due date and RETURN_OVERDUE once it has passed with nothing filed. Nothing
 * is stored but the notices: the state is computed from the schedule and the
 * returns, and each notice's key makes a second run (or a second instance)
 * write nothing. Answers how many notices were new.
 */
export async function raiseCalendarNotices(options: { today?: Date } = {}): Promise<{ raised: number }> {
  const today = options.today ?? todayInBeijing();
  const schedules = await db.returnSchedule.findMany({
    where: { retiredAt: null, template: { retiredAt: null } },
    select: {
      id: true,
      frequency: true,
      dueDays: true,
      startsOn: true,
      endsOn: true,
      stageCodes: true,
      templateId: true,
      template: { select: { name: true, nameEn: true, programId: true } },
    },
    orderBy: { id: 'asc' },
  });
  let raised = 0;
  for (const schedule of schedules) {
    for (const period of noticePeriods(schedule, today)) {
      const projects = await db.project.findMany({
        where: owesWhere({ programId: schedule.template.programId, stageCodes: schedule.stageCodes }, period),
        select: {
          id: true,
          code: true,
          name: true,
          returns: { where: { templateId: schedule.templateId, period: period.key }, select: { status: true, firstSubmittedAt: true } },
        },
        orderBy: { id: 'asc' },
      });
      for (const project of projects) {
        const kind = calendarNotice(period, schedule.dueDays, project.returns[0] ?? null, today);
        if (!kind) continue;
        raised += await db.$transaction((tx) =>
          notifyReturnCalendar(tx, {
            kind,
            scheduleId: schedule.id,
            project,
            template: schedule.template,
            period: period.key,
            due: dueDate(period, schedule.dueDays),
          }),
        );
      }
    }
  }
  return { raised };
}
