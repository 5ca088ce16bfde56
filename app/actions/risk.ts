'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { decideIncident, reportIncident, stepIncident } from '@/lib/data/incidents';
import { createRule, handleWarning } from '@/lib/data/warnings';
import { incidentDecisionSchema, incidentReportSchema, incidentStepSchema, ruleSchema, warningHandleSchema } from '@/lib/schemas/risk';

const PAGES = ['/risk', '/projects/[code]', '/audit'];

/** An institution reports an incident on a project it leads; a regulator records one on any project it reads. */
export async function reportIncidentAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'incident:report',
    schema: incidentReportSchema,
    input,
    write: (actor, data) => reportIncident({ actor, input: data }),
    revalidate: PAGES,
  });
}

/** The lead institution takes an incident up or resolves it. */
export async function stepIncidentAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'incident:handle',
    schema: incidentStepSchema,
    input,
    write: (actor, data) => stepIncident({ actor, input: data }),
    revalidate: PAGES,
  });
}

/** A regulator signs a resolved incident off or sends it back. */
export async function decideIncidentAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'incident:decide',
    schema: incidentDecisionSchema,
    input,
    write: (actor, data) => decideIncident({ actor, input: data }),
    revalidate: PAGES,
  });
}

/** A regulator adds a monitoring rule to a program. */
export async function createRuleAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'monitoring:manage',
    schema: ruleSchema,
    input,
    write: (actor, data) => createRule({ actor, input: data }),
    revalidate: PAGES,
  });
}

/** A regulator acknowledges or closes a warning. */
export async function handleWarningAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'monitoring:manage',
    schema: warningHandleSchema,
    input,
    write: (actor, data) => handleWarning({ actor, input: data }),
    revalidate: PAGES,
  });
}
