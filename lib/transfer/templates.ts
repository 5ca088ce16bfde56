import 'server-only';
/**
 * Import templates. The first sheet is the one imported: the table's columns,
 * headed in the reader's language, with a drop-down list on every coded column
 * (names in the reader's language; a code or the other language's name is
 * accepted too, so the list warns rather than refuses). The second sheet shows
 * one filled row and is never read; reference sheets list every value the
 * columns accept.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../i18n/config';
import type { Translate } from '../i18n/translator';
import type { Actor } from '../rules/authz';
import { INSTITUTION_SOURCE } from './sheets/metrics';
import { codesOf, labelOf } from './labels';
import { headerOf, type Column } from './tabular/columns';
import { neutralised } from './tabular/formula';
import { pathOf, stageName } from '../rules/stages';
import {
  allowedValuesSheet,
  importableProjectsSheet,
  indicatorSheet,
  projectCatalogues,
  stageReferences,
  type ListRange,
  type Ref,
} from './template-references';
import { tableColumns, type ImportTable } from './transfers';

/**
 * Rows of the data sheet that carry the drop-down lists. exceljs expands every
 * validated cell into memory when it reads a file, so the lists stop here; rows
 * below still import and are checked the same way.
 */
export const VALIDATED_ROWS = 5_000;

type Lists = Partial<Record<'programs' | 'directions' | 'fields' | 'stages' | 'institutions' | 'indicators' | 'projects', ListRange | string[]>>;
/** What a table's reference sheets give the data sheet: its lists, the sources it offers, an example row. */
type References = { lists: Lists; sources?: readonly string[]; example: Record<string, string | number> };

/** exceljs writes sheet-level data validations; its type declarations do not list them yet. */
type ValidatedSheet = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

/** An inline list ("a,b,c") or a range on a reference sheet, as a list validation's formula; null for an empty list. */
function listFormula(items: ListRange | string[] | undefined): string | null {
  if (!items) return null;
  if (typeof items === 'string') return items;
  return items.length ? `"${items.map((i) => i.replaceAll('"', '""')).join(',')}"` : null;
}

function choicesFormula(column: Column<never>, refs: References, { t, locale }: Ref): string | null {
  const choices = column.choices;
  if (!choices) return null;
  if ('yesNo' in choices) return listFormula([t('history.yes'), t('history.no')]);
  if ('list' in choices) {
    const codes = choices.list === 'source' && refs.sources ? refs.sources : codesOf(choices.list);
    return listFormula(codes.map((code) => labelOf(choices.list, code, locale)));
  }
  return listFormula(refs.lists[choices.sheet]);
}

function addChoices(ws: ExcelJS.Worksheet, columns: Column<never>[], refs: References, ref: Ref) {
  columns.forEach((c, i) => {
    const formula = choicesFormula(c, refs, ref);
    if (!formula) return;
    const letter = ws.getColumn(i + 1).letter;
    (ws as ValidatedSheet).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: ref.t('transfer.templateText.choiceTitle'),
      error: ref.t('transfer.templateText.choiceWarning'),
    });
  });
}

const REFERENCES: Record<ImportTable, (workbook: ExcelJS.Workbook, actor: Actor, ref: Ref) => Promise<References>> = {
  projects: async (workbook, actor, ref) => {
    const { t, locale } = ref;
    const stages = await stageReferences(ref);
    allowedValuesSheet(workbook, ref, [], stages.rows);
    const catalogues = await projectCatalogues(workbook, actor, ref);
    const f = catalogues.example.field;
    // The example follows its program's lifecycle: entered at the first stage, one step on, that date known only as a bound.
    const lifecycle = stages.lifecycleOf.get(f?.direction.program.code ?? '');
    const [first, second] = lifecycle ? pathOf(lifecycle) : [];
    return {
      lists: {
        programs: catalogues.programs,
        directions: catalogues.directions,
        fields: catalogues.fields,
        stages: stages.names,
        institutions: catalogues.institutions,
      },
      example: {
        code: 'EXAMPLE-01',
        name: t('transfer.example.projectName'),
        program: f?.direction.program.code ?? '',
        direction: f?.direction.code ?? '',
        field: f?.code ?? '',
        fieldInferred: t('history.no'),
        stage: second ? stageName(second, locale) : '',
        history: first && second ? `${first.code}=2020-01-15；${second.code}=../2020-06-12` : '',
        lead: catalogues.example.institution,
        technologies: catalogues.example.technology,
        scenarios: t('transfer.example.scenarios'),
        summary: t('transfer.example.summary'),
        isPlaceholder: t('history.no'),
        sourceNote: t('transfer.example.source'),
      },
    };
  },
  institutions: async (workbook, _actor, ref) => {
    const { t, locale } = ref;
    allowedValuesSheet(workbook, ref, [{ header: t('transfer.reference.kind'), list: 'kind' }]);
    return {
      lists: {},
      example: {
        name: t('transfer.example.institutionName'),
        shortName: t('transfer.example.shortName'),
        kind: labelOf('kind', 'BANK', locale),
        kindInferred: t('history.no'),
        licensed: t('history.yes'),
        isPlaceholder: t('history.no'),
        sourceNote: t('transfer.example.source'),
      },
    };
  },
  metrics: async (workbook, actor, ref) => {
    const { t, locale } = ref;
    // An institution reports its own figures: the one source it may give.
    const sources = actor.role === 'INSTITUTION' ? [INSTITUTION_SOURCE] : codesOf('source');
    allowedValuesSheet(workbook, ref, [
      { header: t('transfer.reference.qualifier'), list: 'qualifier' },
      { header: t('transfer.reference.source'), list: 'source', only: sources },
    ]);
    const indicators = await indicatorSheet(workbook, ref);
    const projects = await importableProjectsSheet(workbook, actor, ref);
    return {
      lists: { indicators: indicators.range, projects: projects.range },
      sources,
      example: {
        projectCode: projects.first?.code ?? 'BJFT-02',
        indicatorCode: indicators.first?.code ?? '',
        asOf: '2021-03-31',
        value: 100,
        unit: indicators.first?.unit ?? '',
        qualifier: labelOf('qualifier', 'ABOUT', locale),
        source: labelOf('source', INSTITUTION_SOURCE, locale),
        sourceNote: t('transfer.example.metricSource'),
        correctionNote: '',
      },
    };
  },
};

export async function buildTemplate(options: { actor: Actor; table: ImportTable; locale: Locale; t: Translate }): Promise<Buffer> {
  const { actor, table, locale, t } = options;
  const ref = { t, locale };
  const columns = tableColumns[table].filter((c) => !c.readOnly && !c.machine);
  const header = columns.map((c) => headerOf(c, locale));
  const workbook = new ExcelJS.Workbook();
  // Sheets keep the order they are added in: the imported one first, the example second.
  const data = workbook.addWorksheet(t(`transfer.tables.${table}`), { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(header).font = { bold: true };
  columns.forEach((c, i) => (data.getColumn(i + 1).width = Math.max(14, header[i].length * 2 + 4)));
  const example = workbook.addWorksheet(t('transfer.templateText.exampleSheet'));
  const refs = await REFERENCES[table](workbook, actor, ref);
  addChoices(data, columns, refs, ref);
  example.addRow([t('transfer.templateText.exampleNote')]).font = { italic: true };
  example.addRow(header).font = { bold: true };
  example.addRow(columns.map((c) => (typeof refs.example[c.key] === 'string' ? neutralised(String(refs.example[c.key])) : (refs.example[c.key] ?? ''))));
  example.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
