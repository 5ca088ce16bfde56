import 'server-only';
/** The /risk board's read model: headline counts, the open warnings' breakdown, the lists, and what the reader's forms offer. */
import { can, incidentReportScope, programReadScope, projectReadScope, type Actor } from '../rules/authz';
import type { Severity } from '../generated/prisma/enums';
import { SEVERITIES } from '../rules/monitoring';
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

/** Open warnings (by their rule's severity) and open incidents by severity, on the projects the actor may read (of one program, when named): the leadership summary's risk figures. */
export async function openRiskBySeverity(options: { actor: Actor; programId?: number }) {
  const scope = { AND: [projectReadScope(options.actor), { retiredAt: null, programId: options.programId }] };
  const [warnings, incidents] = await Promise.all([
    db.warning.findMany({ where: { status: { not: 'CLOSED' }, project: scope }, select: { rule: { select: { severity: true } } } }),
    db.incident.groupBy({ by: ['severity'], where: { status: { not: 'CLOSED' }, project: scope }, _count: { _all: true } }),
  ]);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, { warnings: 0, incidents: 0 }])) as Record<Severity, { warnings: number; incidents: number }>;
  for (const w of warnings) bySeverity[w.rule.severity].warnings += 1;
  for (const i of incidents) bySeverity[i.severity].incidents = i._count._all;
  return bySeverity;
}
