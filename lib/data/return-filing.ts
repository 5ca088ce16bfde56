import 'server-only';
/**
 * The lead institution's writes on a return: the draft saved while typing, and
 * the submission (the first, or again after the regulator sent it back). Both
 * pass the answers schema built from the template version the return is filed
 * on; a draft may be incomplete, a submission must be whole. Each names the
 * version it read (0 before any draft exists): a concurrent save gets CONFLICT.
 */
import { z } from 'zod';
import { can, type Actor } from '../rules/authz';
import { answerErrors } from '../rules/return-answers';
import { parseReturnPeriod, schedulePeriods } from '../rules/returns';
import { todayInBeijing } from '../rules/time';
import { returnAnswersSchema, type ReturnFilingInput } from '../schemas/returns';
import { db } from '../server/db';
import { AppError, ConflictError, InputError, isUniqueViolation } from '../server/errors';
import { snapshot, writeAudit, type Tx } from './audit';
import { findEditableProject } from './project-edits';
import { latestTemplateVersion, projectOwes, sectionsOf } from './returns';
import { checkReturnValues } from './return-values';

/** The schedule of the project's program, in force, that owes this period; NOT_FOUND for another program's schedule. */
async function findOwedSchedule(tx: Tx, project: { id: number; programId: number }, input: ReturnFilingInput) {
  const schedule = await tx.returnSchedule.findFirst({
    where: { id: input.scheduleId, retiredAt: null, template: { programId: project.programId, retiredAt: null } },
    select: { id: true, frequency: true, dueDays: true, startsOn: true, endsOn: true, stageCodes: true, template: { select: { id: true, programId: true } } },
  });
  if (!schedule) throw new AppError('NOT_FOUND');
  const period = parseReturnPeriod(input.period);
  const today = todayInBeijing();
  const inCalendar = period && period.frequency === schedule.frequency && schedulePeriods(schedule, today, { current: true }).some((p) => p.key === period.key);
  if (!period || !inCalendar || !(await projectOwes(tx, project.id, schedule, period))) throw new InputError({ period: ['periodNotOwed'] });
  return { schedule, period, today };
}

/** What is stored now, for a form that read an older version. */
const conflict = (stored: { status: string; version: number } | null) =>
  new ConflictError(snapshot({ returnStatus: stored?.status ?? null, version: stored?.version ?? 0 }));

/** The answers as the template's answers schema reads them, or its problems as field messages. */
function answerProblems(schema: z.ZodType, answers: unknown) {
  const parsed = schema.safeParse(answers);
  return parsed.success ? { data: parsed.data as Record<string, unknown>, errors: {} } : { data: null, errors: answerErrors(parsed.error.issues) };
}

async function file(actor: Actor, input: ReturnFilingInput, submit: boolean): Promise<{ version: number }> {
  if (!can(actor, 'return:file')) throw new AppError('FORBIDDEN');
  try {
    return await db.$transaction(async (tx) => {
      const project = await findEditableProject(tx, actor, input.projectId);
      const { schedule, period, today } = await findOwedSchedule(tx, project, input);
      const stored = await tx.return.findUnique({
        where: { projectId_templateId_period: { projectId: project.id, templateId: schedule.template.id, period: period.key } },
        select: { id: true, status: true, version: true, firstSubmittedAt: true, templateVersion: { select: { id: true, sections: true } } },
      });
      // A submitted return waits for its review; an accepted one is frozen.
      if ((stored?.version ?? 0) !== input.version || stored?.status === 'SUBMITTED' || stored?.status === 'ACCEPTED') throw conflict(stored);
      const templateVersion = stored?.templateVersion ?? (await latestTemplateVersion(tx, schedule.template.id));
      if (!templateVersion) throw new AppError('NOT_FOUND');
      const sections = sectionsOf(templateVersion.sections);
      const { data, errors } = answerProblems(returnAnswersSchema(sections, { draft: !submit }), input.answers);
      if (!data) throw new InputError(errors);
      if (submit && period.to >= today) throw new InputError({ period: ['periodNotEnded'] });
      if (submit) {
        const values = await checkReturnValues(tx, project, sections, data, period);
        if (Object.keys(values.errors).length) throw new InputError(values.errors);
      }
      const answers = data as Record<string, NonNullable<unknown>>;
      const status = submit ? 'SUBMITTED' : (stored?.status ?? 'DRAFT');
      let id: number;
      if (!stored) {
        id = (
          await tx.return.create({
            data: {
              projectId: project.id,
              templateId: schedule.template.id,
              scheduleId: schedule.id,
              period: period.key,
              templateVersionId: templateVersion.id,
              answers,
              status,
            },
            select: { id: true },
          })
        ).id;
      } else {
        id = stored.id;
        const { count } = await tx.return.updateMany({ where: { id, version: input.version }, data: { answers, status, version: { increment: 1 } } });
        if (count === 0) throw conflict(await tx.return.findUnique({ where: { id }, select: { status: true, version: true } }));
      }
      const version = (stored?.version ?? 0) + 1;
      if (!submit) return { version };
      const number = (await tx.returnSubmission.count({ where: { returnId: id } })) + 1;
      await tx.returnSubmission.create({ data: { returnId: id, number, answers, submittedById: actor.userId } });
      if (!stored?.firstSubmittedAt) await tx.return.update({ where: { id }, data: { firstSubmittedAt: new Date() } });
      await writeAudit(tx, {
        actor,
        action: 'RETURN_SUBMIT',
        entityType: 'Return',
        entityId: id,
        projectId: project.id,
        before: snapshot({ period: period.key, returnStatus: stored?.status ?? 'DRAFT' }),
        after: snapshot({ period: period.key, returnStatus: 'SUBMITTED', submission: number }),
      });
      return { version };
    });
  } catch (err) {
    // Two first saves at once: the loser hits the unique key and reads what the winner stored.
    if (isUniqueViolation(err)) throw conflict(null);
    throw err;
  }
}

/** Saves the lead institution's draft (incomplete answers allowed, malformed ones not). Not audited: a draft is not a filing; its submission is. */
export const saveReturnDraft = (options: { actor: Actor; input: ReturnFilingInput }) => file(options.actor, options.input, false);

/** Submits the return: complete answers, values that keep the metric rules; it then waits for the regulator's review. */
export const submitReturn = (options: { actor: Actor; input: ReturnFilingInput }) => file(options.actor, options.input, true);
