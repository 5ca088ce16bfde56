/**
 * Placeholders fill what the record does not name, so that the program's totals
 * equal its published figures. Every one is labelled as such in its name, has
 * `isPlaceholder: true`, and carries no outcome figures: nothing here is real.
 * A placeholder has no direction and no field (the record does not say), and
 * its stage is derived from the published totals minus the named projects:
 * true of the undisclosed projects as a group, not a fact about any one.
 */
import { program, projects as sourcedProjects, institutions as sourcedInstitutions, type PilotStage } from './beijing-pilot';

const pad = (n: number) => String(n).padStart(2, '0');
export const placeholderProjectName = (n: number) => `未公开试点项目 ${pad(n)}`;
export const placeholderInstitutionName = (n: number) => `未公开参与机构 ${pad(n)}`;

export type PlaceholderProject = {
  code: string;
  name: string;
  stage: PilotStage;
  /** How the stage was derived, for the project's page. */
  stageNote: string;
  lead: string;
  participants: string[];
};

function count(stage: PilotStage) {
  return sourcedProjects.filter((p) => p.stage === stage).length;
}

/** Placeholder projects and institutions, derived from the published totals. */
export function placeholderPlan() {
  const { PROJECTS, INSTITUTIONS, ONLINE, PROMOTION } = program.published;
  const firstProject = sourcedProjects.length + 1;
  const firstInstitution = sourcedInstitutions.length + 1;
  const institutionNames = Array.from({ length: INSTITUTIONS - sourcedInstitutions.length }, (_, i) => placeholderInstitutionName(firstInstitution + i));

  // ONLINE in the published sense counts every project online or further; PROMOTION is part of it.
  const promotion = PROMOTION - count('PROMOTION');
  const onlineOnly = ONLINE - PROMOTION - count('ONLINE');
  const total = PROJECTS - sourcedProjects.length;
  const approvedOnly = total - promotion - onlineOnly;
  const stages: PilotStage[] = [
    ...Array<PilotStage>(promotion).fill('PROMOTION'),
    ...Array<PilotStage>(onlineOnly).fill('ONLINE'),
    ...Array<PilotStage>(approvedOnly).fill('APPROVED'),
  ];
  const stageNote =
    `占位：阶段由公开总数推得（未公开的 ${total} 个项目中，${promotion} 个进入应用推广期、` +
    `${onlineOnly} 个仅上线运行、${approvedOnly} 个尚未上线），并非该项目的记录。`;

  const projects: PlaceholderProject[] = stages.map((stage, i) => ({
    code: `BJFT-${pad(firstProject + i)}`,
    name: placeholderProjectName(firstProject + i),
    stage,
    stageNote,
    lead: institutionNames[i],
    participants: [],
  }));

  // The article says BJFT-08 is run by two named institutions "and others": two unnamed ones join it.
  const spare = institutionNames.slice(projects.length);
  const othersOf08 = spare.splice(0, 2);
  spare.forEach((name, i) => projects[i % projects.length].participants.push(name));

  return { projects, institutionNames, participantsOf: { 'BJFT-08': othersOf08 } };
}
