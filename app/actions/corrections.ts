'use server';

import { RECORD_PAGES, runAction, type ActionResult } from '@/lib/server/actions';
import { editIndicator, editTechnology, setIndicatorRetired, setTechnologyRetired } from '@/lib/data/catalogues';
import { editInstitution, setInstitutionRetired } from '@/lib/data/institution-admin';
import { editProject, projectEditProblems, setProjectRetired } from '@/lib/data/project-admin';
import { indicatorEditSchema, institutionEditSchema, projectEditSchema, technologyEditSchema } from '@/lib/schemas/corrections';
import { indicatorRetireSchema, institutionRetireSchema, projectRetireSchema, technologyRetireSchema } from '@/lib/schemas/retire';

// Administrators' corrections of the record, and retiring and restoring what
// was loaded by mistake. Each is a public POST through runAction.
// A correction or a retirement can change every count and list.
const PAGES = [...RECORD_PAGES, '/admin/catalogues'];

export async function editProjectAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:manage',
    schema: projectEditSchema,
    input,
    write: (actor, data) => editProject({ actor, input: data }),
    checkRest: (actor, raw) => projectEditProblems({ actor, raw }),
    revalidate: PAGES,
  });
}

export async function setProjectRetiredAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:manage',
    schema: projectRetireSchema,
    input,
    write: (actor, data) => setProjectRetired({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function editInstitutionAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:manage',
    schema: institutionEditSchema,
    input,
    write: (actor, data) => editInstitution({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function setInstitutionRetiredAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'project:manage',
    schema: institutionRetireSchema,
    input,
    write: (actor, data) => setInstitutionRetired({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function editIndicatorAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'catalogue:manage',
    schema: indicatorEditSchema,
    input,
    write: (actor, data) => editIndicator({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function setIndicatorRetiredAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'catalogue:manage',
    schema: indicatorRetireSchema,
    input,
    write: (actor, data) => setIndicatorRetired({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function editTechnologyAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'catalogue:manage',
    schema: technologyEditSchema,
    input,
    write: (actor, data) => editTechnology({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function setTechnologyRetiredAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'catalogue:manage',
    schema: technologyRetireSchema,
    input,
    write: (actor, data) => setTechnologyRetired({ actor, input: data }),
    revalidate: PAGES,
  });
}
