import 'server-only';
/**
 * A project's correctable facts as the administrator's edit reads and writes
 * them, and how a change of them reads in the history: names, not ids, so the
 * old value stays readable in the audit entry's before snapshot.
 */
import type { InstitutionRole } from '../generated/prisma/enums';
import { changedFields, PROJECT_FIELDS, type InferenceLabel, type ProjectField } from '../rules/provenance';
import type { Tx } from './audit';

export async function projectFacts(tx: Tx, id: number) {
  const p = await tx.project.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      code: true,
      name: true,
      summary: true,
      scenarios: true,
      programId: true,
      directionId: true,
      directionInferred: true,
      directionNote: true,
      fieldId: true,
      fieldInferred: true,
      fieldNote: true,
      editedFields: true,
      version: true,
      retiredAt: true,
      technologies: { select: { technologyId: true } },
      institutions: { select: { institutionId: true, role: true } },
    },
  });
  return {
    ...p,
    directionLabel: { inferred: p.directionInferred, note: p.directionNote },
    fieldLabel: { inferred: p.fieldInferred, note: p.fieldNote },
    technologyIds: p.technologies.map((t) => t.technologyId),
    members: p.institutions,
  };
}

export type ProjectFacts = Awaited<ReturnType<typeof projectFacts>>;

type Member = { institutionId: number; role: InstitutionRole };
export type NextFacts = {
  name: string;
  summary: string;
  scenarios: string[];
  directionId: number | null;
  directionLabel: InferenceLabel;
  fieldId: number | null;
  fieldLabel: InferenceLabel;
  technologyIds: number[];
  members: Member[];
};

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const memberKey = (members: Member[]) => members.map((m) => `${m.institutionId}:${m.role}`).sort();

/**
 * The fields that change, each as it reads before and after (a direction or
 * field with its code, name and inference note; technologies and institutions
 * by name, institutions with their role). Only changed fields appear.
 */
export async function readableFacts(tx: Tx, project: ProjectFacts, next: NextFacts): Promise<[Record<string, unknown>, Record<string, unknown>]> {
  const current: NextFacts = { ...project, members: project.members };
  const comparable = (f: NextFacts) => ({
    name: f.name,
    summary: f.summary,
    scenarios: f.scenarios,
    direction: [f.directionId, f.directionLabel.inferred, f.directionLabel.note],
    field: [f.fieldId, f.fieldLabel.inferred, f.fieldLabel.note],
    technologies: [...f.technologyIds].sort((a, b) => a - b),
    institutions: memberKey(f.members),
  });
  const changed = changedFields<ProjectField>(PROJECT_FIELDS, comparable(current), comparable(next));
  if (!changed.length) return [{}, {}];

  const both = (pick: (f: NextFacts) => (number | null)[]) => [...pick(current), ...pick(next)].filter((id): id is number => id !== null);
  const [directions, fields, technologies, institutions] = await Promise.all([
    tx.direction.findMany({ where: { id: { in: both((f) => [f.directionId]) } }, select: { id: true, code: true, name: true } }),
    tx.field.findMany({ where: { id: { in: both((f) => [f.fieldId]) } }, select: { id: true, code: true, name: true } }),
    tx.technology.findMany({ where: { id: { in: both((f) => f.technologyIds) } }, select: { id: true, name: true } }),
    tx.institution.findMany({ where: { id: { in: both((f) => f.members.map((m) => m.institutionId)) } }, select: { id: true, name: true } }),
  ]);
  const [d, fi, t, i] = [byId(directions), byId(fields), byId(technologies), byId(institutions)];
  // The history is read in the portal's first language, as the record itself is.
  const placed = (named: { code: string; name: string } | undefined, label: InferenceLabel) =>
    named ? `${named.code} ${named.name}${label.inferred ? `（推断：${label.note ?? ''}）` : ''}` : '未公开';
  const readable = (f: NextFacts): Record<ProjectField, unknown> => ({
    name: f.name,
    summary: f.summary,
    scenarios: f.scenarios,
    direction: placed(f.directionId ? d.get(f.directionId) : undefined, f.directionLabel),
    field: placed(f.fieldId ? fi.get(f.fieldId) : undefined, f.fieldLabel),
    technologies: f.technologyIds.map((id) => t.get(id)?.name ?? String(id)),
    institutions: f.members.map((m) => `${i.get(m.institutionId)?.name ?? m.institutionId}（${m.role === 'LEAD' ? '牵头' : '参与'}）`),
  });
  const [before, after] = [readable(current), readable(next)];
  return [Object.fromEntries(changed.map((k) => [k, before[k]])), Object.fromEntries(changed.map((k) => [k, after[k]]))];
}

/**
 * The project's institutions as `members` says: those left out are removed,
 * new ones added, and a changed role is the administrator's (no longer inferred).
 */
export async function writeMemberships(tx: Tx, project: ProjectFacts, members: Member[]) {
  const wanted = new Map(members.map((m) => [m.institutionId, m.role]));
  const current = new Map(project.members.map((m) => [m.institutionId, m.role]));
  await tx.projectInstitution.deleteMany({ where: { projectId: project.id, institutionId: { notIn: [...wanted.keys()] } } });
  for (const [institutionId, role] of wanted) {
    if (!current.has(institutionId)) await tx.projectInstitution.create({ data: { projectId: project.id, institutionId, role } });
    else if (current.get(institutionId) !== role) {
      await tx.projectInstitution.update({
        where: { projectId_institutionId: { projectId: project.id, institutionId } },
        data: { role, roleInferred: false, roleNote: null },
      });
    }
  }
}
