'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { proposalDecisionSchema } from '@/lib/schemas/project';
import { decideProposal } from '@/lib/data/stage-proposals';

/** A regulator approves or rejects a stage proposal, with a note. */
export async function decideProposalAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'stage:decide',
    schema: proposalDecisionSchema,
    input,
    write: (actor, data) => decideProposal({ actor, input: data }),
    revalidate: ['/', '/projects/[code]', '/proposals', '/audit'],
  });
}
