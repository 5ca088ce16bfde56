/** The tables that can be exported and imported, and their columns (shared by server and tests). */
import type { Column } from '../tabular/columns';
import { institutionColumns } from './institutions';
import { projectColumns } from './projects';

export const TABLES = ['projects', 'institutions'] as const;
export type Table = (typeof TABLES)[number];

export const tableColumns: Record<Table, Column<never>[]> = {
  projects: projectColumns as Column<never>[],
  institutions: institutionColumns as Column<never>[],
};
