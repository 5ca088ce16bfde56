'use client';

import { startExportJobAction } from '@/app/actions/exports';
import { ActionForm } from '@/components/forms/action-form';

/** The button that starts a background export of the view the reader was sent here from. */
export function ExportOffer(props: { table: string; format: string; view: string; locale: string; label: string }) {
  return (
    <ActionForm action={startExportJobAction} submitLabel={props.label} testId="export-offer" subject="export">
      <input type="hidden" name="table" value={props.table} />
      <input type="hidden" name="format" value={props.format} />
      <input type="hidden" name="view" value={props.view} />
      <input type="hidden" name="locale" value={props.locale} />
    </ActionForm>
  );
}
