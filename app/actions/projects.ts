'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { addMilestone, completeMilestone } from '@/lib/data/milestones';
import { recordMetric } from '@/lib/data/metrics';
import { editProjectDetails } from '@/lib/data/project-edits';
import { submitProgressReport } from '@/lib/data/progress-reports';
import { metricRecordSchema } from '@/lib/schemas/metric';
import { milestoneAddSchema, milestoneCompleteSchema, progressReportSchema, projectDetailsSchema, stageProposalSchema } from '@/lib/schemas/project';
import { proposeStageChange } from '@/lib/data/stage-proposals';

// Institution writes on a project page. Each is a public POST: the pipeline in
// runAction checks the actor and permission, the data layer checks the project.
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
    revalidate: PAGES,
  });
}

export async function addMilestoneAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'milestone:write',
    schema: milestoneAddSchema,
    input,
    write: (actor, data) => addMilestone({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function completeMilestoneAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'milestone:write',
    schema: milestoneCompleteSchema,
    input,
    write: (actor, data) => completeMilestone({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function recordMetricAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'metric:record',
    schema: metricRecordSchema,
    input,
    write: (actor, data) => recordMetric({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function submitProgressReportAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:edit',
    schema: progressReportSchema,
    input,
    write: (actor, data) => submitProgressReport({ actor, input: data }),
    revalidate: PAGES,
  });
}
