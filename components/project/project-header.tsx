import { useLocale, useTranslations } from 'next-intl';
import { InferredBadge, PlaceholderBadge, StageBadge, Undisclosed } from '@/components/badges';
import { EditedBadge, RetiredBadge } from '@/components/retired';
import type { ProjectDetail } from '@/lib/data/projects';

/**
 * A project's name, stage, direction and field. What the record does not say
 * reads 「未公开」; what the portal inferred carries a label, and the notes under
 * the header say what was inferred and from what.
 */
export function ProjectHeader({ project }: { project: ProjectDetail }) {
  const t = useTranslations('project');
  const zh = useLocale() === 'zh';
  const notes = [
    project.directionInferred ? project.directionNote : null,
    project.fieldInferred ? project.fieldNote : null,
    project.stageInferred ? project.stageNote : null,
  ].filter((n): n is string => Boolean(n));
  return (
    <header className="space-y-2">
      <p className="font-mono text-xs text-slate-500">{project.code}</p>
      <h1 className="text-2xl font-semibold">
        {project.name}
        {project.isPlaceholder && <PlaceholderBadge />}
        {project.retiredAt && <RetiredBadge />}
        <EditedBadge edited={project.editedFields} field="name" />
      </h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm text-slate-700">
        <div className="contents">
          <dt className="text-slate-500">{t('stage')}</dt>
          <dd data-testid="project-stage">
            <StageBadge stage={project.stage} />
            {project.stageInferred && <InferredBadge note={project.stageNote} />}
          </dd>
        </div>
        <div className="contents">
          <dt className="text-slate-500">{(zh ? project.program.directionLabel : project.program.directionLabelEn) ?? t('direction')}</dt>
          <dd data-testid="project-direction">
            {project.direction ? `${project.direction.code} ${zh ? project.direction.name : project.direction.nameEn}` : <Undisclosed />}
            {project.directionInferred && <InferredBadge note={project.directionNote} />}
            <EditedBadge edited={project.editedFields} field="direction" />
          </dd>
        </div>
        <div className="contents">
          <dt className="text-slate-500">{t('field')}</dt>
          <dd data-testid="project-field">
            {project.field ? zh ? project.field.name : project.field.nameEn : <Undisclosed />}
            {project.fieldInferred && <InferredBadge note={project.fieldNote} />}
            <EditedBadge edited={project.editedFields} field="field" />
          </dd>
        </div>
      </dl>
      {notes.length > 0 && (
        <ul className="space-y-0.5 border-l-2 border-slate-300 pl-2 text-xs text-slate-600" data-testid="inference-notes">
          {notes.map((n) => (
            <li key={n}>
              <span className="font-medium">{t('inferredNote')}</span> {n}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
