import 'server-only';
/** The /risk board's read model: headline counts, the open warnings' breakdown, the lists, and what the reader's forms offer. */
import { can, incidentReportScope, programReadScope, projectReadScope, type Actor } from '../rules/authz';
import { db } from '../server/db';
import { listIncidents } from './incidents';
import { listWarnings, openWarningBreakdown } from './warnings';

/** Open warnings and open incidents on the projects the actor may read (also the leadership summary's figures). */
export async function countOpenRisk(options: { actor: Actor }) {
  const scope = { AND: [projectReadScope(options.actor), { retiredAt: null }] };
  const [warningsOpen, incidentsOpen] = await Promise.all([
    db.warning.count({ where: { status: { not: 'CLOSED' }, project: scope } }),
    db.incident.count({ where: { status: { not: 'CLOSED' }, project: scope } }),
  ]);
  return { warningsOpen, incidentsOpen };
}

export async function getRiskBoard(options: { actor: Actor }) {
  const { actor } = options;
  const [counts, breakdown, warnings, incidents, reportable, programs, indicators] = await Promise.all([
    countOpenRisk({ actor }),
    openWarningBreakdown({ actor }),
    listWarnings({ actor, openOnly: true }),
    listIncidents({ actor, take: 100 }),
    can(actor, 'incident:report')
      ? db.project.findMany({ where: incidentReportScope(actor), orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } })
      : [],
    can(actor, 'monitoring:manage')
      ? db.program.findMany({
          where: { AND: [programReadScope(actor), { isSynthetic: false }] },
          orderBy: { id: 'asc' },
          select: { id: true, name: true, nameEn: true },
        })
      : [],
    can(actor, 'monitoring:manage')
      ? db.indicator.findMany({ where: { retiredAt: null }, orderBy: { sortOrder: 'asc' }, select: { id: true, nameZh: true, nameEn: true } })
      : [],
  ]);
  return {
    ...counts,
    breakdown,
    warnings,
    incidents,
    reportable,
    programs,
    indicators: indicators.map((i) => ({ id: i.id, name: i.nameZh, nameEn: i.nameEn })),
  };
}
