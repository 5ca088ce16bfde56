/** The look of every text field, select and textarea in a form. */
export const inputClass = 'mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm max-sm:min-h-10';
