/**
 * An administrator's corrections of the record: a project's facts, an
 * institution, and the catalogue entries (indicators, technologies). Each names
 * the version the form read. Checks that need the database (a field of the
 * program, an institution that is not retired) come back from the data layer
 * as field messages too.
 */
import { z } from 'zod';
import { InstitutionKind } from '../generated/prisma/enums';
import { checkbox, idField, requiredText, text } from './fields';
import { scenariosField } from './project';

/** An id, or nothing ('' from a select's empty choice): what the record does not say (未公开). */
const optionalId = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), idField.nullable());

/** Ids chosen in a multiple select or a group of checkboxes: none, one (a string) or several; each once. */
const idList = (max: number) =>
  z.preprocess(
    (v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v),
    z
      .array(idField, { error: 'invalid' })
      .max(max, { error: 'tooMany' })
      .transform((ids) => [...new Set(ids)]),
  );

/** The lead appearing among the participants too is refused by the data layer, which judges the lists. */
export const projectEditSchema = z.object({
  projectId: idField,
  version: idField,
  name: requiredText(200),
  summary: text(2000),
  scenarios: scenariosField,
  directionId: optionalId,
  directionInferred: checkbox,
  directionNote: text(1000),
  fieldId: optionalId,
  fieldInferred: checkbox,
  fieldNote: text(1000),
  technologyIds: idList(20),
  leadId: idField,
  participantIds: idList(100),
});
export type ProjectEditInput = z.output<typeof projectEditSchema>;

export const institutionEditSchema = z.object({
  institutionId: idField,
  version: idField,
  name: requiredText(200),
  // Empty: the record does not say (未公开).
  kind: z.preprocess((v) => (v === '' ? null : v), z.enum(InstitutionKind, { error: 'invalid' }).nullable()),
  licensed: z.enum(['', 'yes', 'no'], { error: 'invalid' }).transform((v) => (v === '' ? null : v === 'yes')),
  sourceNote: text(2000),
});
export type InstitutionEditInput = z.output<typeof institutionEditSchema>;

/** An indicator's names, unit and place in the lists; its kind and aggregation rule stay as they were defined. */
export const indicatorEditSchema = z.object({
  indicatorId: idField,
  version: idField,
  nameZh: requiredText(100),
  nameEn: requiredText(100),
  unit: requiredText(20),
});
export type IndicatorEditInput = z.output<typeof indicatorEditSchema>;

export const technologyEditSchema = z.object({
  technologyId: idField,
  version: idField,
  name: requiredText(40),
  nameEn: requiredText(100),
});
export type TechnologyEditInput = z.output<typeof technologyEditSchema>;
