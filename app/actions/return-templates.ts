'use server';

import { runAction, type ActionResult } from '@/lib/server/actions';
import { createSchedule, createTemplate, editSchedule, editTemplate } from '@/lib/data/return-templates';
import { returnScheduleCreateSchema, returnScheduleEditSchema, returnTemplateCreateSchema, returnTemplateEditSchema } from '@/lib/schemas/return-templates';

// Regulators and administrators set what a program's projects must report and
// when. Each is a public POST through runAction. A template or a schedule
// changes what the board counts as due.
const PAGES = ['/returns', '/returns/templates', '/returns/templates/[id]', '/dashboard', '/audit'];

export async function createReturnTemplateAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'return:manage',
    schema: returnTemplateCreateSchema,
    input,
    write: (actor, data) => createTemplate({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function editReturnTemplateAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'return:manage',
    schema: returnTemplateEditSchema,
    input,
    write: (actor, data) => editTemplate({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function createReturnScheduleAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'return:manage',
    schema: returnScheduleCreateSchema,
    input,
    write: (actor, data) => createSchedule({ actor, input: data }),
    revalidate: PAGES,
  });
}

export async function editReturnScheduleAction(_prev: ActionResult | null, input: unknown): Promise<ActionResult> {
  return runAction({
    capability: 'return:manage',
    schema: returnScheduleEditSchema,
    input,
    write: (actor, data) => editSchedule({ actor, input: data }),
    revalidate: PAGES,
  });
}
