import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RankingTable } from '@/components/assessments/ranking-table';
import { Section } from '@/components/section';
import { listAssessmentRanking } from '@/lib/data/assessments';
import { can, type Actor } from '@/lib/rules/authz';

/** How many ranked projects the leadership page (and its A4 print) lists. */
const SHOWN = 10;

/** The program's assessment ranking, its top projects, on the leadership page and its print. */
export async function AssessmentSummary({ actor, programId, programCode }: { actor: Actor; programId: number; programCode: string }) {
  if (!can(actor, 'assessment:read')) return null;
  const [{ rubric, rows }, t] = await Promise.all([listAssessmentRanking({ actor, programId }), getTranslations('assessments')]);
  if (!rubric) return null;
  return (
    <div data-testid="leadership-assessments" data-count={rows.length} className="break-inside-avoid">
      <Section title={t('leadershipHeading')}>
        <RankingTable rows={rows.slice(0, SHOWN)} links={false} />
        {rows.length > 0 && (
          <Link href={`/assessments?program=${programCode}`} className="mt-2 inline-block text-sm text-red-800 hover:underline print:hidden">
            {t('open')}
          </Link>
        )}
      </Section>
    </div>
  );
}
