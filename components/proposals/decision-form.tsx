import { useTranslations } from 'next-intl';
import { decideProposalAction } from '@/app/actions/proposals';
import { ActionForm, Field } from '@/components/forms/action-form';
import { TextInput } from '@/components/forms/inputs';

/** Approve or reject one proposal, with a note. */
export function DecisionForm({ proposalId }: { proposalId: number }) {
  const t = useTranslations('proposals');
  return (
    <div className="grid gap-2 md:grid-cols-2">
      {(['APPROVE', 'REJECT'] as const).map((decision) => (
        <ActionForm
          key={decision}
          action={decideProposalAction}
          submitLabel={t(decision === 'APPROVE' ? 'approve' : 'reject')}
          testId={`decide-${decision.toLowerCase()}-${proposalId}`}
        >
          <input type="hidden" name="proposalId" value={proposalId} />
          <input type="hidden" name="decision" value={decision} />
          <Field name="note" label={t('note')}>
            <TextInput name="note" required />
          </Field>
        </ActionForm>
      ))}
    </div>
  );
}
