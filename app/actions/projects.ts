'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import {
  addMilestone,
  completeMilestone,
  editMilestone,
  milestoneAddProblems,
  milestoneCompleteProblems,
  milestoneEditProblems,
  setMilestoneRetired,
} from '@/lib/data/milestones';
import { metricProblems, recordMetric } from '@/lib/data/metrics';
import { editProjectDetails } from '@/lib/data/project-edits';
import {
  editProgressReport,
  progressReportEditProblems,
  progressReportProblems,
  setProgressReportRetired,
  submitProgressReport,
} from '@/lib/data/progress-reports';
import { acceptedFields } from '@/lib/schemas/fields';
import { metricRecordSchema } from '@/lib/schemas/metric';
import {
  milestoneAddSchema,
  milestoneCompleteSchema,
  milestoneEditSchema,
  progressReportEditSchema,
  progressReportSchema,
  projectDetailsSchema,
  stageProposalSchema,
} from '@/lib/schemas/project';
import { milestoneRetireSchema, progressReportRetireSchema } from '@/lib/schemas/retire';
import { editStatement } from '@/lib/data/dossiers';
import { statementSchema } from '@/lib/schemas/statement';
import { proposeStageChange, stageProposalProblems } from '@/lib/data/stage-proposals';

// Institution writes on a project page. Each is a public POST: the pipeline in
// runAction checks the actor and permission, the data layer checks the project.
// When the schema refuses a field, `checkRest` has the data layer judge the
// fields it accepted, so the form lists every problem in one answer.
const PAGES = ['/', '/projects/[code]', '/proposals', '/audit'];

export async function editProjectDetailsAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:edit',
    schema: projectDetailsSchema,
    input,
    write: (actor, data) => editProjectDetails({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function proposeStageAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'stage:propose',
    schema: stageProposalSchema,
    input,
    write: (actor, data) => proposeStageChange({ actor, input: data }),
    checkRest: (actor, raw) => stageProposalProblems({ actor, input: acceptedFields(stageProposalSchema, raw) }),
    revalidate: PAGES,
  });
}

export async function addMilestoneAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'milestone:write',
    schema: milestoneAddSchema,
    input,
    write: (actor, data) => addMilestone({ actor, input: data }),
    checkRest: (actor, raw) => milestoneAddProblems({ actor, input: acceptedFields(milestoneAddSchema, raw) }),
    revalidate: PAGES,
  });
}

export async function completeMilestoneAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'milestone:write',
    schema: milestoneCompleteSchema,
    input,
    write: (actor, data) => completeMilestone({ actor, input: data }),
    checkRest: (actor, raw) => milestoneCompleteProblems({ actor, input: acceptedFields(milestoneCompleteSchema, raw) }),
    revalidate: PAGES,
  });
}

export async function recordMetricAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'metric:record',
    schema: metricRecordSchema,
    input,
    write: (actor, data) => recordMetric({ actor, input: data }),
    checkRest: (actor, raw) => metricProblems({ actor, input: acceptedFields(metricRecordSchema, raw) }),
    revalidate: PAGES,
  });
}

export async function submitProgressReportAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:edit',
    schema: progressReportSchema,
    input,
    write: (actor, data) => submitProgressReport({ actor, input: data }),
    checkRest: (actor, raw) => progressReportProblems({ actor, input: acceptedFields(progressReportSchema, raw) }),
    revalidate: PAGES,
  });
}

export async function editStatementAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:edit',
    schema: statementSchema,
    input,
    write: (actor, data) => editStatement({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function editMilestoneAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'milestone:write',
    schema: milestoneEditSchema,
    input,
    write: (actor, data) => editMilestone({ actor, input: data }),
    checkRest: (actor, raw) => milestoneEditProblems({ actor, input: acceptedFields(milestoneEditSchema, raw) }),
    revalidate: PAGES,
  });
}

export async function setMilestoneRetiredAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'milestone:write',
    schema: milestoneRetireSchema,
    input,
    write: (actor, data) => setMilestoneRetired({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function editProgressReportAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:edit',
    schema: progressReportEditSchema,
    input,
    write: (actor, data) => editProgressReport({ actor, input: data }),
    checkRest: (actor, raw) => progressReportEditProblems({ actor, input: acceptedFields(progressReportEditSchema, raw) }),
    revalidate: PAGES,
  });
}

export async function setProgressReportRetiredAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:edit',
    schema: progressReportRetireSchema,
    input,
    write: (actor, data) => setProgressReportRetired({ actor, input: data }),
    revalidate: PAGES,
  });
}
