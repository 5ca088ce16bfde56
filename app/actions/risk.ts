'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { decideIncident, reportIncident, stepIncident } from '@/lib/data/incidents';
import { saveIncidentDeadlines } from '@/lib/data/incident-deadlines';
import { setRuleActive, updateRule } from '@/lib/data/rules';
import { createRule, handleWarning } from '@/lib/data/warnings';
import {
  incidentDeadlinesSchema,
  incidentDecisionSchema,
  incidentReportSchema,
  incidentStepSchema,
  ruleActiveSchema,
  ruleEditSchema,
  ruleSchema,
  warningHandleSchema,
} from '@/lib/schemas/risk';

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

/** A regulator changes a rule's terms (at the version it read). */
export async function updateRuleAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'monitoring:manage',
    schema: ruleEditSchema,
    input,
    write: (actor, data) => updateRule({ actor, input: data }),
    revalidate: PAGES,
  });
}

/** A regulator disables or enables a rule. */
export async function setRuleActiveAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'monitoring:manage',
    schema: ruleActiveSchema,
    input,
    write: (actor, data) => setRuleActive({ actor, input: data }),
    revalidate: PAGES,
  });
}

/** A regulator sets a program's incident report deadlines, hours per severity. */
export async function saveIncidentDeadlinesAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'monitoring:manage',
    schema: incidentDeadlinesSchema,
    input,
    write: (actor, data) => saveIncidentDeadlines({ actor, input: data }),
    revalidate: PAGES,
  });
}
